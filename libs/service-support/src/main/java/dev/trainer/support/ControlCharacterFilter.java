package dev.trainer.support;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource runs, a path segment holding a control character or a query parameter holding one
 * other than tab, CR or LF: a 400 naming the parameter. Ids and names never hold them, and PostgreSQL refuses a NUL
 * in text with an error that used to surface as a 500 (e.g. {@code GET /api/configs/%00}).
 */
public class ControlCharacterFilter {

    @ServerRequestFilter
    public Response refuseControlCharacters(UriInfo uri) {
        List<FieldProblem> problems = new ArrayList<>();
        uri.getPathParameters(true).forEach((name, values) -> values
                .forEach(v -> RequestParameters.controlCharacter(name, v, false, problems)));
        uri.getQueryParameters(true).forEach((name, values) -> values
                .forEach(v -> RequestParameters.controlCharacter(name, v, true, problems)));
        return problems.isEmpty() ? null : ProblemJson.invalid("Invalid request parameters", problems);
    }
}
