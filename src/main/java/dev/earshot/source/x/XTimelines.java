package dev.earshot.source.x;

import dev.earshot.port.DeliveryException;
import dev.earshot.source.http.Pager;
import dev.earshot.source.x.XCursor.Bound;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every page of one list of posts on X (a timeline or a search), asking each time for no more
 * posts than still wanted: X bills each post it returns, so this count is worth a class of its own.
 */
final class XTimelines {
    private final int pageSize;

    XTimelines(int pageSize) {
        this.pageSize = pageSize;
    }

    /** What the pages of one timeline held, all of them read. */
    record Read(List<XPage.Post> posts, Map<String, XPage.User> users, boolean more, int requests) {
        static final Read NOTHING = new Read(List.of(), Map.of(), false, 0);

        String newestId() {
            return posts.stream().map(XPage.Post::id).max(XCursor::compareIds).orElse(null);
        }
    }

    /** One page of a list of posts, for a query. */
    @FunctionalInterface
    interface Posts {
        XPage page(Map<String, String> query) throws DeliveryException;
    }

    /**
     * Follows the list's next token ({@code tokenParam}) until it ends or {@code limit} posts were
     * read, asking each time for no more than still wanted (X bills each post it returns), but at
     * least {@code minPage} (what the endpoint accepts).
     */
    Read read(Posts posts, Map<String, String> query, String tokenParam, int minPage, int limit)
            throws DeliveryException {
        Map<String, XPage.User> users = new HashMap<>();
        Pager.Read<XPage.Post> read = Pager.read(limit, (token, got) -> {
            Map<String, String> q = new HashMap<>(query);
            q.put("max_results", Integer.toString(Math.max(minPage, Math.min(pageSize, limit - got))));
            if (token != null) {
                q.put(tokenParam, token);
            }
            XPage page = posts.page(q);
            users.putAll(page.users());
            return new Pager.Page<>(page.posts(), page.nextToken());
        });
        return new Read(read.items(), users, read.more(), read.requests());
    }

    /** The query of a timeline read from {@code from}: the mentions with their authors, the brand's without retweets. */
    static Map<String, String> timeline(Bound from, boolean mentions) {
        Map<String, String> query = new HashMap<>(from.query());
        query.put("tweet.fields", XSource.TWEET_FIELDS);
        if (mentions) {
            query.put("expansions", "author_id");
            query.put("user.fields", XSource.USER_FIELDS);
        } else {
            query.put("exclude", "retweets");
        }
        return query;
    }
}
