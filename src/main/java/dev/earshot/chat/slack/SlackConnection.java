package dev.earshot.chat.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.earshot.config.SlackChatConfig;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Slack's requests reach {@link SlackCommands}: Socket Mode by default (the app token opens a
 * WebSocket, no public URL needed; Java-WebSocket as its backend), or HTTP mode on
 * {@code /slack/events} with the signing secret. Either way one Bolt {@link App} runs the
 * listeners. Closing it closes the connection.
 */
public final class SlackConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackConnection.class);

    private final App app;
    private final SocketModeApp socket;
    private final SlackHttpEndpoint http;

    private SlackConnection(App app, SocketModeApp socket, SlackHttpEndpoint http) {
        this.app = app;
        this.socket = socket;
        this.http = http;
    }

    /** The Bolt app with Earshot's settings: one workspace, its own signature check, nothing left unacked. */
    static App app(Slack slack, String botToken, SlackCommands commands) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(botToken)
                .signingSecret(null)
                // HTTP mode checks signatures in SlackHttpEndpoint (constant time, ±5 minutes); Socket Mode needs none.
                .requestVerificationEnabled(false)
                // auth.test once at start, not again on the way to every ack.
                .authTestCacheExpirationMillis(-1)
                .unmatchedRequestHandler(request -> Response.ok())
                .build();
        return commands.register(new App(config));
    }

    /** Connects as the config says, with a Web API client of its own; {@code bind} is where HTTP mode listens. */
    public static SlackConnection start(SlackChatConfig config, SlackCommands commands, Clock clock, String bind)
            throws IOException {
        return start(config, SlackClients.slack(config.apiUrl()), commands, clock, bind);
    }

    /** Connects as the config says; {@code bind} is the address HTTP mode listens on. */
    public static SlackConnection start(SlackChatConfig config, Slack slack, SlackCommands commands, Clock clock,
                                        String bind) throws IOException {
        return start(config, slack, commands, clock, bind, SlackHttpEndpoint.Limits.DEFAULT);
    }

    /** As above, with HTTP mode's limits on unsigned requests (tests shorten the deadline). */
    static SlackConnection start(SlackChatConfig config, Slack slack, SlackCommands commands, Clock clock,
                                 String bind, SlackHttpEndpoint.Limits limits) throws IOException {
        App app = app(slack, config.botToken().reveal(), commands);
        app.start();
        if (config.mode() == SlackChatConfig.Mode.HTTP) {
            SlackHttpEndpoint http = SlackHttpEndpoint.start(bind, config.port(), app,
                    new RequestSignature(config.signingSecret().reveal(), clock), limits);
            return new SlackConnection(app, null, http);
        }
        SocketModeApp socket = new SocketModeApp(config.appToken().reveal(), app, SocketModeClient.Backend.JavaWebSocket);
        try {
            socket.startAsync();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Slack Socket Mode did not connect: " + e.getMessage(), e);
        }
        log.info("connected to Slack in Socket Mode");
        return new SlackConnection(app, socket, null);
    }

    /** How many HTTP requests are unverified right now (for tests); 0 in Socket Mode. */
    int unverifiedNow() {
        return http == null ? 0 : http.unverifiedNow();
    }

    /** The HTTP mode port (for tests that listen on port 0); -1 in Socket Mode. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (Exception e) {
            log.warn("closing the Socket Mode connection failed: {}", e.getMessage());
        }
        if (http != null) {
            http.close();
        }
        app.stop();
    }
}
