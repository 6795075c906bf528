package dev.earshot.archfixtures.source.mastodon;

import dev.earshot.archfixtures.config.SourceConfig;
import dev.earshot.archfixtures.core.Conversation;
import dev.earshot.archfixtures.port.Store;
import dev.earshot.archfixtures.source.http.JsonHttp;
import dev.earshot.archfixtures.source.text.Graphemes;
import org.jsoup.Jsoup;

/** Keeps every rule: a source on port, core, its config, the shared helpers and its own library. */
public final class MastodonSource {
    SourceConfig config;
    JsonHttp http;
    Store port;
    Conversation last;

    int length(String html) {
        return Graphemes.count(Jsoup.parse(html).text());
    }
}
