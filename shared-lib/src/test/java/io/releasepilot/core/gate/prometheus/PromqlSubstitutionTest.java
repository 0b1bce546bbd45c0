package io.releasepilot.core.gate.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.releasepilot.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class PromqlSubstitutionTest {
    private static final String QUERY = "sum(rate(http_requests_total{service=\"api\",version=\"{{version}}\"}[1m]))";

    @Test
    void shouldPutAPlainVersionInAsItIs() {
        assertThat(PrometheusClient.withVersion(QUERY, "1.4.0-rc.1+build.7"))
                .isEqualTo("sum(rate(http_requests_total{service=\"api\",version=\"1.4.0-rc.1+build.7\"}[1m]))");
    }

    @Test
    void shouldNeverLetAQuoteInTheVersionEndTheString() {
        String hostile = "1.0\"} or vector(1) or up{x=\"";

        String query = PrometheusClient.withVersion(QUERY, hostile);

        assertThat(query)
                .isEqualTo(
                        "sum(rate(http_requests_total{service=\"api\",version=\"1.0\\\"} or vector(1) or up{x=\\\"\"}"
                                + "[1m]))");
    }

    @Test
    void shouldEscapeBackslashesAndLineBreaks() {
        assertThat(PrometheusClient.withVersion("up{version=\"{{version}}\"}", "a\\\"b\nc"))
                .isEqualTo("up{version=\"a\\\\\\\"b\\nc\"}");
    }

    @Test
    void shouldEscapeForTheQuoteTheQueryUses() {
        assertThat(PrometheusClient.withVersion("up{version='{{version}}'}", "it's\""))
                .isEqualTo("up{version='it\\'s\"'}");
    }

    @Test
    void shouldKeepEscapedQuotesOfTheQueryItself() {
        assertThat(PrometheusClient.withVersion("up{a=\"x\\\"y\",version=\"{{version}}\"}", "1\""))
                .isEqualTo("up{a=\"x\\\"y\",version=\"1\\\"\"}");
    }

    @Test
    void shouldRefuseWhatCannotBeEscaped() {
        assertThatThrownBy(() -> PrometheusClient.withVersion("up{version=`{{version}}`}", "1`2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("backtick");
        assertThatThrownBy(() -> PrometheusClient.withVersion("up offset {{version}}", "1) or vector(1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("in quotes");
        assertThat(PrometheusClient.withVersion("up{version=`{{version}}`}", "1.2"))
                .isEqualTo("up{version=`1.2`}");
    }
}
