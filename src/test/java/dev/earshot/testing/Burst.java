package dev.earshot.testing;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A storm of mentions: {@code n} customers writing at once, each opening a conversation. */
public final class Burst {
    private Burst() {
    }

    public static SocialSource.Fetch of(int n, String account, Instant at) {
        List<Message> messages = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Author author = new Author(Platform.DEMO, "fan" + i, "Fan " + i, 100L * i, "https://social.example/@fan" + i);
            messages.add(new Message(Platform.DEMO, account, "burst-" + i, author,
                    "@acme your app is down again, number " + i + " of the outage!", "https://social.example/@fan" + i
                    + "/burst-" + i, at, MessageKind.MENTION, null, null));
        }
        return new SocialSource.Fetch(messages, "burst-" + n);
    }
}
