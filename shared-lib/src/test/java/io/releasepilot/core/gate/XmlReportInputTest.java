package io.releasepilot.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.gate.jacoco.JacocoGateSource;
import io.releasepilot.core.gate.junit.JunitGateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken XML gives a clear InvalidInputException for every XML parser: no hang, no disclosed file. */
class XmlReportInputTest {

    static Stream<Arguments> hostileInputs() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<testsuite><testcase name=\"&xxe;\"/><system-out>&xxe;</system-out></testsuite>";
        String parameterEntity =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY % p SYSTEM \"file:///etc/passwd\">"
                        + " %p;]>\n<report name=\"x\"><counter type=\"LINE\" missed=\"0\" covered=\"1\"/></report>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                laughs.append("&lol")
                        .append(i == 1 ? "" : String.valueOf(i - 1))
                        .append(';');
            }
            laughs.append("\">");
        }
        laughs.append("]>\n<testsuite><testcase name=\"&lol9;\"/></testsuite>");
        return Stream.of(
                Arguments.of("xxe", xxe, "entity"),
                Arguments.of("parameter entity", parameterEntity, "entity"),
                Arguments.of("billion laughs", laughs.toString(), "entity"),
                Arguments.of("truncated", "<?xml version=\"1.0\"?><testsuite><testcase name=\"a\">", "not a valid XML"),
                Arguments.of("empty", "", "not a valid XML"),
                Arguments.of("not xml", "{\"tests\": 3}", "not a valid XML"),
                Arguments.of("two roots", "<testsuite/><testsuite/>", "not a valid XML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void shouldRejectHostileOrBrokenXmlClearly(String name, String content, String message, @TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("report.xml"), content);

        for (Consumer<Path> parser : parsers()) {
            Throwable error = catchThrowable(() -> parser.accept(file));

            assertThat(error).as(name).isInstanceOf(InvalidInputException.class);
            assertThat(error.getMessage()).as(name).contains("report.xml");
            assertThat(error.getMessage()).as(name).doesNotContain("root:x:0:0");
        }
    }

    @ParameterizedTest(name = "binary seed {0}")
    @MethodSource("seeds")
    void shouldRejectBinaryInput(long seed, @TempDir Path dir) throws Exception {
        byte[] bytes = new byte[4096];
        new Random(seed).nextBytes(bytes);
        Path file = Files.write(dir.resolve("binary.xml"), bytes);

        for (Consumer<Path> parser : parsers()) {
            assertThat(catchThrowable(() -> parser.accept(file)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("binary.xml");
        }
    }

    @ParameterizedTest(name = "limit {0}")
    @MethodSource("limits")
    void shouldEnforceTheSizeLimit(long limit, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("big.xml"), "<testsuite>" + "<testcase name=\"a\"/>".repeat(1000) + "</testsuite>");

        assertThat(catchThrowable(() -> JunitGateSource.parse(file, limit)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("size limit");
    }

    @org.junit.jupiter.api.Test
    void shouldNeverFetchTheDoctypeOfAReport(@TempDir Path dir) throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] dtd = "<!ENTITY evil \"EVIL\">".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/report.dtd";
            Path file = Files.writeString(
                    dir.resolve("jacoco.xml"),
                    "<?xml version=\"1.0\"?>"
                            + "<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"" + url + "\">"
                            + "<report name=\"x\"><counter type=\"LINE\" missed=\"1\" covered=\"3\"/></report>");

            assertThat(JacocoGateSource.values(JacocoGateSource.parse(file, 100_000)))
                    .containsEntry("line", 0.75);
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L);
    }

    static Stream<Long> limits() {
        return Stream.of(100L, 10_000L);
    }

    private static java.util.List<Consumer<Path>> parsers() {
        return java.util.List.of(
                file -> JunitGateSource.parse(file, XmlReportInput.DEFAULT_MAX_BYTES),
                file -> JacocoGateSource.parse(file, XmlReportInput.DEFAULT_MAX_BYTES));
    }
}
