package dev.trainer.candleimport;

import dev.trainer.domain.text.QuotedText;
import java.nio.charset.StandardCharsets;

/**
 * An import's error as it is stored in {@code imports.error} and answered: at most {@value #MAX_BYTES} bytes of UTF-8,
 * control characters written as {@code \}{@code uXXXX}. Whatever a file holds reaches the message (a line, an entry
 * name), and a file may be binary: a NUL cannot be stored in a PostgreSQL text column (the row then stayed RUNNING),
 * and a whole 1 MB line made a 1 MB row and answer.
 */
public final class ImportError {

    /** The most bytes an error holds; the REST answer's prefix ("nothing was imported: ") keeps it under 1 KB too. */
    public static final int MAX_BYTES = 1000;

    private static final String CUT = " ...";

    private ImportError() {
    }

    /** The message, escaped and cut to {@value #MAX_BYTES} bytes (ending " ..." when cut); "" for null. */
    public static String bounded(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_BYTES));
        int bytes = 0;
        int budget = MAX_BYTES - CUT.length();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            String piece = QuotedText.escape(c);
            int size = piece.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget && !fitsWhole(message, i, bytes, size)) {
                return out.append(CUT).toString();
            }
            out.append(piece);
            bytes += size;
        }
        return out.toString();
    }

    // the last characters may use the room kept for " ..." when nothing follows them
    private static boolean fitsWhole(String message, int at, int bytes, int size) {
        if (bytes + size > MAX_BYTES) {
            return false;
        }
        int rest = 0;
        for (int i = at; i < message.length(); i++) {
            char c = message.charAt(i);
            rest += QuotedText.escape(c).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + rest > MAX_BYTES) {
                return false;
            }
        }
        return true;
    }
}
