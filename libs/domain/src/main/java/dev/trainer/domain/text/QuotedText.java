package dev.trainer.domain.text;

import java.util.Locale;

/**
 * Text a user or a file supplied, as an error message may repeat it: control characters and lone surrogate halves
 * written as {@code \}{@code uXXXX} (a NUL cannot be stored in a PostgreSQL text column, and a message is read by
 * people), and cut short (a whole 1 MB line once became a 1 MB answer and row).
 */
public final class QuotedText {

    private QuotedText() {
    }

    /** Whether {@code c} is written as {@code \}{@code uXXXX} in a message. */
    public static boolean needsEscape(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c);
    }

    /** The character as a message holds it. */
    public static String escape(char c) {
        return needsEscape(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
    }

    /**
     * The text in single quotes, cut to {@code maxChars} characters (then "..." inside the quotes and the full length
     * after them), each character {@link #escape escaped}; {@code null} for null.
     */
    public static String quote(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        int shown = Math.min(text.length(), maxChars);
        StringBuilder out = new StringBuilder(shown + 24).append('\'');
        for (int i = 0; i < shown; i++) {
            out.append(escape(text.charAt(i)));
        }
        if (text.length() > maxChars) {
            return out.append("...' (").append(text.length()).append(" characters)").toString();
        }
        return out.append('\'').toString();
    }
}
