package dev.earshot.chat.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.time.Clock;

/**
 * One Slack Web API call for the dispatcher's posts (recipe step 1: the right
 * {@link DeliveryException}): a network failure, an HTTP error or a refusal ({@code ok: false})
 * becomes a {@link DeliveryException} through {@link SlackErrors}; a call is tried once, since
 * the dispatcher paces and retries.
 */
final class SlackWebApi {
    private final MethodsClient methods;
    private final Clock clock;

    SlackWebApi(MethodsClient methods, Clock clock) {
        this.methods = methods;
        this.clock = clock;
    }

    MethodsClient methods() {
        return methods;
    }

    Clock clock() {
        return clock;
    }

    @FunctionalInterface
    interface Call<T> {
        T run(MethodsClient methods) throws IOException, SlackApiException;
    }

    /** Slack's answer when it took the call; else the {@link DeliveryException} that says why not. */
    <T extends SlackApiTextResponse> T call(String method, Call<T> call) throws DeliveryException {
        T response;
        try {
            response = call.run(methods);
        } catch (SlackApiException e) {
            throw SlackErrors.fromHttp(method, e, clock);
        } catch (IOException e) {
            throw SlackErrors.fromNetwork(method, e);
        }
        if (response == null) {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, method + ": no answer");
        }
        if (!response.isOk()) {
            throw SlackErrors.refused(method, response.getError(), response.getNeeded());
        }
        return response;
    }

    /** The channel Slack says it posted in, else the one asked for. */
    static String channelOf(ChatPostMessageResponse r, String asked) {
        return r.getChannel() == null || r.getChannel().isBlank() ? asked : r.getChannel();
    }
}
