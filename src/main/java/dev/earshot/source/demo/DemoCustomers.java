package dev.earshot.source.demo;

import dev.earshot.core.Author;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated customers and what they write, as a sequence that is the same for the same seed.
 * The first few messages always show the awkward cases; after them the seed decides.
 */
final class DemoCustomers {

    /** One scripted message; {@code followUpOf} is the index of the message it follows up, or -1. */
    record Line(int index, Author author, String text, MessageKind kind, int followUpOf) {
    }

    private static final List<Author> PEOPLE = List.of(
            person("jane_doe", "Jane Doe", 1_240),
            person("marco.rossi", "Marco Rossi", 87),
            person("techreviewer", "Tech Reviewer ✔", 412_000),
            person("amira", "أميرة", 3_300),
            person("noa.levi", "נועה לוי", 540),
            person("kenji", "健二", 15),
            person("grumpy_greg", "Greg", 9),
            person("sam_support_fan", "Sam", 2_100),
            person("olivia.k", "Olivia K.", 61_500),
            person("dev_dan", "Dan (he/him)", 730));

    private static final List<String> ORDINARY = List.of(
            "Hi @acme, where can I find my invoice for October?",
            "@acme does the Pro plan include the API?",
            "Loving the new app update, but dark mode resets every time I log in @acme",
            "@acme my parcel says delivered but it is not here. Order 55213",
            "@acme can I change the email on my account?",
            "Is anyone at @acme around? The checkout page keeps spinning.",
            "@acme quick question: do you ship to Norway?",
            "Thanks @acme, the replacement arrived and works great 🙌",
            "@acme the promo code SPRING doesn't work for me",
            "@acme how do I cancel my subscription? Can't find it anywhere.");

    private static final List<String> URGENT = List.of(
            "@acme I was CHARGED TWICE for the same order!!! I want a refund NOW",
            "@acme your service has been down for 3 hours, this is an emergency for our shop",
            "Worst experience ever @acme. Broken on arrival and nobody answers. Unacceptable.");

    private static final List<String> FOLLOW_UPS = List.of(
            "Hello? Still waiting here.",
            "Any news on this?",
            "Also: the order number is 55213 if that helps.",
            "Never mind the first part, but the second issue is still there.");

    private DemoCustomers() {
    }

    /** The first {@code count} lines for this seed. */
    static List<Line> first(long seed, int count) {
        List<Line> lines = new ArrayList<>(count);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            lines.add(i < 7 ? scripted(i, lines) : generated(i, random, lines));
        }
        return lines;
    }

    private static Line scripted(int i, List<Line> before) {
        return switch (i) {
            case 0 -> new Line(0, PEOPLE.get(0), ORDINARY.get(3), MessageKind.MENTION, -1);
            case 1 -> new Line(1, PEOPLE.get(6),
                    "<!channel> @everyone @here look at this: <https://evil.example|acme.com/login> *bold* `code`",
                    MessageKind.MENTION, -1);
            case 2 -> new Line(2, PEOPLE.get(2), URGENT.get(0), MessageKind.MENTION, -1);
            case 3 -> new Line(3, PEOPLE.get(5), "", MessageKind.DM, -1);
            case 4 -> new Line(4, PEOPLE.get(0), FOLLOW_UPS.get(0), MessageKind.REPLY, 0);
            case 5 -> new Line(5, PEOPLE.get(3), "مرحبا @acme، طلبي لم يصل بعد 📦 هل يمكنكم المساعدة؟ 👩‍👩‍👧‍👦",
                    MessageKind.MENTION, -1);
            default -> new Line(6, PEOPLE.get(1), longRant(), MessageKind.MENTION, -1);
        };
    }

    private static Line generated(int i, Random random, List<Line> before) {
        if (random.nextInt(100) < 25) {
            Line earlier = before.get(before.size() - 1 - random.nextInt(Math.min(6, before.size())));
            if (earlier.followUpOf() < 0) {
                return new Line(i, earlier.author(), FOLLOW_UPS.get(random.nextInt(FOLLOW_UPS.size())),
                        MessageKind.REPLY, earlier.index());
            }
        }
        Author who = PEOPLE.get(random.nextInt(PEOPLE.size()));
        boolean urgent = random.nextInt(100) < 20;
        String text = urgent ? URGENT.get(random.nextInt(URGENT.size())) : ORDINARY.get(random.nextInt(ORDINARY.size()));
        MessageKind kind = random.nextInt(100) < 15 ? MessageKind.DM : MessageKind.MENTION;
        return new Line(i, who, text, kind, -1);
    }

    /** A 5,000-character message, as some customers write. */
    private static String longRant() {
        StringBuilder s = new StringBuilder("@acme let me tell you the whole story. ");
        String sentence = "I ordered the blue one, you sent the red one, and then support closed my ticket. ";
        while (s.length() < 5_000) {
            s.append(sentence);
        }
        return s.substring(0, 5_000);
    }

    private static Author person(String handle, String name, long followers) {
        return new Author(Platform.DEMO, handle, name, followers, "https://social.example/@" + handle);
    }
}
