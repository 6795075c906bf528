package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.HttpReply;
import dev.earshot.source.http.JsonFields;
import dev.earshot.source.http.JsonHttp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which reply chain a status belongs to. Mastodon names only a status's parent, not its root, so the
 * roots of statuses seen in this run are remembered (the newest 10,000) and the instance is asked
 * ({@code /context}) only for a parent not seen yet.
 */
final class MastodonThreads {
    private static final int REMEMBERED_THREADS = 10_000;

    private final JsonHttp http;
    private final String token;
    /** Status id to the root of its reply chain, for statuses seen in this run. */
    private final Map<String, String> roots = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_THREADS;
        }
    });

    MastodonThreads(JsonHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    /**
     * The root of the status's reply chain: known from this run, else asked of the instance
     * ({@code /context}), else the status it answers.
     */
    String threadKey(JsonNode status) throws DeliveryException {
        String id = status.path("id").asText();
        String parent = JsonFields.text(status, "in_reply_to_id");
        if (parent == null) {
            roots.put(id, id);
            return id;
        }
        String root = roots.get(parent);
        if (root == null) {
            HttpReply context = http.get("/api/v1/statuses/" + id + "/context").bearer(token).send();
            if (context.ok()) {
                JsonNode ancestors = context.body().path("ancestors");
                if (ancestors.isArray() && !ancestors.isEmpty()) {
                    root = ancestors.get(0).path("id").asText(null);
                }
            } else if (context.status() != 404) {
                throw context.failure();
            }
        }
        root = root == null ? parent : root;
        roots.put(id, root);
        return root;
    }

    /** Notes a status's root without asking the instance (the brand's own statuses). */
    void remember(JsonNode status) {
        String id = status.path("id").asText();
        String parent = JsonFields.text(status, "in_reply_to_id");
        roots.putIfAbsent(id, parent == null ? id : roots.getOrDefault(parent, parent));
    }

    /** Notes the root of a status the brand just posted. */
    void remember(String id, String root) {
        roots.put(id, root);
    }
}
