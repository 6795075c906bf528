package dev.earshot.chat.discord;

import dev.earshot.app.Words;
import dev.earshot.core.Member;
import dev.earshot.core.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /earshot} as a Discord guild command: one sub-command per line of
 * {@link Words.USAGE} (its words are the descriptions), with typed options: an integer
 * {@code id} with autocomplete from the queue, a user option for the teammate of assign, escalate
 * and oncall, text for the rest. A filled-in command becomes the same line a teammate would type
 * in Slack or the terminal, so the one parser and handler answer it the same way.
 */
final class SlashCommand {
    static final String NAME = "earshot";
    static final String ID = "id";
    static final String MEMBER = "member";

    /** An option as typed: the user option resolves to a member, everything else is its text. */
    record Given(String name, String text, String userId) {
    }

    private SlashCommand() {
    }

    static SlashCommandData definition() {
        SlashCommandData command = Commands.slash(NAME, "Earshot: the customers waiting for an answer")
                .setContexts(InteractionContextType.GUILD);
        for (Map.Entry<String, String[]> e : Words.USAGE.entrySet()) {
            SubcommandData sub = new SubcommandData(e.getKey(), cut(e.getValue()[1], 100));
            sub.addOptions(options(e.getKey()));
            command.addSubcommands(sub);
        }
        return command;
    }

    private static List<OptionData> options(String verb) {
        OptionData id = new OptionData(OptionType.INTEGER, ID, "the conversation (#12 → 12)", true, true).setMinValue(1);
        OptionData member = new OptionData(OptionType.USER, MEMBER, "the teammate", true);
        return switch (verb) {
            case "show", "claim", "release", "resolve" -> List.of(id);
            case "assign" -> List.of(id, member);
            case "reply", "note" -> List.of(id, text("text", "what to say", true));
            case "dismiss" -> List.of(id, text("reason", "why it needs no answer", true));
            case "snooze" -> List.of(id, text("time", "for how long: 30m, 1h30m, 2d", true));
            case "followup" -> List.of(id, text("time", "when: 4h, 2d", true), text("note", "what to check", false));
            case "escalate" -> List.of(id, member, text("note", "what they should know", false));
            case "oncall" -> List.of(new OptionData(OptionType.USER, MEMBER, "put this teammate on call", false),
                    text("time", "for how long: 8h (default: until the next hand-over)", false),
                    new OptionData(OptionType.BOOLEAN, "off", "end the shift set by hand", false));
            case "stats" -> List.of(text("period", "today, yesterday, 7d or 30d", false)
                    .addChoice("today", "today").addChoice("yesterday", "yesterday").addChoice("7d", "7d")
                    .addChoice("30d", "30d"));
            default -> List.of();
        };
    }

    private static OptionData text(String name, String description, boolean required) {
        return new OptionData(OptionType.STRING, name, description, required);
    }

    /**
     * The line a teammate would have typed: {@code claim 12}, {@code assign 12 @bob},
     * {@code oncall off}. A user option that is not a configured member is refused here.
     */
    static String line(String verb, List<Given> options, Function<String, Optional<Member>> memberOf) {
        List<String> words = new ArrayList<>();
        words.add(verb);
        boolean off = false;
        for (Given o : options) {
            if (o.userId() != null) {
                Member m = memberOf.apply(o.userId()).orElseThrow(() -> new Refusal(
                        "That person is not on the team in Earshot's config (team.members … discord: id)."));
                words.add("@" + m.name());
            } else if (o.name().equals("off")) {
                off = Boolean.parseBoolean(o.text());
            } else {
                // typed text is one argument; newlines a teammate typed stay in it
                words.add(o.text());
            }
        }
        if (off) {
            return verb + " off";
        }
        return String.join(" ", words);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
