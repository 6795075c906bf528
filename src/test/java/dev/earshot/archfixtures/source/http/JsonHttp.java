package dev.earshot.archfixtures.source.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;

/** Keeps every rule: the shared HTTP helper, on the JDK client and Jackson. */
public final class JsonHttp {
    HttpClient http;
    ObjectMapper json;
}
