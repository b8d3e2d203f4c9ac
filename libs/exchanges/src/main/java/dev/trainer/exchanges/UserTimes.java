package dev.trainer.exchanges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The bounds of a fetch as users write them: an instant, a date (midnight UTC), or a date and time without zone (UTC). */
public final class UserTimes {

    private UserTimes() {
    }

    /** Throws IllegalArgumentException saying which forms are accepted. */
    public static Instant parse(String text) {
        if (text != null) {
            String trimmed = text.trim();
            try {
                return Instant.parse(trimmed);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    try {
                        return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException notLocal) {
                        // reported below
                    }
                }
            }
        }
        throw new IllegalArgumentException("takes an ISO-8601 time such as 2024-01-01 or 2024-01-01T00:00:00Z; got '" + text + "'");
    }
}
