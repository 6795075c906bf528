package dev.earshot.core;

import java.util.Map;

/**
 * A teammate who may act on behalf of the brand.
 *
 * @param name the name used in commands ({@code @alice})
 * @param chatIds this member's user id per chat ({@code slack -> U012AB3CD})
 * @param admin admins may act on conversations owned by others
 * @param confirmReplies a typed reply is shown to them with Send and Cancel before it goes
 */
public record Member(String name, Map<String, String> chatIds, boolean admin, boolean confirmReplies) {
    public Member {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a member needs a name");
        }
        name = name.startsWith("@") ? name.substring(1) : name;
        chatIds = chatIds == null ? Map.of() : Map.copyOf(chatIds);
    }

    /** A member whose typed replies are confirmed first (the default). */
    public Member(String name, Map<String, String> chatIds, boolean admin) {
        this(name, chatIds, admin, true);
    }
}
