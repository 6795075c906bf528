package dev.earshot.app;

import dev.earshot.port.SocialSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured sources by name; a conversation's account is the name of the source it came from. */
public final class Sources {
    private final Map<String, SocialSource> byName = new LinkedHashMap<>();

    public Sources(List<SocialSource> sources) {
        for (SocialSource s : sources) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("two sources are named " + s.name());
            }
        }
    }

    public Optional<SocialSource> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<SocialSource> all() {
        return byName.values();
    }
}
