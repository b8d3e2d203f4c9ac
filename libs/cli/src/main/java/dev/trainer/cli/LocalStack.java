package dev.trainer.cli;

import dev.trainer.devinfra.InfraProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft) and PostgreSQL in child processes,
 * and the six packaged services as separate JVMs wired to them. External Kafka or PostgreSQL are used instead
 * when KAFKA_BOOTSTRAP_SERVERS or QUARKUS_DATASOURCE_JDBC_URL are set. Used by {@code bin/trainer up/demo} and by
 * the system test, so both run the system the same way.
 */
public final class LocalStack implements AutoCloseable {

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_POSTGRES_PORT = 55432;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Path root;
    private final Path stateDir;
    private final boolean keepData;
    private final Consumer<String> progress;
    private final List<InfraProcess> infra = new ArrayList<>();
    private final Map<ServiceSpec, Process> services = new LinkedHashMap<>();
    private final List<Process> replicas = new ArrayList<>();
    private String kafka;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;
    private boolean closed;

    private LocalStack(Path root, Path stateDir, boolean keepData, Consumer<String> progress) {
        this.root = root;
        this.stateDir = stateDir;
        this.keepData = keepData;
        this.progress = progress;
    }

    /**
     * Starts everything and returns once every service answers ready on /q/health/ready; on any failure stops what it
     * started and throws with the failing piece's log tail.
     *
     * @param stateDir  where logs (and, with {@code keepData}, the broker's and the database's data) are kept
     * @param kafkaPort 0 for a free port; likewise {@code postgresPort}
     */
    public static LocalStack start(Path root, Path stateDir, boolean keepData, int kafkaPort, int postgresPort,
            Consumer<String> progress) {
        LocalStack stack = new LocalStack(root, stateDir, keepData, progress);
        try {
            stack.startInfra(kafkaPort, postgresPort);
            stack.startServices();
            stack.awaitReady();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Map<ServiceSpec, Process> services() {
        return services;
    }

    public synchronized List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        infra.forEach(p -> pids.add(p.pid()));
        services.values().forEach(p -> pids.add(p.pid()));
        replicas.forEach(p -> pids.add(p.pid()));
        return pids;
    }

    public Path logFile(ServiceSpec service) {
        return stateDir.resolve("logs").resolve(service.name() + ".log");
    }

    private void startInfra(int kafkaPort, int postgresPort) {
        String envKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String envJdbc = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        CompletableFuture<InfraProcess> kafkaStart = envKafka != null ? null
                : CompletableFuture.supplyAsync(() -> InfraProcess.kafka(kafkaPort,
                        keepData ? stateDir.resolve("data/kafka") : null));
        CompletableFuture<InfraProcess> pgStart = envJdbc != null ? null
                : CompletableFuture.supplyAsync(() -> InfraProcess.postgres(postgresPort,
                        keepData ? InfraProcess.reachablePostgresDir(stateDir.resolve("data/postgres")) : null));
        progress.accept(envKafka != null ? "Kafka: using " + envKafka : "Kafka: starting a KRaft broker on 127.0.0.1:" + kafkaPort);
        progress.accept(envJdbc != null ? "PostgreSQL: using " + envJdbc : "PostgreSQL: starting on 127.0.0.1:" + postgresPort);
        kafka = envKafka != null ? envKafka : joinInfra(kafkaStart).address();
        if (envJdbc != null) {
            jdbcUrl = envJdbc;
            dbUser = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
            dbPassword = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        } else {
            jdbcUrl = joinInfra(pgStart).address();
            dbUser = "postgres";
            dbPassword = "postgres";
        }
        progress.accept("infrastructure ready: kafka " + kafka + ", database " + jdbcUrl);
    }

    private InfraProcess joinInfra(CompletableFuture<InfraProcess> start) {
        try {
            InfraProcess process = start.join();
            infra.add(process);
            return process;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void startServices() {
        for (ServiceSpec service : ServiceSpec.ALL) {
            try {
                Files.deleteIfExists(logFile(service)); // a restart appends to the log; a new stack starts afresh
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            services.put(service, launch(service, service.port(), service.name(), Map.of()));
        }
    }

    /** Starts one JVM of a service on a port, with its log in logs/{@code logName}.log. */
    private Process launch(ServiceSpec service, int port, String logName, Map<String, String> extraEnv) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = service.runnerJar(root);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (bin/trainer build)");
        }
        try {
            Files.createDirectories(stateDir.resolve("logs"));
            Path log = stateDir.resolve("logs").resolve(logName + ".log");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .directory(root.resolve(service.name()).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", dbUser);
            env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.putAll(extraEnv);
            Process process = builder.start();
            progress.accept("started " + logName + " on http://127.0.0.1:" + port + " (log " + log + ")");
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + logName + ": " + e.getMessage(), e);
        }
    }

    /** Kills a service's JVM at once (SIGKILL: no shutdown hook, no clean close), as a crash would. */
    public void kill(ServiceSpec service) {
        Process process = services.get(service);
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.accept("killed " + service.name() + " (pid " + process.pid() + ")");
    }

    /**
     * The six services as a {@link ServiceWatchdog} sees them; a restart kills the process (SIGKILL) if it is still up
     * and starts it again on its port, appending to its log.
     */
    public List<ServiceWatchdog.Supervised> supervised() {
        return ServiceSpec.ALL.stream().map(service -> (ServiceWatchdog.Supervised) new ServiceWatchdog.Supervised() {
            @Override
            public String name() {
                return service.name();
            }

            @Override
            public boolean alive() {
                return process(service).isAlive();
            }

            @Override
            public int exitCode() {
                return process(service).exitValue();
            }

            @Override
            public int liveness() {
                return Http.status(service.baseUrl() + "/q/health/live");
            }

            @Override
            public void restart() {
                relaunch(service);
            }
        }).toList();
    }

    private synchronized Process process(ServiceSpec service) {
        return services.get(service);
    }

    private synchronized void relaunch(ServiceSpec service) {
        if (closed) {
            return;
        }
        Process old = services.get(service);
        if (old.isAlive()) {
            old.destroyForcibly();
            try {
                old.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.put(service, launch(service, service.port(), service.name(), Map.of()));
    }

    /** Starts a service again (after {@link #kill}) and waits until it is ready. */
    public void restart(ServiceSpec service) {
        services.put(service, launch(service, service.port(), service.name(), Map.of()));
        awaitReady(Map.of(service.name(), services.get(service)), Map.of(service.name(), service.baseUrl()));
    }

    /**
     * Starts one more JVM of a service (e.g. a second optimizer: another member of the backtest workers' consumer
     * group) on its own port, and waits until it is ready. It is stopped with the stack.
     */
    public Process startReplica(ServiceSpec service, int port, String name, Map<String, String> env) {
        Process process = launch(service, port, name, env);
        replicas.add(process);
        awaitReady(Map.of(name, process), Map.of(name, "http://127.0.0.1:" + port));
        return process;
    }

    private void awaitReady() {
        Map<String, Process> processes = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            processes.put(service.name(), services.get(service));
            urls.put(service.name(), service.baseUrl());
        }
        awaitReady(processes, urls);
    }

    private void awaitReady(Map<String, Process> processes, Map<String, String> baseUrls) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<String> waiting = new ArrayList<>(processes.keySet());
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext();) {
                String name = it.next();
                Process process = processes.get(name);
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + process.exitValue() + ":\n"
                            + tail(stateDir.resolve("logs").resolve(name + ".log"), 40));
                }
                if (Http.status(baseUrls.get(name) + "/q/health/ready") == 200) {
                    progress.accept(name + " is ready");
                    it.remove();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toSeconds() + " s: " + waiting.stream()
                        .map(n -> n + "\n" + tail(stateDir.resolve("logs").resolve(n + ".log"), 20)).toList());
            }
            sleep(500);
        }
    }

    /** Stops the services (SIGTERM, then SIGKILL after 20 s), then the broker and the database. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Process> all = new ArrayList<>(services.values());
        all.addAll(replicas);
        all.forEach(Process::destroy);
        for (Process p : all) {
            try {
                if (!p.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        replicas.clear();
        infra.forEach(InfraProcess::close);
        infra.clear();
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
