package io.releasepilot.cli.dashboard;

import io.releasepilot.core.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Who may see the dashboard and who may act on releases. A viewer is authenticated by a bearer token, basic auth, or
 * the {@code X-Forwarded-User} header of a reverse proxy whose address is trusted (the header from any other address
 * is ignored); anonymous readers only when configured. Everyone is read-only unless named an operator. Operator actions
 * need the CSRF token of their page: an HMAC of the user's name under a key drawn at start.
 */
public final class DashboardAccess {
    /** The header a trusted reverse proxy names the user in. */
    public static final String PROXY_USER_HEADER = "X-Forwarded-User";

    /** An authenticated (or anonymous) viewer. */
    public record Viewer(String name, boolean anonymous, boolean operator) {
        public Viewer {
            Objects.requireNonNull(name, "name");
        }
    }

    private final Map<String, String> passwords;
    private final Map<String, String> tokens;
    private final Set<InetAddress> trustedProxies;
    private final boolean anonymousRead;
    private final Set<String> operators;
    private final byte[] csrfKey;

    /**
     * @param passwords basic-auth passwords by user
     * @param tokens bearer tokens by user
     * @param trustedProxies the addresses whose {@code X-Forwarded-User} header is believed
     * @param anonymousRead whether viewers without credentials may read
     * @param operators users who may pause, resume, promote, abort and roll back
     */
    public DashboardAccess(
            Map<String, String> passwords,
            Map<String, String> tokens,
            Set<InetAddress> trustedProxies,
            boolean anonymousRead,
            Set<String> operators) {
        this.passwords = Map.copyOf(passwords);
        this.tokens = Map.copyOf(tokens);
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.anonymousRead = anonymousRead;
        this.operators = Set.copyOf(operators);
        this.csrfKey = new byte[32];
        new SecureRandom().nextBytes(csrfKey);
    }

    /**
     * Parses {@code user:secret,user:secret} (the form of {@code RP_DASHBOARD_USERS} and {@code RP_DASHBOARD_TOKENS}).
     *
     * @param variable the variable's name, for the error message
     */
    public static Map<String, String> pairs(String variable, @Nullable String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.strip().length() - 1) {
                throw new InvalidInputException(
                        variable + " must be a comma-separated list of user:secret, got an entry"
                                + " without user or secret; example: " + variable + "=alice:s3cret,bob:0ther");
            }
            out.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return out;
    }

    /** Whether anyone at all can be let in (otherwise serve would answer every page with 401). */
    public boolean anyoneCanRead() {
        return anonymousRead || !passwords.isEmpty() || !tokens.isEmpty() || !trustedProxies.isEmpty();
    }

    /** The viewer of a request, or empty when it must be refused (401). */
    Optional<Viewer> viewer(@Nullable String authorization, @Nullable String proxyUser, InetAddress from) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String given = authorization.substring(7).strip();
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                if (same(given, token.getValue())) {
                    return Optional.of(named(token.getKey()));
                }
            }
            return Optional.empty();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            String user = colon < 0 ? decoded : decoded.substring(0, colon);
            String password = passwords.get(user);
            return password != null && same(decoded, user + ":" + password)
                    ? Optional.of(named(user))
                    : Optional.empty();
        }
        if (proxyUser != null && !proxyUser.isBlank() && trustedProxies.contains(from)) {
            return Optional.of(named(proxyUser.strip()));
        }
        return anonymousRead ? Optional.of(new Viewer("anonymous", true, false)) : Optional.empty();
    }

    private Viewer named(String name) {
        return new Viewer(name, false, operators.contains(name));
    }

    /** The CSRF token the pages of {@code viewer} carry in their action forms. */
    String csrfToken(Viewer viewer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(viewer.name().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /**
     * Whether a POST of {@code viewer} is its own: the CSRF token matches, and an {@code Origin} header, when the
     * browser sent one, names the host the request was sent to.
     */
    boolean sameSite(Viewer viewer, @Nullable String token, @Nullable String origin, @Nullable String host) {
        if (token == null || !same(token, csrfToken(viewer))) {
            return false;
        }
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean same(String given, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "DashboardAccess[users=" + passwords.keySet() + ", tokens=" + tokens.keySet() + ", trustedProxies="
                + trustedProxies + ", anonymousRead=" + anonymousRead + ", operators=" + operators + "]";
    }
}
