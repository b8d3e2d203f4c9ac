package dev.trainer.devinfra;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One Kafka broker and one PostgreSQL per JVM, started on first use (both at once, each in a child process) and
 * stopped when the JVM exits. Servers given by the environment are used instead:
 * {@code KAFKA_BOOTSTRAP_SERVERS}, and {@code QUARKUS_DATASOURCE_JDBC_URL} with {@code QUARKUS_DATASOURCE_USERNAME}
 * and {@code QUARKUS_DATASOURCE_PASSWORD}.
 *
 * <p>The state lives in system properties rather than static fields: Quarkus may load this class once per test
 * application class loader, and all of them must share the same servers.
 */
public final class SharedInfra {

    public static final String ENV_KAFKA = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ENV_JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    public static final String ENV_USERNAME = "QUARKUS_DATASOURCE_USERNAME";
    public static final String ENV_PASSWORD = "QUARKUS_DATASOURCE_PASSWORD";

    private static final String PREFIX = "dev.trainer.devinfra.shared.";
    private static final String STATE = PREFIX + "state";
    private static final String KAFKA = PREFIX + "kafka";
    private static final String JDBC_URL = PREFIX + "jdbc-url";
    private static final String USERNAME = PREFIX + "username";
    private static final String PASSWORD = PREFIX + "password";
    private static final String STARTING = "starting";
    private static final String READY = "ready";
    private static final String FAILED = "failed: ";

    private SharedInfra() {
    }

    /** Blocks until both servers answer; throws if they could not be started (then and on every later call). */
    public static InfraAddresses get() {
        return get(System.getenv()::get);
    }

    private static InfraAddresses get(Function<String, String> env) {
        Properties properties = System.getProperties();
        boolean starter;
        // a JDK object every class loader shares; held only for this check-and-set
        synchronized (properties) {
            starter = properties.getProperty(STATE) == null;
            if (starter) {
                properties.setProperty(STATE, STARTING);
            }
        }
        if (starter) {
            try {
                publish(start(env));
            } catch (RuntimeException | Error e) {
                System.setProperty(STATE, FAILED + e);
                throw e;
            }
        }
        return awaitPublished();
    }

    /** Starts what the environment does not name; package-private so the environment can be faked in tests. */
    static InfraAddresses start(Function<String, String> env) {
        String kafkaFromEnv = nonBlank(env.apply(ENV_KAFKA));
        String jdbcFromEnv = nonBlank(env.apply(ENV_JDBC_URL));
        CompletableFuture<String> kafka = kafkaFromEnv != null
                ? CompletableFuture.completedFuture(kafkaFromEnv)
                : startInThread(InfraKind.KAFKA);
        CompletableFuture<String> jdbc = jdbcFromEnv != null
                ? CompletableFuture.completedFuture(jdbcFromEnv)
                : startInThread(InfraKind.POSTGRES);
        try {
            CompletableFuture.allOf(kafka, jdbc).join();
        } catch (CompletionException e) {
            // whichever did start is stopped by its shutdown hook
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        String username = jdbcFromEnv != null ? orDefault(env.apply(ENV_USERNAME), PostgresServer.USERNAME) : PostgresServer.USERNAME;
        String password = jdbcFromEnv != null ? orDefault(env.apply(ENV_PASSWORD), PostgresServer.PASSWORD) : PostgresServer.PASSWORD;
        return new InfraAddresses(kafka.join(), jdbc.join(), username, password);
    }

    /** The child process is stopped by its own shutdown hook, so nothing needs to keep a reference to it. */
    private static CompletableFuture<String> startInThread(InfraKind kind) {
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                address.complete(InfraProcess.start(kind, 0, null).address());
            } catch (Throwable e) {
                address.completeExceptionally(e);
            }
        }, "dev-infra-start-" + kind.cliName());
        thread.setDaemon(true);
        thread.start();
        return address;
    }

    private static void publish(InfraAddresses addresses) {
        System.setProperty(KAFKA, addresses.kafkaBootstrapServers());
        System.setProperty(JDBC_URL, addresses.jdbcUrl());
        System.setProperty(USERNAME, addresses.username());
        System.setProperty(PASSWORD, addresses.password());
        System.setProperty(STATE, READY);
    }

    private static InfraAddresses awaitPublished() {
        while (true) {
            String state = System.getProperty(STATE, STARTING);
            if (state.equals(READY)) {
                return new InfraAddresses(System.getProperty(KAFKA), System.getProperty(JDBC_URL),
                        System.getProperty(USERNAME), System.getProperty(PASSWORD));
            }
            if (state.startsWith(FAILED)) {
                throw new IllegalStateException("dev-infra could not start Kafka and PostgreSQL: "
                        + state.substring(FAILED.length()));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for dev-infra", e);
            }
        }
    }

    /** Addresses as Quarkus configuration, see {@link InfraAddresses#quarkusConfig()}. */
    public static Map<String, String> quarkusConfig() {
        return get().quarkusConfig();
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
