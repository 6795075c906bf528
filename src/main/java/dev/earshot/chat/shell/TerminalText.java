package dev.earshot.chat.shell;

/**
 * Makes untrusted text safe to print: no control characters (a customer's ESC sequence could
 * repaint the operator's terminal) and no bidi overrides (they could reorder what is shown).
 */
final class TerminalText {
    private TerminalText() {
    }

    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp) && !isBidiControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** At most {@code max} code points, with a note of what was left out. */
    static String cut(String text, int max, String more) {
        int length = text.codePointCount(0, text.length());
        if (length <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)) + "… (" + (length - max)
                + " more characters; " + more + ")";
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    }
}
