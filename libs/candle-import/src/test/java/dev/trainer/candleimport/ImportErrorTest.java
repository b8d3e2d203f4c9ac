package dev.trainer.candleimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportErrorTest {

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void shortMessagesStayAsTheyAre() {
        assertEquals("line 3: high 0.5 is below low 0.9", ImportError.bounded("line 3: high 0.5 is below low 0.9"));
        assertEquals("", ImportError.bounded(null));
    }

    /** Issue 13: a NUL in an error could not be stored, and the import's row stayed RUNNING. */
    @Test
    void controlCharactersAreEscaped() {
        assertEquals("a\\u0000b\\u0007c", ImportError.bounded("a\u0000b\u0007c"));
    }

    /** Issue 13: a 1 MB first line made a 1 MB error column and answer. */
    @Test
    void longMessagesAreCutToTheLimitInUtf8Bytes() {
        String ascii = ImportError.bounded("x".repeat(1_000_000));
        assertTrue(ascii.endsWith("x ..."), ascii.substring(ascii.length() - 10));
        assertEquals(ImportError.MAX_BYTES, bytes(ascii));
        String wide = ImportError.bounded("\u00e9".repeat(5_000) + "\u0000".repeat(5_000));
        assertTrue(bytes(wide) <= ImportError.MAX_BYTES, bytes(wide) + " bytes");
        String nuls = ImportError.bounded("\u0000".repeat(1_000_000));
        assertTrue(bytes(nuls) <= ImportError.MAX_BYTES && nuls.startsWith("\\u0000\\u0000"), bytes(nuls) + " bytes");
        String exact = "y".repeat(ImportError.MAX_BYTES);
        assertEquals(exact, ImportError.bounded(exact), "a message of exactly the limit is not cut");
    }
}
