package dev.earshot.core;

import java.util.List;
import java.util.Optional;

/** The configured teammates: the only people who may claim, reply or change a conversation. */
public record Team(List<Member> members) {
    public static final String NOT_ON_TEAM = "You are not on the Earshot team for this channel.";

    public Team {
        members = List.copyOf(members);
    }

    public Optional<Member> byName(String name) {
        String bare = name.startsWith("@") ? name.substring(1) : name;
        return members.stream().filter(m -> m.name().equalsIgnoreCase(bare)).findFirst();
    }

    /** The member behind a chat user id, for example {@code ("slack", "U012AB3CD")}. */
    public Optional<Member> byChatId(String chat, String userId) {
        return members.stream().filter(m -> userId.equals(m.chatIds().get(chat))).findFirst();
    }

    public Member require(String name) {
        return byName(name).orElseThrow(() -> new Refusal("@" + stripAt(name)
                + " is not on the Earshot team. Members: " + names() + "."));
    }

    public String names() {
        return String.join(", ", members.stream().map(m -> "@" + m.name()).toList());
    }

    private static String stripAt(String name) {
        return name.startsWith("@") ? name.substring(1) : name;
    }
}
