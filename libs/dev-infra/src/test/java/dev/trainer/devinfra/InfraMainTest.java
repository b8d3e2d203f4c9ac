package dev.trainer.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InfraMainTest {

    @Test
    void parsesTheDocumentedOptions() {
        InfraMain.Options options = InfraMain.Options.parse(
                new String[] {"postgres", "--port", "5433", "--dir", "/tmp/x", "--exit-on-stdin-eof"});
        assertEquals(new InfraMain.Options(InfraKind.POSTGRES, 5433, Path.of("/tmp/x"), true, false), options);
        assertEquals(new InfraMain.Options(InfraKind.KAFKA, 0, null, false, false),
                InfraMain.Options.parse(new String[] {"kafka"}));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> InfraMain.Options.parse(new String[] {"redis"}));
        assertThrows(IllegalArgumentException.class, () -> InfraMain.Options.parse(new String[] {"kafka", "--port"}));
        assertThrows(IllegalArgumentException.class, () -> InfraMain.Options.parse(new String[] {"kafka", "--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> InfraMain.Options.parse(new String[] {"kafka", "--verbose"}));
    }

    @Test
    void exitsWithAMessageOnStderrForAnUnknownServer() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InfraMain.class.getName(), "redis")
                .start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(InfraMain.EXIT_USAGE, process.exitValue());
        assertEquals("", stdout);
        assertTrue(stderr.contains("unknown server 'redis'"), stderr);
    }
}
