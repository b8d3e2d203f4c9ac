package dev.trainer.support;

import java.util.List;

/**
 * Path segments, query parameters and body text read the same way in every service: a value of the wrong form is
 * a {@link FieldProblem} naming the parameter (JAX-RS would answer a query parameter that does not convert with a
 * 404 that names nothing), and a number out of its range is refused, never clamped.
 */
public final class RequestParameters {

    private RequestParameters() {
    }

    /** A whole number between min and max; null when absent (blank) or after adding a problem. */
    public static Integer whole(String field, String text, int min, int max, List<FieldProblem> problems) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not a whole number"));
            return null;
        }
        if (parsed < min || parsed > max) {
            problems.add(new FieldProblem(field, value + " is not between " + min + " and " + max));
            return null;
        }
        return (int) parsed;
    }

    /** As {@link #whole(String, String, int, int, List)}, with {@code fallback} when absent or after a problem. */
    public static int whole(String field, String text, int fallback, int min, int max, List<FieldProblem> problems) {
        Integer parsed = whole(field, text, min, max, problems);
        return parsed == null ? fallback : parsed;
    }

    /** A finite number between min and max (infinite bounds: any finite number); null when absent or bad. */
    public static Double decimal(String field, String text, double min, double max, List<FieldProblem> problems) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "'" + value + "' is not a number"));
            return null;
        }
        if (!Double.isFinite(parsed) || parsed < min || parsed > max) {
            problems.add(new FieldProblem(field, value + (Double.isInfinite(min) && Double.isInfinite(max)
                    ? " is not a finite number" : " is not between " + min + " and " + max)));
            return null;
        }
        return parsed;
    }

    /** A boolean written true or false (any case); {@code fallback} when absent or after a problem. */
    public static boolean bool(String field, String text, boolean fallback, List<FieldProblem> problems) {
        String value = blankToNull(text);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(new FieldProblem(field, "'" + value + "' is not true or false"));
        return fallback;
    }

    /**
     * Required free text of at most {@code maxChars} once stripped, without control characters (line breaks and
     * tabs allowed when {@code multiline}): PostgreSQL refuses a NUL in text, so it must be refused here, by name.
     */
    public static void text(String field, String value, int maxChars, boolean multiline, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.strip().length() > maxChars) {
            problems.add(new FieldProblem(field, "is longer than " + maxChars + " characters"));
        } else {
            controlCharacter(field, value, multiline, problems);
        }
    }

    /** Adds a problem when the value holds a control character (but tab, CR and LF when {@code multiline}). */
    public static void controlCharacter(String field, String value, boolean multiline, List<FieldProblem> problems) {
        int at = firstControlCharacter(value, multiline);
        if (at >= 0) {
            problems.add(new FieldProblem(field, String.format("must not contain control characters (U+%04X at index %d)",
                    (int) value.charAt(at), at)));
        }
    }

    /** The index of the first control character (U+0000-U+001F, U+007F), or -1; null holds none. */
    public static int firstControlCharacter(String value, boolean multiline) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7F) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }

    /** Throws {@link InvalidRequestException} (400 problem+json listing them) when there are problems. */
    public static void requireNone(String title, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(title, problems);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
