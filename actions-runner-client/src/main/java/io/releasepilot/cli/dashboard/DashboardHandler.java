package io.releasepilot.cli.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.releasepilot.cli.dashboard.DashboardAccess.Viewer;
import io.releasepilot.core.InvalidInputException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.core.state.Actor;
import io.releasepilot.core.state.AuditAction;
import io.releasepilot.core.state.Release;
import io.releasepilot.core.state.ReleaseStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's routes on serve's HTTP server: the pages, their {@code /api/...} JSON, {@code /events} (server-sent
 * events), the assets from the jar, and {@code POST /actions}. Every answer carries the security headers; pages and
 * API answers are never stored by caches (they hold CSRF tokens and live state).
 */
public final class DashboardHandler implements HttpHandler, AutoCloseable {
    /** CSP: only this origin's script and style files, no inline script, never framed. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final int MAX_FORM_BYTES = 4096;
    private static final int MAX_LISTENERS = 64;

    private final BoardReader reader;
    private final DashboardPages pages;
    private final DashboardAccess access;
    private final ReleaseStore store;
    private final LedgerFeed feed;
    private final Map<String, byte[]> assets = new HashMap<>();

    /**
     * @param store the ledger (read for the pages, written by operator actions)
     * @param service the spec's service
     * @param environments the spec's environments, in order
     * @param window the window of the history page and its DORA figures
     */
    public DashboardHandler(
            ReleaseStore store,
            String service,
            java.util.List<String> environments,
            java.time.Duration window,
            DashboardAccess access,
            java.time.Duration poll) {
        this.store = store;
        this.access = access;
        this.reader = new BoardReader(store, service, environments, window, java.time.Clock.systemUTC());
        this.pages = new DashboardPages(access, service, environments);
        this.feed = new LedgerFeed(store.outbox(), poll);
        for (String asset : java.util.List.of("dashboard.css", "dashboard.js", "favicon.svg")) {
            try (InputStream in = DashboardHandler.class.getResourceAsStream("/dashboard/" + asset)) {
                if (in == null) {
                    throw new IllegalStateException("/dashboard/" + asset + " is missing from the jar");
                }
                assets.put(asset, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on form posts.
        headers.set("Referrer-Policy", "same-origin");
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/assets/") && "GET".equals(exchange.getRequestMethod())) {
            asset(exchange, path.substring("/assets/".length()));
            return;
        }
        if ("/favicon.ico".equals(path)) {
            // Browsers ask for it whatever the page says; the pages link the SVG icon instead.
            exchange.getResponseHeaders().set("Location", "/assets/favicon.svg");
            answer(exchange, 301, "text/plain; charset=utf-8", "see /assets/favicon.svg\n");
            return;
        }
        headers.set("Cache-Control", "no-store");
        Optional<Viewer> viewer = access.viewer(
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst(DashboardAccess.PROXY_USER_HEADER),
                exchange.getRemoteAddress().getAddress());
        if (viewer.isEmpty()) {
            headers.set("WWW-Authenticate", "Basic realm=\"release-pilot\", charset=\"UTF-8\"");
            answer(
                    exchange,
                    401,
                    "text/plain; charset=utf-8",
                    "unauthorized: give a token, basic auth, or come through" + " the trusted proxy\n");
            return;
        }
        try {
            route(exchange, path, viewer.get());
        } catch (ReleasePilotException e) {
            answer(exchange, 503, "text/plain; charset=utf-8", "the ledger did not answer: " + e.getMessage() + "\n");
        } catch (RuntimeException e) {
            // The JDK server would drop the connection without a word; say what broke instead.
            answer(exchange, 500, "text/plain; charset=utf-8", "the dashboard failed on " + path + ": " + e + "\n");
        }
    }

    private void route(HttpExchange exchange, String path, Viewer viewer) throws IOException {
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && "/actions".equals(path)) {
            act(exchange, viewer);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET");
            answer(exchange, 405, "text/plain; charset=utf-8", "GET only (operator actions: POST /actions)\n");
            return;
        }
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        boolean api = path.startsWith("/api/");
        String page = api ? path.substring(4) : path;
        Object view;
        if ("/events".equals(path)) {
            events(exchange);
            return;
        } else if ("/".equals(page) || "/overview".equals(page)) {
            view = reader.overview();
        } else if (page.startsWith("/releases/")) {
            Optional<UUID> id = uuid(page.substring("/releases/".length()));
            Optional<BoardViews.Detail> detail = id.flatMap(reader::detail);
            if (detail.isEmpty()) {
                notFound(
                        exchange,
                        viewer,
                        api,
                        "no release " + page.substring("/releases/".length()) + " of this service");
                return;
            }
            view = detail.get();
        } else if ("/history".equals(page)) {
            String environment =
                    query.getOrDefault("environment", reader.environments().get(0));
            if (!reader.environments().contains(environment)) {
                notFound(exchange, viewer, api, "the spec declares no environment '" + environment + "'");
                return;
            }
            view = reader.history(environment);
        } else if ("/search".equals(page)) {
            view = reader.search(query.getOrDefault("q", ""));
        } else {
            notFound(exchange, viewer, api, "no page " + path);
            return;
        }
        if (api) {
            answer(exchange, 200, "application/json", DashboardJson.write(view) + "\n");
        } else {
            answer(
                    exchange,
                    200,
                    "text/html; charset=utf-8",
                    render(view, viewer).markup());
        }
    }

    private Html render(Object view, Viewer viewer) {
        if (view instanceof BoardViews.Overview o) {
            return pages.overview(o, viewer);
        } else if (view instanceof BoardViews.Detail d) {
            return pages.detail(d, viewer);
        } else if (view instanceof BoardViews.History h) {
            return pages.history(h, viewer);
        }
        return pages.search((BoardViews.Search) view, viewer);
    }

    private void act(HttpExchange exchange, Viewer viewer) throws IOException {
        if (!viewer.operator()) {
            answer(exchange, 403, "text/plain; charset=utf-8", viewer.name() + " may read but not act on releases\n");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            answer(exchange, 413, "text/plain; charset=utf-8", "form larger than " + MAX_FORM_BYTES + " bytes\n");
            return;
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        if (!access.sameSite(
                viewer,
                form.get("csrf"),
                exchange.getRequestHeaders().getFirst("Origin"),
                exchange.getRequestHeaders().getFirst("Host"))) {
            answer(
                    exchange,
                    403,
                    "text/plain; charset=utf-8",
                    "missing or wrong CSRF token: reload the page and try again\n");
            return;
        }
        Optional<UUID> id = uuid(form.getOrDefault("release", ""));
        AuditAction action = operation(form.getOrDefault("operation", ""));
        if (id.isEmpty() || action == null) {
            answer(
                    exchange,
                    400,
                    "text/plain; charset=utf-8",
                    "need release (a release id) and operation (pause, resume," + " promote, abort or rollback)\n");
            return;
        }
        Optional<Release> release = store.find(id.get());
        if (release.isEmpty() || !release.get().service().equals(reader.service())) {
            answer(exchange, 404, "text/plain; charset=utf-8", "no release " + id.get() + " of this service\n");
            return;
        }
        try {
            store.act(id.get(), action, Actor.of(viewer.name()), "requested on the dashboard by " + viewer.name());
        } catch (InvalidInputException e) {
            answer(exchange, 409, "text/plain; charset=utf-8", e.getMessage() + "\n");
            return;
        }
        exchange.getResponseHeaders().set("Location", "/releases/" + id.get());
        answer(exchange, 303, "text/plain; charset=utf-8", "done\n");
    }

    private static @Nullable AuditAction operation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "pause" -> AuditAction.PAUSE;
            case "resume" -> AuditAction.RESUME;
            case "promote" -> AuditAction.PROMOTE;
            case "abort" -> AuditAction.ABORT;
            case "rollback" -> AuditAction.ROLLBACK;
            default -> null;
        };
    }

    private void events(HttpExchange exchange) throws IOException {
        if (feed.size() >= MAX_LISTENERS) {
            answer(exchange, 503, "text/plain; charset=utf-8", "too many live pages open\n");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        // The exchange stays open after this handler returns, so an open page holds no worker thread; the feed
        // writes to it and drops it when the browser leaves (or the server's response timeout closes it: the
        // browser then reconnects by itself).
        feed.listen(exchange.getResponseBody());
    }

    private void asset(HttpExchange exchange, String name) throws IOException {
        byte[] bytes = assets.get(name);
        if (bytes == null) {
            answer(exchange, 404, "text/plain; charset=utf-8", "no asset " + name + "\n");
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void notFound(HttpExchange exchange, Viewer viewer, boolean api, String why) throws IOException {
        if (api) {
            answer(exchange, 404, "application/json", DashboardJson.write(Map.of("error", why)) + "\n");
        } else {
            answer(
                    exchange,
                    404,
                    "text/html; charset=utf-8",
                    pages.message("Not found", why, viewer).markup());
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Map<String, String> form(@Nullable String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // A malformed pair is ignored; the field it named is then missing and reported as such.
            }
        }
        return out;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        feed.close();
    }
}
