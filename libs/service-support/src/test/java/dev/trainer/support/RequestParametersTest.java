package dev.trainer.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestParametersTest {

    @Test
    void aNumberOutOfRangeIsRefusedNotClamped() {
        List<FieldProblem> problems = new ArrayList<>();
        assertEquals(50, RequestParameters.whole("limit", null, 50, 1, 500, problems));
        assertEquals(500, RequestParameters.whole("limit", "500", 50, 1, 500, problems));
        assertTrue(problems.isEmpty());
        assertEquals(50, RequestParameters.whole("limit", "501", 50, 1, 500, problems));
        assertNull(RequestParameters.whole("offset", "abc", 0, 10, problems));
        assertNull(RequestParameters.whole("page", "99999999999", 0, Integer.MAX_VALUE, problems));
        assertEquals(List.of("limit", "offset", "page"), problems.stream().map(FieldProblem::field).toList());
        assertEquals("'abc' is not a whole number", problems.get(1).message());
    }

    @Test
    void decimalsMustBeFiniteAndBooleansSpelledOut() {
        List<FieldProblem> problems = new ArrayList<>();
        assertNull(RequestParameters.decimal("min", "NaN", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, problems));
        assertNull(RequestParameters.decimal("p", "1.5", 0, 1, problems));
        assertEquals(0.5, RequestParameters.decimal("p", "0.5", 0, 1, problems));
        assertEquals(true, RequestParameters.bool("detail", "TRUE", false, problems));
        assertEquals(false, RequestParameters.bool("detail", "yes", false, problems));
        assertEquals(List.of("min", "p", "detail"), problems.stream().map(FieldProblem::field).toList());
    }

    @Test
    void controlCharactersAreRefusedButLineBreaksInMultilineText() {
        List<FieldProblem> problems = new ArrayList<>();
        RequestParameters.text("reason", "first line\nsecond\tline", 100, true, problems);
        assertTrue(problems.isEmpty(), problems.toString());
        RequestParameters.text("actor", "al\nice", 100, false, problems);
        RequestParameters.text("reason", "nul\u0000here", 100, true, problems);
        RequestParameters.text("note", "del\u007f", 100, true, problems);
        RequestParameters.text("note", "  ", 100, true, problems);
        RequestParameters.text("note", "x".repeat(101), 100, true, problems);
        assertEquals(List.of("actor", "reason", "note", "note", "note"),
                problems.stream().map(FieldProblem::field).toList());
        assertEquals("must not contain control characters (U+0000 at index 3)", problems.get(1).message());
    }

    @Test
    void requireNoneThrowsWithEveryProblem() {
        RequestParameters.requireNone("Invalid query", List.of());
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RequestParameters.requireNone(
                "Invalid query", List.of(new FieldProblem("a", "bad"), new FieldProblem("b", "worse"))));
        assertEquals("Invalid query", e.title());
        assertEquals(2, e.problems().size());
    }
}
