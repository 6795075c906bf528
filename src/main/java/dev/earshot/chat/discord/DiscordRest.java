package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.port.DeliveryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Discord's REST API for the dispatcher's posts, on the JDK client: JSON in, JSON out, every
 * answer that is not a 2xx turned into a {@link DeliveryException} by {@link DiscordErrors}.
 * The dispatcher, not this class, paces and retries (it obeys {@code retry_after}), so a post is
 * tried once per call and its outcome is always known to the outbox. Runs on the dispatcher's
 * thread, never on a JDA event thread.
 */
final class DiscordRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    DiscordRest(HttpClient http, URI base, String token) {
        this.http = http;
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.authorization = "Bot " + token;
    }

    JsonNode get(String path) throws DeliveryException {
        return send("GET " + route(path), request(path).GET());
    }

    JsonNode post(String path, JsonNode body) throws DeliveryException {
        return send("POST " + route(path), request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode put(String path, JsonNode body) throws DeliveryException {
        return send("PUT " + route(path), request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    JsonNode patch(String path, JsonNode body) throws DeliveryException {
        return send("PATCH " + route(path), request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A message with one file: {@code payload_json} and {@code files[0]}, as multipart. */
    JsonNode postFile(String path, JsonNode payload, String fileName, byte[] bytes) throws DeliveryException {
        String boundary = "earshot-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + payload + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files[0]\"; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                + "\"\r\nContent-Type: image/png\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST " + route(path), request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("User-Agent", "DiscordBot (https://github.com/earshot/earshot, 0.1)");
    }

    private JsonNode send(String what, HttpRequest.Builder request) throws DeliveryException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, what + ": " + e.getClass().getSimpleName(),
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, what + ": interrupted", null, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        throw DiscordErrors.of(what, response.statusCode(), body,
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The path without ids, for logs: {@code channels/…/messages}. */
    private static String route(String path) {
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).replaceAll("\\d{5,}", "…");
    }
}
