package dev.trainer.deployment;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.Topics.TopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares topics declared somewhere (compose, KafkaTopic resources) with Topics.allWithDeadLetters(). */
final class ContractTopics {

    /** A topic as a deployment file declares it; partitions null when the file does not say. */
    record Declared(String name, Integer partitions) {
    }

    private ContractTopics() {
    }

    static Map<String, Integer> expected() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (TopicSpec spec : Topics.allWithDeadLetters()) {
            expected.put(spec.name(), spec.partitions());
        }
        return expected;
    }

    /** Every disagreement, empty when the declared topics are exactly the contract's, each once. */
    static List<String> differences(List<Declared> declared) {
        Map<String, Integer> expected = expected();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Declared topic : declared) {
            if (seen.containsKey(topic.name())) {
                problems.add("declared twice: " + topic.name());
                continue;
            }
            seen.put(topic.name(), topic.partitions());
            if (!expected.containsKey(topic.name())) {
                problems.add("not a topic of Topics.allWithDeadLetters(): " + topic.name());
            } else if (topic.partitions() == null) {
                problems.add(topic.name() + " has no partition count, expected " + expected.get(topic.name()));
            } else if (!topic.partitions().equals(expected.get(topic.name()))) {
                problems.add(topic.name() + " has " + topic.partitions() + " partitions, expected "
                        + expected.get(topic.name()));
            }
        }
        for (String name : expected.keySet()) {
            if (!seen.containsKey(name)) {
                problems.add("missing: " + name + " (" + expected.get(name) + " partitions)");
            }
        }
        return problems;
    }
}
