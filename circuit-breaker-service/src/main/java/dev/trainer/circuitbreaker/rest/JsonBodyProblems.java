package dev.trainer.circuitbreaker.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body that is not the JSON expected (e.g. a threshold "abc"): a problem+json 400 naming the field. Ranked
 * before the REST layer's own mapper of mismatched input, which answers plain JSON without the field.
 */
public class JsonBodyProblems {

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return problem(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadable(JsonProcessingException e) {
        return problem(e);
    }

    private static Response problem(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return ProblemJson.invalid("Invalid request body", List.of(new FieldProblem(field, e.getOriginalMessage())));
    }
}
