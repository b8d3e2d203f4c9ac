package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.lifecycle.PausedTransitionRefused;
import dev.trainer.configregistry.lifecycle.StageTransitionRefused;
import dev.trainer.support.ProblemJson;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A transition the configuration's current stage does not allow is a conflict with that state: 409. */
// the problem is built here, not returned by a resource method, so Quarkus does not register it for Jackson itself
@RegisterForReflection(targets = { StageTransitionRefusedMapper.PausedProblem.class,
        PausedTransitionRefused.Holder.class })
public class StageTransitionRefusedMapper {

    /**
     * The problem of a promote or demote refused because tripped circuit breakers hold the configuration PAUSED: the
     * detail names them, and {@code pausedBy} lists them for a client to act on (an RFC 9457 extension member).
     */
    public record PausedProblem(String type, String title, int status, String detail,
            List<PausedTransitionRefused.Holder> pausedBy) {
    }

    @ServerExceptionMapper
    public Response map(StageTransitionRefused e) {
        if (e instanceof PausedTransitionRefused paused) {
            Response.Status conflict = Response.Status.CONFLICT;
            return Response.status(conflict).type(ProblemJson.MEDIA_TYPE)
                    .entity(new PausedProblem("about:blank", conflict.getReasonPhrase(), conflict.getStatusCode(),
                            e.getMessage(), paused.pausedBy()))
                    .build();
        }
        return ProblemJson.response(Response.Status.CONFLICT, e.getMessage());
    }
}
