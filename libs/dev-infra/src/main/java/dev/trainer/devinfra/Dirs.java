package dev.trainer.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Directory helpers shared by the servers and the process launcher. Uses only JDK classes, see InfraProcess. */
final class Dirs {

    private Dirs() {
    }

    /** Best effort: a leftover temp directory must not turn a clean shutdown into a failure. */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            System.err.println("dev-infra: could not list " + dir + " for deletion: " + e);
            return;
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                System.err.println("dev-infra: could not delete " + path + ": " + e);
            }
        }
    }
}
