package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormChecksTest {
    @Test
    void shouldAcceptAPostgresUrlAndRejectOthers() {
        assertThat(FormChecks.databaseUrl("jdbc:postgresql://db:5432/rp").kind())
                .isEqualTo(Validation.Kind.OK);
        assertThat(FormChecks.databaseUrl("mysql://db").kind()).isEqualTo(Validation.Kind.ERROR);
        assertThat(FormChecks.databaseUrl("").kind()).isEqualTo(Validation.Kind.WARNING);
    }

    @Test
    void shouldRejectSecretsInUrls() {
        assertThat(FormChecks.natsUrl("nats://user:pw@nats:4222").message()).contains("credentials ID");
        assertThat(FormChecks.databaseUrl("jdbc:postgresql://db/rp?password=x").kind())
                .isEqualTo(Validation.Kind.ERROR);
    }

    @Test
    void shouldCheckSchemesAndPaths() {
        assertThat(FormChecks.prometheusUrl("http://prom:9090").kind()).isEqualTo(Validation.Kind.OK);
        assertThat(FormChecks.prometheusUrl("ftp://prom").kind()).isEqualTo(Validation.Kind.ERROR);
        assertThat(FormChecks.specPath("../etc/passwd").kind()).isEqualTo(Validation.Kind.ERROR);
        assertThat(FormChecks.specPath("deploy/release-pilot.yml").kind()).isEqualTo(Validation.Kind.OK);
        assertThat(FormChecks.name("Prod!", "environment", true).kind()).isEqualTo(Validation.Kind.ERROR);
        assertThat(FormChecks.name(null, "environment", true).kind()).isEqualTo(Validation.Kind.ERROR);
    }

    @Test
    void shouldRedactSecretsInConnectionSettings() {
        String s = new ConnectionSettings("jdbc:postgresql://db/rp", "rp", "s3cret", null, "tok3n", null).toString();

        assertThat(s).doesNotContain("s3cret").doesNotContain("tok3n").contains("****");
    }
}
