package dev.earshot.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import java.net.URI;

/** The Slack SDK's client, pointed at the configured Web API base (Slack itself, a gov cloud, a test fake). */
public final class SlackClients {
    private SlackClients() {
    }

    /** A fresh config (never {@code SlackConfig.DEFAULT}, whose setters throw) with the given base. */
    public static Slack slack(URI apiUrl) {
        SlackConfig config = new SlackConfig();
        String base = apiUrl.toString();
        config.setMethodsEndpointUrlPrefix(base.endsWith("/") ? base : base + "/");
        config.setPrettyResponseLoggingEnabled(false);
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }
}
