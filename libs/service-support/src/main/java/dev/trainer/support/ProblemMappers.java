package dev.trainer.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.trainer.contracts.serde.JsonReadProblems;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception a resource lets escape, as problem+json, in every service (this library's Jandex index makes
 * Quarkus REST find these mappers). A body that is not the JSON expected is a 400 naming the field and what it must
 * be, in words rather than Java types; anything unexpected is a 500 with an error id and no internals, logged here with
 * its stack trace under that id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Ranked before Quarkus REST's own mapper of mismatched input, which answers a bare 400 outside dev mode. */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        return body(e);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unreadable(JsonProcessingException e) {
        return body(e);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return ProblemJson.invalid(e.title(), e.problems());
    }

    /**
     * 404, 400, 409 ... thrown by resources keep their status and message. Two come from Quarkus REST itself: a body
     * its Jackson reader could not parse (a 400 wrapping the parser's exception), and a path or query parameter that
     * did not convert to its Java type (a 404 wrapping the conversion's exception, as JAX-RS prescribes); both are
     * 400s here. Resources take such parameters as text and name them ({@link RequestParameters}); this is the net.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return body(json);
        }
        if (e instanceof NotFoundException && cause != null && !(cause instanceof WebApplicationException)) {
            return ProblemJson.invalid("Invalid request parameters", List.of(new FieldProblem("parameters",
                    "a path or query parameter is not of its type (a number, a boolean, ...)")));
        }
        return ProblemJson.response(e.getResponse().getStatusInfo(), e.getMessage());
    }

    /** The last resort: the client learns an error id to quote, the log has the id with the stack trace. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, Request request) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "error %s answering %s %s", errorId, request.getMethod(), uri.getRequestUri().getRawPath());
        return ProblemJson.serverError(errorId);
    }

    private static Response body(JsonProcessingException e) {
        return ProblemJson.invalid("Invalid request body", List.of(jsonProblem(e)));
    }

    /** The field the exception is about and what is wrong with it, worded as {@link JsonReadProblems} words it. */
    static FieldProblem jsonProblem(JsonProcessingException e) {
        return new FieldProblem(JsonReadProblems.field(e), JsonReadProblems.message(e));
    }
}
