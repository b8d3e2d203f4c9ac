package dev.trainer.optimizer.rest;

import dev.trainer.optimizer.service.TrainingRequestValidator.FieldProblem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details that name every bad field. */
final class Problems {

    private Problems() {
    }

    static Response badRequest(List<FieldProblem> problems) {
        return Response.status(Response.Status.BAD_REQUEST).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Invalid training request", "status", 400,
                        "detail", problems.size() + " field(s) are invalid", "errors", problems))
                .build();
    }
}
