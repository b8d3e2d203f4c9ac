package dev.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The Java side of {@code bin/trainer}: {@code up}, {@code down}, {@code status}, {@code logs} and {@code demo} for the
 * local stack, and the offline research commands {@code backtest} and {@code bench}. {@code up} starts a supervisor JVM in its own session that owns the broker, the database and the six
 * services, so they outlive this command; {@code down} asks the supervisor to stop them all.
 */
public final class Main {

    private final Path root;
    private final Path state;

    private Main(Path root) {
        this.root = root;
        this.state = root.resolve(".trainer");
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Main main = new Main(Path.of(System.getProperty("trainer.root", ".")).toAbsolutePath().normalize());
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        int code;
        try {
            code = switch (command) {
                case "supervise" -> main.supervise();
                case "up" -> main.up();
                case "down" -> main.down();
                case "status" -> main.status();
                case "logs" -> main.logs(rest);
                case "demo" -> main.demo(rest.contains("--keep"));
                case "bench-service" -> main.benchService(rest);
                case "bench-plan" -> main.benchPlan(rest);
                case "backtest" -> new BacktestCommand(System.out, System.err).run(rest);
                case "fetch" -> new FetchCommand(System.out, System.err).run(rest);
                case "bench" -> Benchmark.run(rest);
                case "import" -> new ImportCommand(System.out, System.err).run(rest);
                case "bench-import" -> ImportBenchmark.run(rest, main.root);
                case "optimize" -> new OptimizeCommand(System.out, System.err).run(rest);
                case "estimate" -> new EstimateCommand(System.out, System.err).run(rest);
                case "stats" -> new StatsCommand(System.out, System.err).run(rest);
                default -> {
                    System.err.println("usage: bin/trainer demo [--keep] | test | up | down | status | logs [SERVICE]"
                            + " | backtest ... | fetch ... | import ... | bench-import | bench-service | bench-plan ... | optimize ... | estimate ... | stats ... | bench");
                    yield command.equals("help") ? 0 : 2;
                }
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("trainer: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    private Path pidFile() {
        return state.resolve("run/supervisor.pid");
    }

    private Path stackFile() {
        return state.resolve("run/stack.properties");
    }

    private Path supervisorLog() {
        return state.resolve("logs/supervisor.log");
    }

    /** Runs in the background JVM that {@code up} starts: owns every process of the stack until it is told to stop. */
    private int supervise() throws IOException {
        Files.createDirectories(state.resolve("run"));
        Files.writeString(pidFile(), Long.toString(ProcessHandle.current().pid()));
        LocalStack stack = LocalStack.start(root, state, true, port("TRAINER_KAFKA_PORT", LocalStack.DEFAULT_KAFKA_PORT),
                port("TRAINER_POSTGRES_PORT", LocalStack.DEFAULT_POSTGRES_PORT), line -> System.out.println("[stack] " + line));
        Properties props = new Properties();
        props.setProperty("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        props.setProperty("jdbc.url", stack.jdbcUrl());
        props.setProperty("ready", "true");
        writeStackFile(props, stack);
        ServiceWatchdog watchdog = new ServiceWatchdog(stack.supervised(), ServiceWatchdog.Settings.DEFAULTS, restart -> {
            System.out.println("[stack] restarted " + restart.service() + " (restart " + restart.count() + "): "
                    + restart.reason());
            synchronized (props) {
                props.setProperty("restarts." + restart.service(), restart.count() + " (last " + restart.at() + ": "
                        + restart.reason() + ")");
            }
            writeStackFile(props, stack);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[stack] stopping");
            watchdog.close();
            stack.close();
            try {
                Files.deleteIfExists(stackFile());
                Files.deleteIfExists(pidFile());
            } catch (IOException e) {
                // nothing left to do: the next up overwrites them
            }
            System.out.println("[stack] stopped");
        }));
        System.out.println("[stack] all services ready");
        while (true) {
            LocalStack.sleep(60_000);
        }
    }

    /** What {@code status} and {@code down} read: addresses, every process's pid (they change on restarts), restarts. */
    private void writeStackFile(Properties props, LocalStack stack) {
        synchronized (props) {
            props.setProperty("pids", stack.pids().toString());
            Path temp = stackFile().resolveSibling("stack.properties.tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    props.store(out, "the running local stack");
                }
                Files.move(temp, stackFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.out.println("[stack] could not write " + stackFile() + ": " + e.getMessage());
            }
        }
    }

    private int up() throws IOException, InterruptedException {
        if (running() && ready() != null) {
            System.out.println("the stack is already up (bin/trainer status)");
            return 0;
        }
        Files.createDirectories(state.resolve("logs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: a Ctrl-C in this terminal must not stop the stack
        }
        command.addAll(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "-Dtrainer.root=" + root,
                Main.class.getName(), "supervise"));
        Process supervisor = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(supervisorLog().toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        long printed = 0;
        while (true) {
            printed = follow(supervisorLog(), printed);
            if (ready() != null) {
                System.out.println("the stack is up: bin/trainer status | logs | down");
                return 0;
            }
            if (!supervisor.isAlive()) {
                follow(supervisorLog(), printed);
                System.err.println("the stack did not start (log: " + supervisorLog() + ")");
                return 1;
            }
            Thread.sleep(300);
        }
    }

    private int down() throws InterruptedException, IOException {
        if (!Files.exists(pidFile())) {
            System.out.println("the stack is not running");
            return 0;
        }
        long pid = Long.parseLong(Files.readString(pidFile()).trim());
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent() && handle.get().isAlive()) {
            System.out.println("stopping the stack (supervisor " + pid + ")");
            handle.get().destroy();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (handle.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            if (handle.get().isAlive()) {
                System.err.println("the supervisor did not stop in 90 s; killing what it started");
                Properties stack = ready();
                handle.get().destroyForcibly();
                if (stack != null) {
                    Arrays.stream(stack.getProperty("pids", "[]").replaceAll("[\\[\\] ]", "").split(","))
                            .filter(s -> !s.isBlank()).map(Long::parseLong)
                            .forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
                }
            }
        }
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(stackFile());
        System.out.println("the stack is down");
        return 0;
    }

    private int status() {
        Properties stack = ready();
        if (!running()) {
            System.out.println("the stack is not running (bin/trainer up)");
            return 3;
        }
        System.out.println("supervisor: running" + (stack == null ? ", still starting" : ""));
        if (stack != null) {
            System.out.println("kafka:      " + stack.getProperty("kafka.bootstrap.servers"));
            System.out.println("database:   " + stack.getProperty("jdbc.url"));
        }
        boolean allReady = true;
        for (ServiceSpec s : ServiceSpec.ALL) {
            int code = Http.status(s.baseUrl() + "/q/health/ready");
            allReady &= code == 200;
            String restarts = stack == null ? null : stack.getProperty("restarts." + s.name());
            System.out.printf("%-24s %s  %s%s%n", s.name(), s.baseUrl(), code == 200 ? "ready" : code < 0 ? "down" : "not ready (" + code + ")",
                    restarts == null ? "" : "  restarts: " + restarts);
        }
        return allReady ? 0 : 1;
    }

    private int logs(List<String> names) throws IOException {
        List<Path> files = names.isEmpty()
                ? ServiceSpec.ALL.stream().map(s -> state.resolve("logs/" + s.name() + ".log")).toList()
                : names.stream().map(n -> state.resolve("logs/" + ServiceSpec.named(n).name() + ".log")).toList();
        for (Path file : names.isEmpty() ? prepend(supervisorLog(), files) : files) {
            System.out.println("==> " + file + " <==");
            System.out.println(LocalStack.tail(file, names.isEmpty() ? 20 : 200));
        }
        return 0;
    }

    private int demo(boolean keep) throws Exception {
        boolean wasUp = running() && ready() != null;
        if (!wasUp && up() != 0) {
            return 1;
        }
        try {
            Properties stack = ready();
            DemoTraining demo = new DemoTraining(stack.getProperty("kafka.bootstrap.servers"), System.out);
            String jobId = dev.trainer.contracts.EventTypes.newEventId();
            demo.publish(DemoTraining.request(jobId, List.of("5m", "15m")));
            JsonNode job = demo.awaitJob(jobId, Duration.ofMinutes(10));
            if (!"completed".equals(job.path("status").asText())) {
                System.err.println("the training job " + job.path("status").asText() + ": " + job.path("errorMessage").asText());
                return 1;
            }
            long completedMarkets = 0;
            for (JsonNode m : job.path("markets")) {
                completedMarkets += "completed".equals(m.path("status").asText()) ? 1 : 0;
            }
            demo.printTable(demo.awaitConfigs(jobId, (int) completedMarkets, Duration.ofMinutes(2)));
            return 0;
        } finally {
            if (keep || wasUp) {
                System.out.println("the stack keeps running: bin/trainer status | logs | down");
            } else {
                down();
            }
        }
    }

    /** {@code bench-service}: on the running stack, or on one started for it and stopped afterwards. */
    private int benchService(List<String> args) throws Exception {
        boolean wasUp = running() && ready() != null;
        if (!wasUp && up() != 0) {
            return 1;
        }
        try {
            return new ServiceBenchmark(ready().getProperty("kafka.bootstrap.servers"), System.out).run(args);
        } finally {
            if (!wasUp && !args.contains("--keep")) {
                down();
            }
        }
    }

    /**
     * {@code bench-plan}: arguments checked before anything starts; then on the running stack, or on one started for
     * it and stopped afterwards unless {@code --keep}.
     */
    private int benchPlan(List<String> args) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            System.out.println(PlanBenchmark.USAGE);
            return 0;
        }
        PlanBenchmark.Options options;
        try {
            options = PlanBenchmark.Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-plan: " + e.getMessage());
            System.err.println(PlanBenchmark.USAGE);
            return 2;
        }
        boolean wasUp = running() && ready() != null;
        if (!wasUp && up() != 0) {
            return 1;
        }
        try {
            return new PlanBenchmark(ready().getProperty("kafka.bootstrap.servers"), System.out, System.err).run(options);
        } finally {
            if (wasUp || options.keep()) {
                System.out.println("the stack keeps running: bin/trainer status | logs | down");
            } else {
                down();
            }
        }
    }

    private boolean running() {
        try {
            return Files.exists(pidFile()) && ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim()))
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private Properties ready() {
        if (!Files.exists(stackFile())) {
            return null;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(stackFile())) {
            props.load(in);
        } catch (IOException e) {
            return null;
        }
        return "true".equals(props.getProperty("ready")) ? props : null;
    }

    /** Prints what was appended to the file since {@code from} bytes; returns the new offset. */
    private static long follow(Path file, long from) throws IOException {
        if (!Files.exists(file)) {
            return from;
        }
        byte[] all = Files.readAllBytes(file);
        if (all.length > from) {
            System.out.print(new String(all, (int) from, (int) (all.length - from), java.nio.charset.StandardCharsets.UTF_8));
        }
        return all.length;
    }

    private static int port(String env, int fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static List<Path> prepend(Path first, List<Path> rest) {
        List<Path> all = new java.util.ArrayList<>(rest);
        all.add(0, first);
        return all;
    }
}
