package dev.earshot.source.text;

/**
 * Customer-chosen text (a handle, a display name, a platform's error words) made safe for one log
 * line: control characters (a newline would start a forged line), bidi overrides and line or
 * paragraph separators become {@code ?}, and the text is cut at {@value #MAX} characters.
 */
public final class LogSafe {
    static final int MAX = 200;

    private LogSafe() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 1));
        for (int i = 0; i < text.length() && out.length() < MAX; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(unsafe(cp) ? '?' : cp);
        }
        return out.length() < text.length() && out.length() >= MAX ? out + "…" : out.toString();
    }

    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
