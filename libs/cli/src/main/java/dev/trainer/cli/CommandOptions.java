package dev.trainer.cli;

import java.util.List;

/** Reading option values of the offline commands, with messages that name the option. */
final class CommandOptions {

    private CommandOptions() {
    }

    /** The value after option {@code args[i - 1]}. */
    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    static double number(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + text);
        }
    }

    static int positiveInt(String text, String option) {
        try {
            int v = Integer.parseInt(text);
            if (v < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, got " + text);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + text);
        }
    }

    static long wholeNumber(String text, String option) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + text);
        }
    }

    /** A fee or slippage per side: a fraction in [0, 1). */
    static double fractionPerSide(String text, String option) {
        double v = number(text, option);
        if (v < 0 || v >= 1) {
            throw new IllegalArgumentException(option + " is a fraction per side, e.g. 0.001 for 0.1 %; got " + text);
        }
        return v;
    }
}
