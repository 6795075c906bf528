package dev.earshot.archfixtures.app.outbox;

import java.net.http.HttpClient;

/** Breaks only the app rule, from a sub-package of app: the outbox sends through ports, not HTTP. */
public final class OutboxUsesHttpClient {
    HttpClient http;
}
