package dev.trainer.devinfra;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.Topics.TopicSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running inside this JVM, listening on 127.0.0.1
 * only, with every topic of {@link Topics#allWithDeadLetters()} created.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private final boolean deleteLogDirOnClose;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, int port, Path logDir, boolean deleteLogDirOnClose) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
        this.deleteLogDirOnClose = deleteLogDirOnClose;
    }

    /**
     * Formats the log directory if it is new, starts the broker, waits until it answers and creates the topics.
     *
     * @param port   the client port on 127.0.0.1, 0 for a free one
     * @param logDir kept across restarts; null for a temporary directory deleted on close
     */
    public static KafkaBroker start(int port, Path logDir) throws IOException {
        boolean temporary = logDir == null;
        Path dir = temporary ? Files.createTempDirectory("trainer-kafka-") : logDir.toAbsolutePath();
        Files.createDirectories(dir);
        int brokerPort = port == 0 ? LoopbackPorts.free() : port;
        int controllerPort = otherFreePort(brokerPort);
        Map<String, Object> settings = settings(brokerPort, controllerPort, dir);
        KafkaRaftServer server = null;
        try {
            formatIfNew(dir, settings);
            KafkaConfig config = new KafkaConfig(settings, false);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, brokerPort, dir, temporary);
            broker.awaitReadyAndCreateTopics();
            return broker;
        } catch (Exception | Error e) {
            if (server != null) {
                stop(server);
            }
            if (temporary) {
                Dirs.deleteRecursively(dir);
            }
            throw e instanceof IOException io ? io : new IOException("Kafka broker did not start: " + e
                    + (rootCause(e) == e ? "" : " (root cause: " + rootCause(e) + ")"), e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(server);
        if (deleteLogDirOnClose) {
            Dirs.deleteRecursively(logDir);
        }
    }

    private static int otherFreePort(int taken) {
        int port;
        do {
            port = LoopbackPorts.free();
        } while (port == taken);
        return port;
    }

    private static Map<String, Object> settings(int brokerPort, int controllerPort, Path dir) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // a static voter set: kraft.version 0, so a restart may use another controller port without reformatting
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        // 50 partitions (the default) make the first consumer group noticeably slower to form on one node
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /**
     * Formats through StorageTool, the code behind kafka-storage.sh, whose command line is a stabler contract than
     * the Formatter class behind it. A directory that already holds meta.properties keeps its cluster id.
     */
    private static void formatIfNew(Path dir, Map<String, Object> settings) throws IOException {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        Path configFile = Files.createTempFile("trainer-kafka-format-", ".properties");
        try {
            Properties properties = new Properties();
            properties.putAll(settings);
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                properties.store(writer, "dev-infra single-node KRaft broker");
            }
            // stdout belongs to InfraMain's READY line
            int status = StorageTool.execute(new String[] {"format", "--config", configFile.toString(),
                    "--cluster-id", Uuid.randomUuid().toString()}, System.err);
            if (status != 0) {
                throw new IOException("formatting the Kafka log directory " + dir + " failed with status " + status);
            }
        } finally {
            Files.deleteIfExists(configFile);
        }
    }

    private void awaitReadyAndCreateTopics() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(adminConfig)) {
            awaitAnswer(admin, deadline);
            createMissingTopics(admin);
            awaitLeaders(admin, deadline);
        }
    }

    private static void awaitAnswer(Admin admin, long deadline) throws Exception {
        while (true) {
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("broker did not answer within " + READY_TIMEOUT + ": " + e);
                }
            }
            Thread.sleep(100);
        }
    }

    /** A kept log directory may predate a topic or a partition count raised in Topics; both are brought up to date. */
    private static void createMissingTopics(Admin admin) throws Exception {
        List<TopicSpec> specs = Topics.allWithDeadLetters();
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = new ArrayList<>();
        Map<String, NewPartitions> grow = new HashMap<>();
        Map<String, TopicDescription> described = admin.describeTopics(
                specs.stream().map(TopicSpec::name).filter(existing::contains).toList()).allTopicNames().get();
        for (TopicSpec spec : specs) {
            TopicDescription description = described.get(spec.name());
            if (description == null) {
                missing.add(new NewTopic(spec.name(), spec.partitions(), (short) 1));
            } else if (description.partitions().size() < spec.partitions()) {
                grow.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
            }
        }
        try {
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get();
        }
    }

    /** Creation returns before every partition has a leader; clients started right after READY should not see that. */
    private static void awaitLeaders(Admin admin, long deadline) throws Exception {
        List<String> names = Topics.allWithDeadLetters().stream().map(TopicSpec::name).toList();
        while (true) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            boolean allLed = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            if (allLed) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topic partitions still without leader after " + READY_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    /** Kafka wraps the interesting failure (a port in use, say) in several layers of its own. */
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            System.err.println("dev-infra: error while stopping the Kafka broker: " + e);
        }
    }
}
