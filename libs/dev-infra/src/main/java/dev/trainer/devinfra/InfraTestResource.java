package dev.trainer.devinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM-wide Kafka broker and PostgreSQL of {@link SharedInfra}: use
 * {@code @QuarkusTestResource(InfraTestResource.class)} or {@code @WithTestResource(InfraTestResource.class)}.
 * stop() leaves the servers running for the next test class; they stop when the JVM exits.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return SharedInfra.get().quarkusConfig();
    }

    @Override
    public void stop() {
        // shared with the other test classes of this JVM
    }
}
