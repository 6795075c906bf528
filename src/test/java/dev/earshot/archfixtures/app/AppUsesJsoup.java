package dev.earshot.archfixtures.app;

import org.jsoup.Jsoup;

/** Breaks only the app rule: HTML is a source's business. */
public final class AppUsesJsoup {
    String text(String html) {
        return Jsoup.parse(html).text();
    }
}
