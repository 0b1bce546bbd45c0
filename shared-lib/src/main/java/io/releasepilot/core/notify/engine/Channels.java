package io.releasepilot.core.notify.engine;

import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.notify.NotificationChannel;
import io.releasepilot.core.notify.http.JsonHttp;
import io.releasepilot.core.notify.pagerduty.PagerDutyNotificationChannel;
import io.releasepilot.core.notify.slack.SlackNotificationChannel;
import io.releasepilot.core.notify.smtp.SmtpNotificationChannel;
import io.releasepilot.core.notify.ticket.TicketNotificationChannel;
import io.releasepilot.core.notify.webhook.WebhookNotificationChannel;
import io.releasepilot.core.spec.NotificationSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the channels of a spec's {@code notifications}, reading URLs and secrets from the environment variables the spec
 * names. A variable that is missing or a URL that does not parse fails here, at start, naming the target and the
 * variable, not at the first rollback.
 */
public final class Channels {
    private Channels() {}

    public static Map<String, NotificationChannel> of(
            List<NotificationSpec> targets, Map<String, String> environment, Clock clock) {
        JsonHttp http = JsonHttp.defaults();
        Map<String, NotificationChannel> channels = new LinkedHashMap<>();
        for (NotificationSpec target : targets) {
            channels.put(target.name(), channel(target, environment, clock, http));
        }
        return channels;
    }

    private static NotificationChannel channel(
            NotificationSpec target, Map<String, String> environment, Clock clock, JsonHttp http) {
        String secret = target.secretEnv() == null ? null : variable(target, target.secretEnv(), environment);
        return switch (target.type()) {
            case WEBHOOK ->
                new WebhookNotificationChannel(target.name(), url(target, environment), secret, http, clock);
            case SLACK -> new SlackNotificationChannel(target.name(), url(target, environment), http);
            case PAGERDUTY ->
                new PagerDutyNotificationChannel(
                        target.name(),
                        target.urlEnv() == null ? PagerDutyNotificationChannel.DEFAULT_BASE : url(target, environment),
                        require(target, secret),
                        http);
            case EMAIL ->
                new SmtpNotificationChannel(
                        target.name(),
                        url(target, environment),
                        secret,
                        target.from() == null ? "release-pilot@localhost" : target.from(),
                        target.to(),
                        Duration.ofSeconds(20),
                        null);
            case TICKET ->
                new TicketNotificationChannel(
                        target.name(), url(target, environment), require(target, target.template()), secret, http);
        };
    }

    private static String require(NotificationSpec target, @Nullable String value) {
        if (value == null) {
            throw new InvalidInputException("notification target '" + target.name() + "' ("
                    + target.type().yamlName()
                    + ") needs secretEnv (and a ticket target a template); see docs/notifications.md");
        }
        return value;
    }

    private static URI url(NotificationSpec target, Map<String, String> environment) {
        String name = target.urlEnv();
        if (name == null) {
            throw new InvalidInputException("notification target '" + target.name() + "' has no urlEnv");
        }
        String value = variable(target, name, environment);
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("notification target '" + target.name() + "': " + name
                    + " does not hold a URL (scheme://host...); set it to the target's URL");
        }
    }

    private static String variable(NotificationSpec target, String name, Map<String, String> environment) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("notification target '" + target.name() + "' reads environment variable "
                    + name + ", which is not set; export it (the value stays out of the spec)");
        }
        return value;
    }
}
