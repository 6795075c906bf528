package dev.earshot.archfixtures.port;

import dev.earshot.archfixtures.core.Conversation;
import java.util.Optional;

/** Keeps every rule: a port in core's terms. */
public interface Store {
    Optional<Conversation> find(long id);
}
