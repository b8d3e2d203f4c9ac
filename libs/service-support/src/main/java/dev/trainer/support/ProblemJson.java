package dev.trainer.support;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Every service's errors as RFC 9457 problem details ({@code application/problem+json}): {@link #invalid} names every
 * bad field of a request, {@link #response} carries one status and detail; {@link ProblemMappers} turns what
 * resources throw into these.
 */
// built inside a Response, where the build cannot see their types: registered for native images
@RegisterForReflection(targets = { ProblemJson.Problem.class, ProblemJson.InvalidRequest.class,
        ProblemJson.ServerError.class, FieldProblem.class })
public class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Problem(String type, String title, int status, String detail) {
    }

    /** A 400 that lists each invalid field; {@code errors} are records or maps naming the field and what is wrong. */
    public record InvalidRequest(String type, String title, int status, String detail, List<?> errors) {
    }

    /** A 500: what the client may know of an unexpected error is the id under which the server logged it. */
    public record ServerError(String type, String title, int status, String detail, String errorId) {
    }

    public static Response response(Response.StatusType status, String detail) {
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }

    public static Response invalid(String title, List<?> errors) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MEDIA_TYPE)
                .entity(new InvalidRequest("about:blank", title, 400, errors.size() + " field(s) are invalid", errors))
                .build();
    }

    public static Response serverError(String errorId) {
        Response.Status status = Response.Status.INTERNAL_SERVER_ERROR;
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new ServerError("about:blank", status.getReasonPhrase(), status.getStatusCode(),
                        "an unexpected error; the server logged it under error id " + errorId, errorId))
                .build();
    }
}
