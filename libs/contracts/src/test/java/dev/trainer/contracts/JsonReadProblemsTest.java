package dev.trainer.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trainer.contracts.serde.JsonReadProblems;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client's JSON that cannot be read is named by field and described without Java types. */
class JsonReadProblemsTest {

    enum Side { BUY, SELL }

    record Leg(Side side, double price) {
    }

    record Order(String id, int count, Boolean urgent, List<Leg> legs) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonProcessingException refused(String json) {
        return assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Order.class));
    }

    private void assertNamed(String json, String field, String message) {
        JsonProcessingException e = refused(json);
        assertEquals(field, JsonReadProblems.field(e));
        String said = JsonReadProblems.message(e);
        assertEquals(message, said);
        assertFalse(said.contains("java."), said);
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheValuesAllowed() {
        assertNamed("{\"legs\": [{\"side\": \"HOLD\"}]}", "legs.0.side", "'HOLD' is not one of [BUY, SELL]");
    }

    @Test
    void wrongTypesAreSaidInJsonTerms() {
        assertNamed("{\"legs\": [{\"price\": \"abc\"}]}", "legs.0.price", "'abc' is not a number");
        assertNamed("{\"count\": \"many\"}", "count", "'many' is not a whole number");
        assertNamed("{\"id\": {\"a\": 1}}", "id", "must be a string");
        assertNamed("{\"legs\": 5}", "legs", "must be an array");
        assertNamed("{\"urgent\": \"perhaps\"}", "urgent", "'perhaps' is not true or false");
    }

    @Test
    void malformedJsonIsTheBodyWithWhereItBroke() {
        JsonProcessingException e = refused("{\"id\": ");
        assertEquals("body", JsonReadProblems.field(e));
        assertTrue(JsonReadProblems.message(e).startsWith("is not valid JSON (line 1"), JsonReadProblems.message(e));
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        JsonProcessingException e = refused("{\"count\": \"" + "9".repeat(500) + "x\"}");
        assertTrue(JsonReadProblems.message(e).length() < 150, JsonReadProblems.message(e));
    }
}
