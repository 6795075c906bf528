package dev.earshot.archfixtures.app;

import dev.earshot.archfixtures.core.Conversation;
import dev.earshot.archfixtures.port.Store;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps every rule: a use case on core, a port, SLF4J and java.util.concurrent. */
public final class Inbox {
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private final ConcurrentHashMap<Long, Conversation> seen = new ConcurrentHashMap<>();

    public void show(Store store, long id) {
        store.find(id).ifPresent(c -> seen.put(id, c));
        log.info("shown #{}", id);
    }
}
