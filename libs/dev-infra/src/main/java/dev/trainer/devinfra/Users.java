package dev.trainer.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this JVM runs as, and the unprivileged user PostgreSQL is handed to when that is root. */
final class Users {

    /** nobody / nogroup on Debian-like systems; PostgreSQL only needs to not be root. */
    static final int UNPRIVILEGED_ID = 65534;

    private Users() {
    }

    /** /proc/self belongs to the effective uid, which is what initdb and postgres check. */
    static int effectiveUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }

    static boolean isRoot() {
        return effectiveUid() == 0;
    }
}
