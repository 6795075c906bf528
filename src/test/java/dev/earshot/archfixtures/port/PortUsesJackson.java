package dev.earshot.archfixtures.port;

import com.fasterxml.jackson.databind.JsonNode;

/** Breaks only the port rule: a port that speaks JSON trees. */
public interface PortUsesJackson {
    JsonNode read();
}
