package dev.earshot.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform's HTTP API, spoken in JSON. Every call first checks the rate-limit gate: when the
 * platform said an endpoint's budget is spent (remaining 0, or a 429), calls to that endpoint fail
 * fast with {@link DeliveryException.Kind#RATE_LIMITED} until the reset instead of reaching the
 * network; other endpoints go on (platforms count posting or logging in apart from reading).
 * Every call is bounded ({@link HttpLimits}: connect, headers, body, total, size); a call cut by
 * them, and any network failure, is {@link DeliveryException.Kind#TRANSIENT}. HTTP statuses are
 * mapped by {@link HttpReply#orThrow()}, so that a caller can look at a status first (an expired
 * session, a record that is not there) and leave the rest to the common rules.
 *
 * <p>The JDK client never re-sends a POST whose answer was lost (unlike {@code HttpURLConnection}),
 * so a lost answer stays a lost answer: the caller settles it by looking, never by sending twice.
 */
public final class JsonHttp {
    private static final Logger log = LoggerFactory.getLogger(JsonHttp.class);
    public static final ObjectMapper JSON = new ObjectMapper();

    /** Reads fail for good as BROKEN (a human must look); writes as REJECTED (this item only). */
    public enum Call { READ, WRITE }

    /** Signs a request whose signature covers its method and full URL (X's OAuth 1.0a). */
    @FunctionalInterface
    public interface Signer {
        /** The {@code Authorization} header for this request. */
        String authorization(String method, String url);
    }

    private final String platform;
    private final URI base;
    private final HttpClient client;
    private final Clock clock;
    private final RateLimitHeaders limits;
    private final HttpLimits bounds;
    /**
     * Per endpoint ({@code METHOD /path}, numeric ids as {@code :id}): platforms count some limits
     * apart (posting, createSession), so a spent posting budget must not stop the polling.
     */
    private final Map<String, Instant> blocked = new ConcurrentHashMap<>();
    /** The platform counts every call against one budget (Reddit): a spent budget holds them all. */
    private volatile boolean oneBudget;

    /**
     * @param platform the platform's name, for messages ({@code Mastodon})
     * @param base the API's root, {@code https://mastodon.social}; paths are appended to it
     */
    public JsonHttp(String platform, URI base, HttpClient client, Clock clock, RateLimitHeaders limits,
                    HttpLimits bounds) {
        this.platform = platform;
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
        this.client = client;
        this.clock = clock;
        this.limits = limits;
        this.bounds = bounds;
    }

    public JsonHttp(String platform, URI base, HttpClient client, Clock clock, RateLimitHeaders limits,
                    Duration timeout) {
        this(platform, base, client, clock, limits, HttpLimits.of(timeout));
    }

    /**
     * A client that gives up connecting after {@link HttpLimits#DEFAULT}'s connect deadline and
     * follows no redirect: a redirected request would carry the bearer token to wherever it points.
     * A 3xx is reported as it is.
     */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(HttpLimits.DEFAULT.connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Every call shares one budget from now on (Reddit counts per client, whatever the endpoint). */
    public JsonHttp withOneBudget() {
        oneBudget = true;
        return this;
    }

    public String platform() {
        return platform;
    }

    public URI base() {
        return base;
    }

    public HttpLimits bounds() {
        return bounds;
    }

    public Request get(String path) {
        return new Request("GET", path, Call.READ);
    }

    public Request post(String path) {
        return new Request("POST", path, Call.WRITE);
    }

    /**
     * Until when some calls are held back by the platform's rate limit (the latest of the
     * endpoints'); {@link Instant#MIN} when none are.
     */
    public Instant blockedUntil() {
        Instant now = clock.instant();
        return blocked.values().stream().filter(now::isBefore).max(Instant::compareTo).orElse(Instant.MIN);
    }

    /** The endpoint a limit applies to: method and path, with numeric path segments (ids) as {@code :id}. */
    static String endpoint(String method, String path) {
        return method + " " + path.replaceAll("/\\d+(?=/|$)", "/:id");
    }

    private void block(String endpoint, Instant until) {
        Instant now = clock.instant();
        blocked.values().removeIf(u -> !now.isBefore(u));
        blocked.merge(endpoint, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** One request being built. Query values and form fields are percent-encoded here. */
    public final class Request {
        private final String method;
        private final String path;
        private final List<String> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private Call call;
        private Signer signer;

        private Request(String method, String path, Call call) {
            this.method = method;
            this.path = path;
            this.call = call;
        }

        /** Adds a query parameter; repeat it for arrays ({@code types[]}, {@code reasons}). */
        public Request query(String name, String value) {
            if (value != null) {
                query.add(encode(name) + "=" + encode(value));
            }
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** Signs the request as sent, query included, into its {@code Authorization} header. */
        public Request signedBy(Signer signer) {
            this.signer = signer;
            return this;
        }

        /** A POST that only reads (a login, a refresh): its 4xx mean BROKEN, not REJECTED. */
        public Request as(Call kind) {
            this.call = kind;
            return this;
        }

        public Request form(Map<String, String> fields) {
            StringBuilder s = new StringBuilder();
            fields.forEach((k, v) -> {
                if (v != null) {
                    s.append(s.length() == 0 ? "" : "&").append(formEncode(k)).append('=').append(formEncode(v));
                }
            });
            header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(s.toString(), StandardCharsets.UTF_8);
            return this;
        }

        public Request json(Object value) {
            try {
                header("Content-Type", "application/json");
                body = HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write the request body as JSON", e);
            }
            return this;
        }

        /** Sends, or fails fast while rate limited; any HTTP status comes back as an {@link HttpReply}. */
        public HttpReply send() throws DeliveryException {
            Instant now = clock.instant();
            String endpoint = oneBudget ? "every call" : endpoint(method, path);
            Instant until = blocked.getOrDefault(endpoint, Instant.MIN);
            if (now.isBefore(until)) {
                throw DeliveryException.rateLimited(platform + " rate limit is spent until " + until
                        + "; not calling " + method + " " + path, RateLimitHeaders.bounded(Duration.between(now, until)));
            }
            String uri = base + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(bounds.headers())
                    .header("Accept", "application/json")
                    .header("User-Agent", "Earshot")
                    .method(method, body);
            headers.forEach(b::setHeader); // a platform's own User-Agent replaces ours
            if (signer != null) {
                b.header("Authorization", signer.authorization(method, uri));
            }
            HttpResponse<byte[]> response = exchange(b.build());
            Instant after = clock.instant();
            Optional<Duration> wait = Optional.empty();
            if (response.statusCode() == 429) {
                wait = limits.waitAfter429(response.headers(), after);
                wait.ifPresent(w -> block(endpoint, after.plus(w)));
            } else {
                OptionalLong remaining = limits.remainingIn(response.headers());
                if (remaining.isPresent() && remaining.getAsLong() <= 0) {
                    limits.resetIn(response.headers(), after).filter(after::isBefore).ifPresent(r -> {
                        block(endpoint, r);
                        log.info("{} rate limit for {} spent; those calls wait until {}", platform, endpoint, r);
                    });
                }
            }
            log.debug("{} {} {} -> {}", platform, method, path, response.statusCode());
            return new HttpReply(platform, method, path, call, response.statusCode(), parse(response.body()),
                    new String(response.body(), StandardCharsets.UTF_8), wait);
        }

        /** Sends and returns the JSON body of a 2xx; anything else is thrown by the common rules. */
        public JsonNode fetch() throws DeliveryException {
            return send().orThrow();
        }

        /** The exchange within the deadlines and the size cap; whatever stops it is TRANSIENT. */
        private HttpResponse<byte[]> exchange(HttpRequest request) throws DeliveryException {
            return BoundedExchange.send(client, request, bounds, platform + " " + method + " " + path,
                    DeliveryException.Kind.TRANSIENT);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** RFC 3986 for query values (a space is %20): what every platform reads, and what OAuth 1.0a signs. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String formEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
