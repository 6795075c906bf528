package dev.earshot.source.mastodon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.MastodonSourceConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Message;
import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream's URL comes from the instance: the token goes only where it may; an endless event is cut. */
class MastodonStreamSafetyTest {
    final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    final FakeMastodon fake = new FakeMastodon(clock);
    MastodonSource source;

    @AfterEach
    void tearDown() {
        if (source != null) {
            source.close();
        }
        fake.close();
    }

    private MastodonSource source() {
        MastodonSourceConfig config = new MastodonSourceConfig("acme-mastodon", fake.http.uri(),
                new Secret(FakeMastodon.TOKEN), Duration.ofSeconds(30), Duration.ofHours(24), 200);
        source = new MastodonSource(config, FakeHttpServer.client(), clock, Duration.ofSeconds(5));
        return source;
    }

    @Test
    void aStreamInClearTextOnAnotherHostGetsNoTokenAndPollingGoesOn() throws Exception {
        try (ServerSocket elsewhere = new ServerSocket()) {
            elsewhere.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            fake.streaming = "ws://127.0.0.2:" + elsewhere.getLocalPort();
            MastodonSource s = source();
            s.startStreaming(() -> { });
            var jane = fake.account("200", "jane", "jane", "Jane", 5);
            fake.mention(jane, "<p>@acme hello</p>", "public", null);
            assertEquals("@acme hello", s.fetchSince(Optional.empty()).messages().stream().map(Message::text)
                    .findFirst().orElseThrow(), "polling keeps working");
            await().atMost(Duration.ofSeconds(5)).until(() -> fake.http.count("GET", "/api/v2/instance") == 1);
            elsewhere.setSoTimeout(1_500);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket s2 = elsewhere.accept()) {
                    String asked = new String(s2.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
                    throw new AssertionError("the stream went to 127.0.0.2: " + asked.contains(FakeMastodon.TOKEN));
                }
            });
            assertEquals(0, fake.http.count("GET", MastodonStream.PATH), "no stream at all: there is nowhere it may go");
        }
    }

    @Test
    void theTokenGoesOverTlsOrBackToTheConfiguredHostOnly() {
        URI instance = URI.create("https://social.example");
        assertEquals(Optional.of(URI.create("https://streaming.social.example")),
                StreamingUrl.of(instance, "wss://streaming.social.example"));
        assertEquals(Optional.of(instance), StreamingUrl.of(instance, null), "none named: the instance itself");
        assertEquals(Optional.empty(), StreamingUrl.of(instance, "ws://social.example"), "never in clear text");
        assertEquals(Optional.empty(), StreamingUrl.of(instance, "ws://127.0.0.2:9"));
        assertEquals(Optional.empty(), StreamingUrl.of(instance, "wss://user:pw@streaming.social.example"));
        assertEquals(Optional.empty(), StreamingUrl.of(instance, "ftp://social.example"));
        URI local = URI.create("http://127.0.0.1:8080");
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9090")), StreamingUrl.of(local, "ws://127.0.0.1:9090"),
                "a local fake on the configured host");
        assertEquals(Optional.empty(), StreamingUrl.of(local, "ws://localhost:9090"), "another host, in clear text");
    }

    @Test
    void anEventThatNeverEndsIsCutAndTheStreamReconnects() {
        MastodonSource s = source();
        s.startStreaming(() -> { });
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.http.openStreams() == 1);
        byte[] endless = ("data: " + "x".repeat(MastodonStream.MAX_EVENT + 10)).getBytes(StandardCharsets.UTF_8);
        fake.http.broadcastRaw(endless);
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.http.count("GET", MastodonStream.PATH) == 2);
    }

    @Test
    void linesAreReadWhateverEndsThemAndAreCapped() throws IOException {
        var in = new BufferedInputStream(new ByteArrayInputStream("a\r\nb\rc\nd".getBytes(StandardCharsets.UTF_8)));
        assertEquals("a", MastodonStream.line(in));
        assertEquals("b", MastodonStream.line(in));
        assertEquals("c", MastodonStream.line(in));
        assertEquals("d", MastodonStream.line(in));
        assertEquals(null, MastodonStream.line(in));
        var endless = new BufferedInputStream(new ByteArrayInputStream(new byte[MastodonStream.MAX_EVENT + 1]));
        assertTrue(assertThrows(IOException.class, () -> MastodonStream.line(endless)).getMessage().contains("longer"));
    }
}
