package dev.trainer.contracts.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.TrainingConfig;
import dev.trainer.contracts.events.TrainingRequested;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two JSON forms of a training request and the one place that reads the plan's form into the canonical one:
 * the canonical {@link TrainingRequested} and the plan's {@link TrainingConfig}. Jackson reads both into a
 * {@code TrainingRequested} ({@link TrainingRequestedDeserializer}), so the Kafka consumers, the REST bodies and the
 * CLI all accept both; the REST resource and the CLI use {@link #read} to also learn the form and the fields ignored.
 *
 * <p>An object is in the plan's form when it has any field that only the plan's form has ({@link #PLAN_ONLY}:
 * optimizationMethod, optimizationParams, validationMethod, validationParams, maxRuntime), else in the canonical
 * form. An object in the plan's form with a field that only the canonical form has ({@link #CANONICAL_ONLY}) mixes
 * the two and is refused, naming the fields. Fields of neither record are ignored in both forms, as
 * {@link EventJson} always has (a consumer keeps working when a producer adds a field); {@link #unknownFields}
 * names them.
 *
 * <p>A plan-form object without {@code jobId} or {@code eventId} gets ids derived from its content
 * ({@link #derivedId}), so every consumer of the same record (market-data-service and optimizer-service) derives the
 * same job; without {@code occurredAt} it gets the time it is read; without {@code userId},
 * {@value TrainingConfig#DEFAULT_USER_ID}.
 */
public final class TrainingRequestForms {

    public enum Form {
        CANONICAL, PLAN
    }

    /** A field of the request as the client wrote it, and what is wrong with it. */
    public record Problem(String field, String message) {
    }

    /** The request cannot be read: it mixes the forms, or a field has the wrong JSON type. */
    public static final class FormException extends IllegalArgumentException {

        private final transient List<Problem> problems;

        public FormException(List<Problem> problems) {
            super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * @param ignoredFields fields that are in neither form, dotted (e.g. {@code optimizationParams.nSample}), in
     *                      the order of the JSON
     */
    public record Read(TrainingRequested request, Form form, List<String> ignoredFields) {
    }

    /** Fields only the plan's form has: any of them makes an object a plan-form request. */
    public static final Set<String> PLAN_ONLY = difference(TrainingConfig.class, TrainingRequested.class);
    /** Fields only the canonical form has: in a plan-form object, they mix the forms. */
    public static final Set<String> CANONICAL_ONLY = difference(TrainingRequested.class, TrainingConfig.class);

    /** Plan field of each canonical field the validator may name, where the names differ. */
    private static final Map<String, String> PLAN_NAMES = Map.ofEntries(
            Map.entry("optimization", "optimizationMethod"),
            Map.entry("optimization.method", "optimizationMethod"),
            Map.entry("optimization.samples", "optimizationParams.nSamples"),
            Map.entry("optimization.iterations", "optimizationParams.nIterations"),
            Map.entry("optimization.parameterSpace", "optimizationParams.parameterGrid"),
            Map.entry("validation", "validationMethod"),
            Map.entry("validation.method", "validationMethod"),
            Map.entry("validation.trainPeriodDays", "validationParams.trainPeriodDays"),
            Map.entry("validation.testPeriodDays", "validationParams.testPeriodDays"),
            Map.entry("validation.gapPeriodDays", "validationParams.gapPeriodDays"),
            Map.entry("validation.trainRatio", "validationParams.trainRatio"),
            Map.entry("maxRuntimeSeconds", "maxRuntime"));

    private TrainingRequestForms() {
    }

    /** The form of a JSON value; anything but an object counts as canonical (and fails to read as one). */
    public static Form formOf(JsonNode json) {
        if (json == null || !json.isObject()) {
            return Form.CANONICAL;
        }
        List<String> plan = present(json, PLAN_ONLY);
        if (plan.isEmpty()) {
            return Form.CANONICAL;
        }
        List<String> canonical = present(json, CANONICAL_ONLY);
        if (!canonical.isEmpty()) {
            String message = "the request mixes the plan's TrainingConfig form (it has " + String.join(", ", plan)
                    + ") with the canonical form (it has " + String.join(", ", canonical) + "); write it in one form";
            throw new FormException(canonical.stream().map(f -> new Problem(f, "is a field of the canonical form, but "
                    + message)).toList());
        }
        return Form.PLAN;
    }

    /**
     * The plan-form request as a canonical record: envelope fields it lacks are filled, the ids derived from
     * {@code json}, its content ({@link #derivedId}).
     */
    public static TrainingRequested fromPlanForm(TrainingConfig config, JsonNode json, Instant now) {
        return config.toRequested(derivedId("eventId", json), now, derivedId("jobId", json));
    }

    /**
     * The id a plan-form request without one gets: a name-based (version 3) UUID of the topic, this field's name and
     * the request's JSON as Jackson writes the tree it read (so whitespace does not matter, field order and number
     * spelling do). The same record always gives the same ids, whoever reads it; publishing the same JSON twice is
     * therefore one job, the second record a redelivery of the first.
     */
    public static String derivedId(String field, JsonNode json) {
        return EventTypes.deterministicId(Topics.TRAINING_REQUESTS, "plan-form", field, json.toString());
    }

    /** The name the client used for a field the validator names in canonical terms (e.g. optimization.samples). */
    public static String fieldInForm(Form form, String canonicalField) {
        return form == Form.PLAN ? PLAN_NAMES.getOrDefault(canonicalField, canonicalField) : canonicalField;
    }

    /** Fields of a request in neither form's record, dotted, in JSON order (nested ones of the records' objects too). */
    public static List<String> unknownFields(JsonNode json) {
        List<String> out = new ArrayList<>();
        if (json != null && json.isObject()) {
            unknown(json, formOf(json) == Form.PLAN ? TrainingConfig.class : TrainingRequested.class, "", out);
        }
        return out;
    }

    /**
     * Reads a request in either form, for callers that answer a client: a mixed or mistyped request throws a
     * {@link FormException} naming the fields as the client wrote them.
     */
    public static Read read(JsonNode json, ObjectMapper mapper) {
        Form form = formOf(json);
        TrainingRequested request;
        try {
            request = mapper.treeToValue(json, TrainingRequested.class);
        } catch (JsonProcessingException e) {
            throw new FormException(List.of(new Problem(JsonReadProblems.field(e), JsonReadProblems.message(e))));
        }
        if (request == null) {
            throw new FormException(List.of(new Problem("body", "a training request is required")));
        }
        return new Read(request, form, unknownFields(json));
    }

    private static void unknown(JsonNode json, Class<?> record, String prefix, List<String> out) {
        Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                out.add(prefix + field.getKey());
            } else if (component.getType().isRecord() && field.getValue().isObject()) {
                unknown(field.getValue(), component.getType(), prefix + field.getKey() + ".", out);
            }
        }
    }

    private static List<String> present(JsonNode json, Set<String> names) {
        List<String> out = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (names.contains(name)) {
                out.add(name);
            }
        });
        return out;
    }

    private static Set<String> difference(Class<?> a, Class<?> b) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent c : a.getRecordComponents()) {
            names.add(c.getName());
        }
        for (RecordComponent c : b.getRecordComponents()) {
            names.remove(c.getName());
        }
        return java.util.Collections.unmodifiableSet(names);
    }
}
