package io.releasepilot.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseAuthorizationTest {
    private static final String RULES = """
            # payments may release checkout to production and any staging
            payments/**         checkout   production
            payments/deploy-*   *          staging-*
            ops/rollback        *          production
            """;
    private final ReleaseAuthorization rules = ReleaseAuthorization.parse(RULES, "production, prod-*");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "payments/deploy        | checkout | production  | true  | allowed by rule 2 'payments/** checkout production'",
                "payments/eu/deploy     | checkout | production  | true  | allowed by rule 2",
                "ops/rollback           | billing  | production  | true  | allowed by rule 4",
                "web/deploy             | checkout | production  | false | refused by rule 2 'payments/** checkout production' and rule 4 'ops/rollback * production'",
                "payments/deploy        | billing  | production  | false | refused by rule 4 'ops/rollback * production'",
                "payments/deploy-eu     | checkout | staging-eu  | true  | allowed by rule 3",
                "payments/eu/deploy-x   | checkout | staging-eu  | false | refused by rule 3",
                "web/deploy             | checkout | prod-eu     | false | refused by the protected-environment rule 'prod-*'",
                "web/deploy             | checkout | qa          | true  | qa is not protected and no rule lists it",
            })
    void shouldDecideAndNameTheRule(String job, String service, String environment, boolean allowed, String why) {
        ReleaseAuthorization.Decision d = rules.decide(job, service, environment);

        assertThat(d.allowed()).as(d.explanation()).isEqualTo(allowed);
        assertThat(d.explanation()).contains(why);
    }

    @Test
    void shouldNeedTheServiceOnlyWhereRulesOrProtectionApply() {
        assertThat(rules.needsService("production")).isTrue();
        assertThat(rules.needsService("prod-us")).isTrue();
        assertThat(rules.needsService("staging-eu")).isTrue();
        assertThat(rules.needsService("qa")).isFalse();
        assertThat(ReleaseAuthorization.open().needsService("production")).isFalse();
    }

    @Test
    void shouldRefuseAMalformedRuleWithItsLine() {
        assertThatThrownBy(() -> ReleaseAuthorization.parse("payments/** checkout\n", ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("'<job glob> <service glob> <environment glob>'");
    }
}
