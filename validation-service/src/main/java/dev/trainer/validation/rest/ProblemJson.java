package dev.trainer.validation.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as RFC 9457 problem details ({@code application/problem+json}). */
public class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Problem(String type, String title, int status, String detail) {
    }

    public static Response response(Response.StatusType status, String detail) {
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }

    @ServerExceptionMapper
    public Response map(WebApplicationException e) {
        return response(e.getResponse().getStatusInfo(), e.getMessage());
    }
}
