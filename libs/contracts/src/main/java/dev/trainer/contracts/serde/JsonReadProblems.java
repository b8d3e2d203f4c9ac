package dev.trainer.contracts.serde;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * What a client is told when its JSON cannot be read: the field (its path, e.g. {@code validation.trainRatio} or
 * {@code pairs.0}; {@code body} for the document itself) and what it must be, in JSON's words rather than Jackson's,
 * which name Java classes. For every REST body (service-support's mappers) and the training request's two forms.
 */
public final class JsonReadProblems {

    private static final int MAX_ECHOED_CHARS = 100;

    private JsonReadProblems() {
    }

    public static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "body";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            String part = r.getFieldName() != null ? r.getFieldName() : r.getIndex() >= 0 ? Integer.toString(r.getIndex()) : null;
            if (part != null) {
                path.append(path.isEmpty() ? "" : ".").append(part);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    public static String message(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "'" + echo(f.getValue()) + "' is not " + kind(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "must be " + kind(m.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException bad) {
            return bad.getMessage();
        }
        if (e instanceof StreamReadException) {
            return "is not valid JSON" + at(e.getLocation());
        }
        return "cannot be read as the JSON expected" + at(e.getLocation());
    }

    /** A JSON type as a client reads it, never a Java class name. */
    static String kind(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another type";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHOED_CHARS ? text : text.substring(0, MAX_ECHOED_CHARS) + "...";
    }
}
