package dev.trainer.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One service's application.properties, read as the prod profile sees it. */
record QuarkusService(String folder, Properties properties) {

    enum Direction {
        INCOMING, OUTGOING;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..+");

    /** The value in the prod profile: a %prod. key wins over the plain one; other profiles are ignored. */
    String get(String key) {
        String value = null;
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("%")) {
                int dot = name.indexOf('.');
                if (dot > 0 && name.substring(dot + 1).equals(key)
                        && Arrays.asList(name.substring(1, dot).split(",")).contains("prod")) {
                    return properties.getProperty(name).trim();
                }
            } else if (name.equals(key)) {
                value = properties.getProperty(name).trim();
            }
        }
        return value;
    }

    String require(String key) {
        String value = get(key);
        if (value == null || value.isEmpty()) {
            fail(folder + ": application.properties does not set " + key);
        }
        return value;
    }

    String name() {
        return require("quarkus.application.name");
    }

    int httpPort() {
        String port = get("quarkus.http.port");
        return port == null ? 8080 : Integer.parseInt(port);
    }

    String metricsPath() {
        String path = get("quarkus.micrometer.export.prometheus.path");
        return path == null ? "/q/metrics" : path;
    }

    /** Channel names of one direction, in the order of their names. */
    Set<String> channels(Direction direction) {
        Set<String> channels = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            String key = name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name;
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches() && m.group(1).equals(direction.key())) {
                channels.add(m.group(2));
            }
        }
        return channels;
    }

    String channel(Direction direction, String channel, String attribute) {
        return get("mp.messaging." + direction.key() + "." + channel + "." + attribute);
    }

    /** The environment variable names Quarkus maps onto the properties this file sets (any profile). */
    Set<String> environmentNames() {
        Set<String> names = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            String key = name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name;
            names.add(Repo.envName(key));
        }
        return names;
    }
}
