package dev.earshot.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform's HTTP API faked on 127.0.0.1 with the JDK's server: routes answer from state the
 * test sets up, every request is logged, and the next answers can be made to fail the way
 * platforms fail (a status with headers, or a connection dropped after the work was done).
 */
public class FakeHttpServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as the fake saw it. Header names are lower case. */
    public record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                          String body, List<String> groups) {
        public String param(String name) {
            List<String> v = query.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public List<String> params(String name) {
            return query.getOrDefault(name, List.of());
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Form fields ({@code application/x-www-form-urlencoded}). */
        public Map<String, String> form() {
            return first(parseQuery(body));
        }

        public String group(int i) {
            return groups.get(i - 1);
        }
    }

    /** An answer. {@code drop}: do the work, then cut the connection mid-answer. {@code stream}: keep it open (SSE). */
    public record Response(int status, Map<String, String> headers, String body, boolean drop, boolean stream) {
        public static Response json(int status, Object body) {
            try {
                return new Response(status, Map.of("Content-Type", "application/json"),
                        body instanceof String s ? s : JSON.writeValueAsString(body), false, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Response ok(Object body) {
            return json(200, body);
        }

        public static Response status(int status, Map<String, String> headers, String body) {
            return new Response(status, headers, body, false, false);
        }

        public Response dropped() {
            return new Response(status, headers, body, true, false);
        }
    }

    private record Route(String method, Pattern path, Function<Request, Response> handler) {
    }

    private record Failure(String pathPrefix, Response response, int[] skip) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-platform");
        t.setDaemon(true);
        return t;
    });
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private final Map<String, String> everyResponse = new LinkedHashMap<>();
    private final List<String> dropAfterWork = new ArrayList<>();

    public FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An HTTP/1.1 client, as the fake speaks no HTTP/2. */
    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    public void route(String method, String pathRegex, Function<Request, Response> handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
    }

    /** The next requests whose path starts with {@code pathPrefix} get these answers, one each. */
    public synchronized void failNext(String pathPrefix, Response... responses) {
        for (Response r : responses) {
            failures.add(new Failure(pathPrefix, r, new int[] {0}));
        }
    }

    /** Lets {@code skip} requests whose path starts with {@code pathPrefix} through, then answers the next so. */
    public synchronized void failLater(String pathPrefix, int skip, Response response) {
        failures.add(new Failure(pathPrefix, response, new int[] {skip}));
    }

    /** The next request with this method and path is done as usual, then its connection is dropped before the answer. */
    public synchronized void dropAfterWork(String method, String path) {
        dropAfterWork.add(method + " " + path);
    }

    /** Adds a header to every answer from now on ({@code X-RateLimit-Remaining}...); null removes it. */
    public synchronized void everyResponse(String name, String value) {
        if (value == null) {
            everyResponse.remove(name);
        } else {
            everyResponse.put(name, value);
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
    }

    public void clearRequests() {
        requests.clear();
    }

    public int openStreams() {
        return streams.size();
    }

    /** Writes one server-sent event to every open stream. */
    public void broadcast(String event, String data) {
        byte[] bytes = ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : streams) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                streams.remove(out);
            }
        }
    }

    /** Writes raw bytes to every open stream (a line that never ends, a broken event). */
    public void broadcastRaw(byte[] bytes) {
        for (OutputStream out : streams) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                streams.remove(out);
            }
        }
    }

    /** Closes every open stream, as a server restart would. */
    public void dropStreams() {
        for (OutputStream out : streams) {
            try {
                out.close();
            } catch (IOException e) {
                // already gone
            }
        }
        streams.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            Request request = read(ex, List.of());
            requests.add(request);
            Response response = cannedFor(request.path());
            boolean drop = false;
            if (response == null) {
                response = dispatch(request, ex);
                drop = shouldDrop(request.method() + " " + request.path());
            }
            if (response.stream()) {
                ex.getResponseHeaders().add("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                out.write(":)\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                streams.add(out);
                return;
            }
            if (drop || response.drop()) {
                // The work is done; hang up before a byte of the answer: the JDK server closes the connection.
                throw new Dropped();
            }
            write(ex, response);
        } catch (Dropped e) {
            throw e;
        } catch (RuntimeException e) {
            write(ex, Response.json(500, Map.of("error", "fake failed: " + e)));
            throw e;
        }
    }

    private Response dispatch(Request request, HttpExchange ex) throws IOException {
        for (Route route : routes) {
            Matcher m = route.path().matcher(request.path());
            if (route.method().equals(request.method()) && m.matches()) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    groups.add(m.group(i));
                }
                Request withGroups = new Request(request.method(), request.path(), request.query(), request.headers(),
                        request.body(), groups);
                return route.handler().apply(withGroups);
            }
        }
        return Response.json(404, Map.of("error", "Record not found"));
    }

    private synchronized Response cannedFor(String path) {
        for (int i = 0; i < failures.size(); i++) {
            if (path.startsWith(failures.get(i).pathPrefix())) {
                if (failures.get(i).skip()[0]-- > 0) {
                    return null;
                }
                return failures.remove(i).response();
            }
        }
        return null;
    }

    private synchronized boolean shouldDrop(String request) {
        for (int i = 0; i < dropAfterWork.size(); i++) {
            if (request.equals(dropAfterWork.get(i))) {
                dropAfterWork.remove(i);
                return true;
            }
        }
        return false;
    }

    private void write(HttpExchange ex, Response response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        synchronized (this) {
            headers.putAll(everyResponse);
        }
        headers.putAll(response.headers());
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    /** Thrown out of the handler so that the server drops the connection without answering. */
    private static final class Dropped extends RuntimeException {
        Dropped() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private static Request read(HttpExchange ex, List<String> groups) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        URI uri = ex.getRequestURI();
        return new Request(ex.getRequestMethod(), uri.getPath(), parseQuery(uri.getRawQuery()), headers, body, groups);
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static Map<String, String> first(Map<String, List<String>> q) {
        Map<String, String> m = new LinkedHashMap<>();
        q.forEach((k, v) -> m.put(k, v.get(0)));
        return m;
    }

    /** A JSON object read from a test resource, to fill in. */
    public static ObjectNode template(String resource) {
        try (InputStream in = FakeHttpServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dropStreams();
        server.stop(0);
        executor.shutdownNow();
    }
}
