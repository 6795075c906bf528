package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void printsRedacted() {
        Secret secret = new Secret("xoxb-canary-123");
        assertEquals("Secret[***]", secret.toString());
        assertEquals("x=Secret[***]", "x=" + secret);
    }

    @Test
    void revealsTheTrimmedValue() {
        assertEquals("xoxb-canary-123", new Secret("  xoxb-canary-123\n").reveal());
    }

    @Test
    void blankIsEmpty() {
        assertTrue(new Secret(" \n").isEmpty());
        assertFalse(new Secret("a").isEmpty());
    }

    @Test
    void equalByValue() {
        assertEquals(new Secret("a\n"), new Secret("a"));
        assertFalse(new Secret("a").equals(new Secret("b")));
    }

    @Test
    void aRecordHoldingASecretDoesNotPrintIt() {
        DiscordChatConfig discord = new DiscordChatConfig(new Secret("xoxb-canary-123"), "1", "2");
        assertEquals("DiscordChatConfig[token=Secret[***], guild=1, channel=2, apiUrl=https://discord.com/api/v10/,"
                + " gatewayUrl=wss://gateway.discord.gg/]", discord.toString());
    }
}
