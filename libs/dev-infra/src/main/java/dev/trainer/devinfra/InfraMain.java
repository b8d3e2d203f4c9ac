package dev.trainer.devinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code InfraMain kafka|postgres [--port N] [--dir DIR] [--exit-on-stdin-eof] [--delete-dir-on-exit]}.
 * Prints one line {@code READY <kind> <address>} on stdout once the server answers, then runs until SIGTERM/SIGINT
 * or, with --exit-on-stdin-eof, until stdin closes. Everything else goes to stderr. Started as root, PostgreSQL is
 * handed to a child process running as user nobody.
 */
public final class InfraMain {

    static final String READY_PREFIX = "READY ";
    static final int EXIT_STARTUP_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final String USAGE = "usage: InfraMain kafka|postgres [--port N] [--dir DIR] [--exit-on-stdin-eof]"
            + " [--delete-dir-on-exit]";

    private InfraMain() {
    }

    /** The parsed command line. */
    record Options(InfraKind kind, int port, Path dir, boolean exitOnStdinEof, boolean deleteDirOnExit) {

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("missing server kind");
            }
            InfraKind kind = InfraKind.fromCliName(args[0]);
            int port = 0;
            Path dir = null;
            boolean exitOnStdinEof = false;
            boolean deleteDirOnExit = false;
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = parsePort(valueAfter(args, i++));
                    case "--dir" -> dir = Path.of(valueAfter(args, i++)).toAbsolutePath();
                    case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                    case "--delete-dir-on-exit" -> deleteDirOnExit = true;
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if (deleteDirOnExit && dir == null) {
                throw new IllegalArgumentException("--delete-dir-on-exit needs --dir");
            }
            return new Options(kind, port, dir, exitOnStdinEof, deleteDirOnExit);
        }

        private static String valueAfter(String[] args, int i) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            return args[i + 1];
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be 0..65535, got '" + value + "'");
            }
        }
    }

    /** A started server and the address the READY line announces. */
    private record Running(AutoCloseable server, String address) {
    }

    public static void main(String[] args) {
        // the READY line must be the only stdout output, whatever Kafka or zonky print
        PrintStream stdout = System.out;
        System.setOut(System.err);
        defaultLogLevels();

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dev-infra: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        }

        Running running;
        try {
            running = start(options);
        } catch (Throwable e) {
            System.err.println("dev-infra: could not start " + options.kind().cliName() + ": " + e);
            e.printStackTrace();
            if (options.deleteDirOnExit()) {
                Dirs.deleteRecursively(options.dir());
            }
            System.exit(EXIT_STARTUP_FAILED);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, options), "dev-infra-stop"));
        stdout.println(READY_PREFIX + options.kind().cliName() + " " + running.address());
        stdout.flush();

        if (options.exitOnStdinEof()) {
            drain(System.in);
            System.exit(0);
        }
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Running start(Options options) throws IOException {
        return switch (options.kind()) {
            case KAFKA -> {
                KafkaBroker broker = KafkaBroker.start(options.port(), options.dir());
                yield new Running(broker, broker.bootstrapServers());
            }
            case POSTGRES -> {
                if (Users.isRoot()) {
                    // PostgreSQL refuses root; a grandchild running as nobody does the work, as for the tests
                    InfraProcess child = InfraProcess.postgres(options.port(), options.dir());
                    System.err.println("dev-infra: running as root, so PostgreSQL runs as nobody in process "
                            + child.pid() + ", log " + child.logFile());
                    yield new Running(child, child.address());
                }
                PostgresServer postgres = PostgresServer.start(options.port(), options.dir());
                yield new Running(postgres, postgres.jdbcUrl());
            }
        };
    }

    private static void stop(Running running, Options options) {
        try {
            running.server().close();
        } catch (Exception e) {
            System.err.println("dev-infra: error while stopping " + options.kind().cliName() + ": " + e);
        }
        if (options.deleteDirOnExit()) {
            Dirs.deleteRecursively(options.dir());
        }
    }

    /** Returns when the parent closes our stdin or dies. */
    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken stdin means the parent is gone, just as EOF does
        }
    }

    /** Kafka logs plenty at INFO; the unpacking/initdb/postgres output from zonky is what explains failures. */
    private static void defaultLogLevels() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.io.zonky", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
