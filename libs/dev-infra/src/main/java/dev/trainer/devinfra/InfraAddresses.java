package dev.trainer.devinfra;

import java.util.Map;

/** Where the shared Kafka broker and PostgreSQL database are, and the Quarkus configuration that points at them. */
public record InfraAddresses(String kafkaBootstrapServers, String jdbcUrl, String username, String password) {

    public Map<String, String> quarkusConfig() {
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers,
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }
}
