package io.releasepilot.core.gate;

import io.releasepilot.core.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A report file opened for streaming (StAX) with every XML attack surface closed: no DTD processing (a DOCTYPE such
 * as JaCoCo's is skipped, never fetched), no external entities (an undeclared entity reference is an error, so XXE
 * and billion-laughs payloads fail fast), and a byte limit. Memory stays bounded whatever the file size because
 * parsers only keep counters. Every problem becomes an {@link InvalidInputException} naming the file and the line.
 */
public final class XmlReportInput implements AutoCloseable {

    /** Default byte limit of one report file: generous for huge test suites, finite for hostile ones. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private static final XMLInputFactory FACTORY = newFactory();

    private final Path file;
    private final InputStream stream;
    private final XMLStreamReader reader;

    private XmlReportInput(Path file, InputStream stream, XMLStreamReader reader) {
        this.file = file;
        this.stream = stream;
        this.reader = reader;
    }

    /** Opens {@code file}; a missing, unreadable or too large file is an {@link InvalidInputException}. */
    public static XmlReportInput open(Path file, long maxBytes) {
        InputStream stream = null;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(file + ": no such report file");
            }
            if (Files.size(file) > maxBytes) {
                throw new InvalidInputException(
                        file + ": " + Files.size(file) + " bytes exceeds the report size limit of " + maxBytes);
            }
            stream = new LimitedInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024), maxBytes);
            XMLStreamReader reader = FACTORY.createFilteredReader(
                    FACTORY.createXMLStreamReader(stream), event -> refuseEntities(file, event));
            return new XmlReportInput(file, stream, reader);
        } catch (IOException | XMLStreamException e) {
            closeQuietly(stream);
            throw new InvalidInputException(file + ": cannot read report: " + e.getMessage(), e);
        }
    }

    /**
     * With DTDs off the parser would ignore entity declarations, but an entity in the document is then either an
     * error deep in the file or an unexpanded reference; refusing them up front gives one clear message for XXE and
     * entity-expansion payloads.
     */
    private static boolean refuseEntities(Path file, XMLStreamReader event) {
        if (event.getEventType() == XMLStreamConstants.DTD && event.getText().contains("<!ENTITY")) {
            throw new InvalidInputException(file + ": entity declarations are not allowed in reports (XXE guard)");
        }
        if (event.getEventType() == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new InvalidInputException(
                    file + ": entity reference &" + event.getLocalName() + "; is not allowed in reports (XXE guard)");
        }
        return true;
    }

    public XMLStreamReader reader() {
        return reader;
    }

    public Path file() {
        return file;
    }

    /** Turns a parse failure into a clear message: file, line, column and what is wrong. */
    public InvalidInputException problem(Exception error) {
        Location location = reader.getLocation();
        String where = location == null ? "" : ":" + location.getLineNumber() + ":" + location.getColumnNumber();
        String message =
                Objects.requireNonNullElse(error.getMessage(), error.getClass().getSimpleName());
        if (error.getCause() instanceof LimitExceededException limit) {
            message = Objects.requireNonNullElse(limit.getMessage(), message);
        }
        // The JDK prefixes messages with "ParseError at [row,col]:[r,c]\nMessage: "; keep only the message.
        int messageStart = message.indexOf("Message: ");
        if (messageStart >= 0) {
            message = message.substring(messageStart + "Message: ".length());
        }
        return new InvalidInputException(file + where + ": not a valid XML report: " + message.strip(), error);
    }

    /** A problem with the report's content (not its syntax), with the file and line. */
    public InvalidInputException problem(String message) {
        Location location = reader.getLocation();
        String where = location == null ? "" : ":" + location.getLineNumber();
        return new InvalidInputException(file + where + ": " + message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing a reader we are done with cannot lose data; the stream is closed below regardless.
        }
        closeQuietly(stream);
    }

    private static void closeQuietly(@Nullable InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Read-only stream: nothing to flush, nothing to lose.
            }
        }
    }

    private static XMLInputFactory newFactory() {
        // The JDK's own implementation, whatever else is on the class path, so these settings are known to hold.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        setIfSupported(factory, "jdk.xml.maxElementDepth", 1000);
        return factory;
    }

    private static void setIfSupported(XMLInputFactory factory, String name, Object value) {
        try {
            factory.setProperty(name, value);
        } catch (IllegalArgumentException e) {
            // Older JDKs lack the limit; the byte limit still bounds the input.
        }
    }

    /** Signals the byte limit; detected in {@link #problem(Exception)} to give a clear message. */
    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(String message) {
            super(message);
        }
    }

    /** Fails once more than the limit was read: protects against special files (FIFOs, /dev/zero) too. */
    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws LimitExceededException {
            count += n;
            if (count > limit) {
                throw new LimitExceededException("more than " + limit + " bytes: exceeds the report size limit");
            }
        }
    }
}
