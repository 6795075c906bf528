package dev.earshot.chat.discord;

/** A handler's plain answer as a Discord message: escaped; several lines in a code block so columns line up. */
final class DiscordAnswers {
    private DiscordAnswers() {
    }

    static String text(String plain) {
        String clean = DiscordText.clean(plain);
        if (!clean.contains("\n")) {
            return DiscordText.cut(DiscordText.escape(clean), DiscordChat.CONTENT_MAX);
        }
        return "```\n" + DiscordText.cut(clean.replace("```", "ˋˋˋ"), DiscordChat.CONTENT_MAX - 8) + "\n```";
    }
}
