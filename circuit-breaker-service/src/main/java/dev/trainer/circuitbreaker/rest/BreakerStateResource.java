package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.circuitbreaker.repository.BreakerStateRepository;
import dev.trainer.circuitbreaker.service.Breaker;
import dev.trainer.circuitbreaker.service.Coverage;
import dev.trainer.circuitbreaker.service.ManualControls;
import dev.trainer.circuitbreaker.service.Scope;
import dev.trainer.circuitbreaker.service.Thresholds;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import dev.trainer.support.RequestParameters;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The state of every (breaker, scope) the service has met, and manual resets. Scopes contain ':' and '|' (and pairs a
 * '/'): send them URL-encoded; the scope path parameter takes the rest of the path up to /reset.
 */
@Path("/api/circuit-breakers/states")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "states", description = "Breaker states per scope, and manual resets")
public class BreakerStateResource {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 5000;

    private final BreakerStateRepository states;
    private final Thresholds thresholds;
    private final Coverage coverage;
    private final ManualControls controls;
    private final Clock clock;

    public BreakerStateResource(BreakerStateRepository states, Thresholds thresholds, Coverage coverage,
            ManualControls controls, Clock clock) {
        this.states = states;
        this.thresholds = thresholds;
        this.coverage = coverage;
        this.controls = controls;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Every (breaker, scope) known, ordered by scope then breaker, with the trip's reason, measured "
            + "value, threshold and unit, the cool-down, the latest measurement and the configurations covered")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = StateView.class)))
    @APIResponse(responseCode = "400", description = "problem+json naming each invalid parameter",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response list(@Parameter(description = "a breaker's plan name, e.g. latency_threshold_ms")
            @QueryParam("breaker") String breaker,
            @Parameter(description = "a scope, e.g. exchange:binance") @QueryParam("scope") String scope,
            @Parameter(description = "ARMED or TRIPPED") @QueryParam("state") String state,
            @Parameter(description = "page size, 1 to " + MAX_LIMIT + "; default " + DEFAULT_LIMIT)
            @QueryParam("limit") String limit,
            @Parameter(description = "entries to skip, 0 or more; default 0") @QueryParam("offset") String offset) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageSize = RequestParameters.whole("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        int skip = RequestParameters.whole("offset", offset, 0, 0, Integer.MAX_VALUE, problems);
        Breaker b = BreakerPaths.breakerFilter(breaker, problems);
        Scope s = scope == null || scope.isBlank() ? null : BreakerPaths.scope(scope.strip(), null, problems);
        String stateFilter = null;
        if (state != null && !state.isBlank()) {
            stateFilter = state.strip().toUpperCase(Locale.ROOT);
            if (!stateFilter.equals(BreakerState.ARMED) && !stateFilter.equals(BreakerState.TRIPPED)) {
                problems.add(new FieldProblem("state", "must be ARMED or TRIPPED, got '" + state + "'"));
            }
        }
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid state query", problems);
        }
        List<StateView> found = states.search(b == null ? null : b.planName(), s == null ? null : s.text(), stateFilter,
                skip, pageSize).stream().map(this::view).toList();
        return Response.ok(found).build();
    }

    @POST
    @Path("/{breaker}/{scope: .+}/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-arms a TRIPPED breaker by hand (MANUAL_RESET on breaker.events, written to the audit "
            + "trail); answers the state")
    @APIResponse(responseCode = "200", description = "the state, now ARMED",
            content = @Content(schema = @Schema(implementation = StateView.class)))
    @APIResponse(responseCode = "400", description = "actor or note missing, or the scope does not fit the breaker",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "no such breaker, or the scope has no state for it",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "already ARMED", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response reset(@Parameter(description = "a breaker's plan name") @PathParam("breaker") String breaker,
            @Parameter(description = "the scope, URL-encoded, e.g. market%3Abinance%7CBTC%2FUSDT")
            @PathParam("scope") String scope, ActorNote body) {
        Breaker b = BreakerPaths.breakerInPath(breaker);
        List<FieldProblem> problems = new ArrayList<>();
        Scope s = BreakerPaths.scope(scope, b, problems);
        if (body == null) {
            problems.add(new FieldProblem("body", "a JSON object with actor and note is required"));
        } else {
            ActorNote.check(body.actor(), body.note(), problems);
        }
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid reset request", problems);
        }
        ManualControls.Reset reset = controls.reset(b, s, body.actor().strip(), body.note().strip(), clock.instant());
        return switch (reset.outcome()) {
            case UNKNOWN -> throw new NotFoundException("no state of " + b.planName() + " for scope " + s.text());
            case NOT_TRIPPED -> throw new ClientErrorException(b.planName() + " for scope " + s.text()
                    + " is already ARMED", Response.Status.CONFLICT);
            case RESET -> Response.ok(view(reset.state())).build();
        };
    }

    private StateView view(BreakerState s) {
        Breaker b = Breaker.of(s.breaker);
        Scope scope = Scope.parse(s.scope);
        return StateView.of(s, thresholds.inForce(b, scope), coverage.configIds(scope));
    }
}
