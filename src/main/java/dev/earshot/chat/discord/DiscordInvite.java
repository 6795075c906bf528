package dev.earshot.chat.discord;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The invite URL that adds the bot to the server with exactly the permissions Earshot uses, and
 * the {@code bot applications.commands} scopes (the second lets it register {@code /earshot}).
 * The application id is read from the token's first part (a bot token starts with its user id in
 * base64), so no call to Discord is needed.
 */
public final class DiscordInvite {
    /** What each permission is for; docs/DISCORD.md explains the same list. */
    public static final Set<Permission> PERMISSIONS = EnumSet.of(
            Permission.VIEW_CHANNEL,              // see the channel the cards go to
            Permission.MESSAGE_SEND,              // post cards, channel notices, the digest
            Permission.MESSAGE_SEND_IN_THREADS,   // follow-ups, notes, nudges, replies in a card's thread
            Permission.CREATE_PUBLIC_THREADS,     // start a card's thread from the card
            Permission.MESSAGE_EMBED_LINKS,       // cards are embeds
            Permission.MESSAGE_ATTACH_FILES,      // the digest's chart
            Permission.MESSAGE_HISTORY);          // find a post again after a crash

    private DiscordInvite() {
    }

    public static long permissions() {
        return Permission.getRaw(PERMISSIONS);
    }

    /** The URL, or empty when the token does not start with a bot id. */
    public static Optional<String> url(String token, String guild) {
        return applicationId(token).map(id -> "https://discord.com/oauth2/authorize?client_id=" + id
                + "&scope=bot+applications.commands&permissions=" + permissions()
                + (guild == null || guild.isBlank() ? "" : "&guild_id=" + guild + "&disable_guild_select=true"));
    }

    static Optional<String> applicationId(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String first = token.strip().split("\\.")[0];
        try {
            String id = new String(Base64.getUrlDecoder().decode(first.replace('+', '-').replace('/', '_')
                    .replace("=", "")), StandardCharsets.UTF_8);
            return id.matches("\\d{15,20}") ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
