package dev.trainer.support;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every service's errors as RFC 9457 problem details ({@code application/problem+json}): the mapper turns each
 * {@link WebApplicationException} (404, 400, ...) into one, and {@link #invalid} names every bad field of a request.
 */
public class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Problem(String type, String title, int status, String detail) {
    }

    /** A 400 that lists each invalid field; {@code errors} are records or maps naming the field and what is wrong. */
    public record InvalidRequest(String type, String title, int status, String detail, List<?> errors) {
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

    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        return response(e.getResponse().getStatusInfo(), e.getMessage());
    }
}
