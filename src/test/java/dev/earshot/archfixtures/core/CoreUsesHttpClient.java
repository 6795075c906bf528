package dev.earshot.archfixtures.core;

import java.net.http.HttpClient;

/** Breaks only the core rule: java.net.http is not one of the JDK packages core may use. */
public final class CoreUsesHttpClient {
    HttpClient http;
}
