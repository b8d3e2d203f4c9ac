package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.lifecycle.StageTransitionRefused;
import dev.trainer.support.ProblemJson;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A transition the configuration's current stage does not allow is a conflict with that state: 409. */
public class StageTransitionRefusedMapper {

    @ServerExceptionMapper
    public Response map(StageTransitionRefused e) {
        return ProblemJson.response(Response.Status.CONFLICT, e.getMessage());
    }
}
