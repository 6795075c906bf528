package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.core.Message;
import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.JsonHttp;
import dev.earshot.source.http.KeywordSearch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured keywords on Mastodon: full-text search, or a hashtag's timeline for {@code #tag}.
 * Apart from the mentions because each keyword keeps its own position in the cursor string
 * ({@link KeywordSearch.Cursor}) and its own page cap, and a match that mentions the brand already
 * comes as a notification.
 */
final class MastodonKeywords {
    private static final Logger log = LoggerFactory.getLogger(MastodonKeywords.class);

    private final String name;
    private final List<String> keywords;
    private final Duration backfill;
    private final int backfillMax;
    private final JsonHttp http;
    private final String token;
    private final MastodonThreads threads;

    MastodonKeywords(String name, List<String> keywords, Duration backfill, int backfillMax, JsonHttp http,
            String token, MastodonThreads threads) {
        this.name = name;
        this.keywords = List.copyOf(keywords);
        this.backfill = backfill;
        this.backfillMax = backfillMax;
        this.http = http;
        this.token = token;
        this.threads = threads;
    }

    /**
     * Searches each keyword from its stored position, adds the matches not in {@code seen} (and
     * neither by nor mentioning the brand) to {@code messages}, oldest first. Returns each keyword's
     * next position (none for a keyword that never matched).
     */
    Map<String, String> read(KeywordSearch.Cursor stored, Instant from, StatusMapper mapper, Set<String> seen,
            List<Message> messages) throws DeliveryException {
        Map<String, String> positions = new LinkedHashMap<>();
        for (String keyword : keywords) {
            String since = stored.position(keyword).orElse(null);
            List<JsonNode> hits = new ArrayList<>();
            String newest = StatusIds.max(since, search(keyword, since, from, hits));
            if (newest != null) {
                positions.put(keyword, newest);
            }
            hits.sort(Comparator.comparing(h -> h.path("id").asText(), StatusIds.ORDER));
            for (JsonNode status : hits) {
                // The brand's own posts, and posts that mention the brand (they come as notifications), are left out.
                if (mapper.byBrand(status) || mapper.mentionsBrand(status) || !seen.add(status.path("id").asText())) {
                    continue;
                }
                messages.add(mapper.keywordMatch(status, threads.threadKey(status)));
            }
        }
        return positions;
    }

    /**
     * Statuses matching {@code keyword} newer than {@code since} (paged forward with {@code min_id}),
     * or on first start the newest page within the backfill window. A keyword starting with
     * {@code #} reads the hashtag's timeline; any other is a full-text search, which finds only
     * what the instance indexed and the authors allow to be searched. Returns the newest id read.
     */
    private String search(String keyword, String since, Instant from, List<JsonNode> into) throws DeliveryException {
        String newest = null;
        String minId = since;
        for (int page = 0; page < (since == null ? 1 : MastodonSource.SEARCH_PAGES_PER_POLL); page++) {
            JsonHttp.Request request = keyword.startsWith("#")
                    ? http.get("/api/v1/timelines/tag/" + URLEncoder.encode(keyword.substring(1), StandardCharsets.UTF_8))
                    : http.get("/api/v2/search").query("q", KeywordSearch.phrase(keyword)).query("type", "statuses")
                            .query("resolve", "false");
            JsonNode body = request.bearer(token).query("min_id", minId)
                    .query("limit", Integer.toString(MastodonSource.PAGE)).fetch();
            JsonNode list = keyword.startsWith("#") ? body : body.path("statuses");
            if (!list.isArray() || list.isEmpty()) {
                break;
            }
            for (JsonNode s : list) {
                newest = StatusIds.max(newest, s.path("id").asText());
                if (since != null || (!StatusMapper.createdAt(s).isBefore(from) && into.size() < backfillMax)) {
                    into.add(s);
                }
            }
            if (list.size() < MastodonSource.PAGE) {
                break;
            }
            minId = newest;
        }
        if (since == null && newest != null) {
            log.info("{}: first search for {}, read {} statuses from the last {}", name, keyword, into.size(),
                    backfill);
        }
        return newest;
    }
}
