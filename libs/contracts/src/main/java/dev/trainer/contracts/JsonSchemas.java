package dev.trainer.contracts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trainer.contracts.events.TrainingConfig;
import dev.trainer.contracts.events.TrainingRequested;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives the JSON Schema (draft 2020-12) of an event record from the record itself, so the published
 * schemas (resources {@code schemas/<topic>.schema.json}) cannot drift from the code: a test compares them.
 * Primitive components are required numbers/booleans; boxed ones and those marked {@link Nullable} may be null.
 * Doubles may also be the strings NaN, Infinity and -Infinity, as Jackson writes non-finite values. An enum is a
 * string, one of its constants' names. A topic that takes two forms of its record ({@link #ALTERNATIVE_FORMS}) gets
 * a {@code oneOf} of both.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The strings a double may be written as (a pattern constrains strings only, so numbers pass it). */
    static final String NON_FINITE_DOUBLE = "^(NaN|-?Infinity)$";

    /**
     * Records whose topic also takes another form of the same thing: the topic's schema is then oneOf the two (see
     * {@link dev.trainer.contracts.serde.TrainingRequestForms}).
     */
    static final Map<Class<?>, Class<?>> ALTERNATIVE_FORMS = Map.of(TrainingRequested.class, TrainingConfig.class);

    private JsonSchemas() {
    }

    public static ObjectNode forTopic(String topic) {
        Class<?> type = EventTypes.BY_TOPIC.get(topic);
        if (type == null) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:strategy-trainer:topic:" + topic);
        schema.put("title", type.getSimpleName());
        Class<?> alternative = ALTERNATIVE_FORMS.get(type);
        if (alternative == null) {
            schema.put("description", "Value of records on topic " + topic + "; see docs/ARCHITECTURE.md for keys and units.");
            schema.setAll(recordSchema(type));
            return schema;
        }
        schema.put("description", "Value of records on topic " + topic + ": one of two forms, " + type.getSimpleName()
                + " (canonical; what producers write) or " + alternative.getSimpleName() + " (the plan's form, read into the"
                + " canonical one); a value with fields only one form has and fields only the other has is neither. See"
                + " docs/ARCHITECTURE.md for keys and units, docs/OPTIMIZATION.md for the forms.");
        schema.putArray("oneOf").add(formSchema(type, alternative)).add(formSchema(alternative, type));
        return schema;
    }

    /** A form's record schema, refusing the fields only the other form has. */
    private static ObjectNode formSchema(Class<?> form, Class<?> other) {
        ObjectNode node = JSON.objectNode();
        node.put("title", form.getSimpleName());
        node.setAll(recordSchema(form));
        ArrayNode anyOf = node.putObject("not").putArray("anyOf");
        Set<String> own = Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        for (RecordComponent c : other.getRecordComponents()) {
            if (!own.contains(c.getName())) {
                anyOf.addObject().putArray("required").add(c.getName());
            }
        }
        return node;
    }

    static ObjectNode recordSchema(Class<?> type) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = node.putArray("required");
        for (RecordComponent component : type.getRecordComponents()) {
            boolean nullable = component.isAnnotationPresent(Nullable.class) || isBoxed(component.getType());
            properties.set(component.getName(), schemaOf(component.getGenericType(), nullable));
            if (!nullable) {
                required.add(component.getName());
            }
        }
        node.put("additionalProperties", true);
        return node;
    }

    private static ObjectNode schemaOf(Type type, boolean nullable) {
        ObjectNode node = schemaOf(type);
        if (nullable && node.has("type")) {
            ArrayNode types = node.get("type").isArray() ? ((ArrayNode) node.get("type")).deepCopy()
                    : JSON.arrayNode().add(node.get("type").asText());
            node.set("type", types.add("null"));
            if (node.has("enum")) {
                ((ArrayNode) node.get("enum")).addNull(); // enum constrains every value, null too
            }
        }
        return node;
    }

    private static ObjectNode schemaOf(Type type) {
        ObjectNode node = JSON.objectNode();
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                node.put("type", "array");
                node.set("items", schemaOf(p.getActualTypeArguments()[0]));
            } else if (Map.class.isAssignableFrom(raw)) {
                node.put("type", "object");
                Type value = p.getActualTypeArguments()[1];
                if (value != Object.class) {
                    node.set("additionalProperties", schemaOf(value));
                }
            } else {
                throw new IllegalArgumentException("no schema mapping for " + type);
            }
            return node;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            node.put("type", "string");
        } else if (c == Instant.class) {
            node.put("type", "string");
            node.put("format", "date-time");
        } else if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            node.put("type", "integer");
        } else if (c == Number.class) {
            node.put("type", "number");
        } else if (c == double.class || c == Double.class) {
            // Jackson writes a non-finite double as the string "NaN", "Infinity" or "-Infinity" (undefined scores
            // and metrics are NaN), so a double is a number or one of those three strings
            node.set("type", JSON.arrayNode().add("number").add("string"));
            node.put("pattern", NON_FINITE_DOUBLE);
        } else if (c == boolean.class || c == Boolean.class) {
            node.put("type", "boolean");
        } else if (c.isEnum()) {
            node.put("type", "string");
            ArrayNode names = node.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
        } else if (c.isArray()) {
            node.put("type", "array");
            node.set("items", schemaOf(c.getComponentType()));
        } else if (c.isRecord()) {
            return recordSchema(c);
        } else if (c == Object.class) {
            return node;
        } else {
            throw new IllegalArgumentException("no schema mapping for " + c.getName());
        }
        return node;
    }

    private static boolean isBoxed(Class<?> c) {
        return c == Integer.class || c == Long.class || c == Double.class || c == Boolean.class;
    }
}
