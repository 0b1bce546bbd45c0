package io.releasepilot.core.events;

/**
 * NATS subjects of release events: {@code releasepilot.<environment>.<service>.<event-type>}. Service and environment
 * names may contain characters NATS gives a meaning to ({@code .}, {@code *}, {@code >}, white space), so each becomes
 * one safe token; the exact names stay in the event's data.
 */
public final class EventSubjects {
    /** Every subject starts with this token; the stream listens on {@code releasepilot.>}. */
    public static final String ROOT = "releasepilot";

    /** The NATS wildcard matching every release event. */
    public static final String ALL = ROOT + ".>";

    private EventSubjects() {}

    public static String subject(String environment, String service, EventType type) {
        return ROOT + "." + token(environment) + "." + token(service) + "." + type.token();
    }

    /** A filter for one service in one environment; {@code null} stands for any. */
    public static String filter(String environment, String service) {
        return ROOT + "." + (environment == null ? "*" : token(environment)) + "."
                + (service == null ? "*" : token(service)) + ".*";
    }

    /**
     * One subject token: letters, digits, {@code -} and {@code _} kept, anything else replaced by {@code _}; empty input
     * becomes {@code _}. Distinct names can map to one token; subscribers that care read the names from the data.
     */
    public static String token(String name) {
        if (name.isEmpty()) {
            return "_";
        }
        StringBuilder token = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean safe =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            token.append(safe ? c : '_');
        }
        return token.toString();
    }
}
