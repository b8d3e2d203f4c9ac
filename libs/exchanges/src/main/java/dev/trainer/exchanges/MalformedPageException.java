package dev.trainer.exchanges;

/** The exchange answered, but not with candles: a value that is not a number, a row too short, a field missing. */
public class MalformedPageException extends RuntimeException {

    public MalformedPageException(String message) {
        super(message);
    }

    public MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
