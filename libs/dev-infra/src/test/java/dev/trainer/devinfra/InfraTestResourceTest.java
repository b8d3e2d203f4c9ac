package dev.trainer.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class InfraTestResourceTest {

    @Test
    void startsKafkaAndPostgresOncePerJvmWhenTheEnvironmentNamesNeither() throws Exception {
        assumeTrue(System.getenv(SharedInfra.ENV_KAFKA) == null && System.getenv(SharedInfra.ENV_JDBC_URL) == null,
                "the environment names servers of its own");
        long start = System.nanoTime();
        Map<String, String> config = new InfraTestResource().start();
        System.out.printf("InfraTestResource ready after %d ms: %s%n", (System.nanoTime() - start) / 1_000_000, config);

        assertEquals(java.util.Set.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
                "quarkus.datasource.username", "quarkus.datasource.password"), config.keySet());
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_database()")) {
            assertTrue(rs.next());
            assertEquals("trainer", rs.getString(1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get("kafka.bootstrap.servers")))) {
            assertFalse(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty());
        }

        assertEquals(config, new InfraTestResource().start(), "a second test class gets the same servers");
        assertEquals(config, SharedInfra.get().quarkusConfig());
    }

    @Test
    void usesTheServersTheEnvironmentNames() {
        Map<String, String> env = Map.of(
                SharedInfra.ENV_KAFKA, "broker.example:9092",
                SharedInfra.ENV_JDBC_URL, "jdbc:postgresql://db.example:5432/trainer",
                SharedInfra.ENV_USERNAME, "trainer",
                SharedInfra.ENV_PASSWORD, "secret");
        assertEquals(new InfraAddresses("broker.example:9092", "jdbc:postgresql://db.example:5432/trainer",
                "trainer", "secret"), SharedInfra.start(env::get));
    }
}
