package dev.earshot.source.mastodon;

/**
 * Mastodon's visibilities from widest to narrowest: public, unlisted, private (followers only),
 * direct. A reply is never wider than the status it answers: a private mention answered in
 * public would leak it.
 */
final class Visibility {
    private Visibility() {
    }

    static String noWiderThan(String customer) {
        return switch (customer == null ? "" : customer) {
            case "public" -> "public";
            case "unlisted" -> "unlisted";
            case "private" -> "private";
            // direct, and anything this version does not know (forks add "limited", "local"...): the narrowest
            default -> "direct";
        };
    }
}
