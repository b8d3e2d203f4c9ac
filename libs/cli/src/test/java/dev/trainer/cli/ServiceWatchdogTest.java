package dev.trainer.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real child processes and a real HTTP liveness endpoint on loopback; only the intervals are shortened. */
class ServiceWatchdogTest {

    private static final ServiceWatchdog.Settings FAST = new ServiceWatchdog.Settings(Duration.ofMillis(20), 3,
            Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofSeconds(30));

    /** A child process (the command given) with a liveness endpoint whose answer the test sets. */
    private static final class Child implements ServiceWatchdog.Supervised {
        final List<String> command;
        final AtomicInteger status = new AtomicInteger(200);
        final AtomicInteger livenessChecks = new AtomicInteger();
        final HttpServer server;
        volatile Process process;

        Child(List<String> command) throws IOException {
            this.command = command;
            this.process = new ProcessBuilder(command).start();
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/q/health/live", exchange -> {
                exchange.sendResponseHeaders(status.get(), -1);
                exchange.close();
            });
            server.start();
        }

        @Override
        public String name() {
            return "child";
        }

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public int exitCode() {
            return process.exitValue();
        }

        @Override
        public int liveness() {
            livenessChecks.incrementAndGet();
            int s = status.get();
            return s < 0 ? s : Http.status("http://127.0.0.1:" + server.getAddress().getPort() + "/q/health/live");
        }

        @Override
        public void restart() {
            process.destroyForcibly();
            try {
                process.waitFor();
                process = new ProcessBuilder(command).start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void close() {
            process.destroyForcibly();
            server.stop(0);
        }
    }

    private final List<Child> children = new CopyOnWriteArrayList<>();
    private final List<ServiceWatchdog.Restart> restarts = new CopyOnWriteArrayList<>();
    private ServiceWatchdog watchdog;

    @AfterEach
    void stop() {
        if (watchdog != null) {
            watchdog.close();
        }
        children.forEach(Child::close);
    }

    private Child child(String... command) throws IOException {
        Child c = new Child(List.of(command));
        children.add(c);
        return c;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void aKilledProcessIsStartedAgainWithTheReason() throws Exception {
        Child child = child("sleep", "600");
        watchdog = new ServiceWatchdog(List.of(child), FAST, restarts::add);
        long firstPid = child.process.pid();
        child.process.destroyForcibly().waitFor();

        await(() -> restarts.size() == 1, "one restart");
        assertTrue(restarts.get(0).reason().contains("exited with code 137"), restarts.get(0).reason());
        assertEquals(1, restarts.get(0).count());
        assertNotEquals(firstPid, child.process.pid());
        assertTrue(child.process.isAlive());
    }

    @Test
    void aLiveProcessWhoseLivenessIsDownIsRestartedButOneThatDoesNotAnswerIsLeftAlone() throws Exception {
        Child child = child("sleep", "600");
        watchdog = new ServiceWatchdog(List.of(child), FAST, restarts::add);
        child.status.set(-1); // up but not answering (starting, or hung): not a reason to restart
        int checks = child.livenessChecks.get();
        await(() -> child.livenessChecks.get() >= checks + 10, "ten checks that got no answer");
        assertEquals(List.of(), restarts);

        long pid = child.process.pid();
        child.status.set(503);
        await(() -> restarts.size() == 1, "a restart after DOWN answers");
        assertTrue(restarts.get(0).reason().contains("DOWN 3 times in a row"), restarts.get(0).reason());
        assertNotEquals(pid, child.process.pid());
    }

    @Test
    void aServiceThatKeepsCrashingIsRestartedWithADoublingBackoffUpToItsCap() throws Exception {
        Child child = child("sh", "-c", "exit 3");
        watchdog = new ServiceWatchdog(List.of(child), FAST, restarts::add);
        await(() -> restarts.size() >= 5, "five restarts");
        watchdog.close();
        assertTrue(restarts.get(0).reason().contains("exited with code 3"), restarts.get(0).reason());
        long[] expectedMinMs = {200, 400, 800, 800}; // doubling from 200 ms, capped at 800 ms
        for (int i = 1; i < 5; i++) {
            long gapMs = Duration.between(restarts.get(i - 1).at(), restarts.get(i).at()).toMillis();
            assertTrue(gapMs >= expectedMinMs[i - 1], "restart " + (i + 1) + " came " + gapMs + " ms after the one before, "
                    + "expected at least " + expectedMinMs[i - 1]);
            assertEquals(i + 1, restarts.get(i).count());
        }
        Instant first = restarts.get(0).at();
        assertTrue(Duration.between(first, restarts.get(4).at()).toMillis() >= 2_200);
    }
}
