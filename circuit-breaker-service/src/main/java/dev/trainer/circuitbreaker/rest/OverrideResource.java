package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.ThresholdOverride;
import dev.trainer.circuitbreaker.repository.ThresholdOverrideRepository;
import dev.trainer.circuitbreaker.service.Breaker;
import dev.trainer.circuitbreaker.service.BreakerDefaults;
import dev.trainer.circuitbreaker.service.ManualControls;
import dev.trainer.circuitbreaker.service.Scope;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Per-scope thresholds. An override is used from the next input of its scope on; the defaults
 * (/api/circuit-breakers/defaults) never change. Setting and clearing are audited.
 */
@Path("/api/circuit-breakers/overrides")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "overrides", description = "Thresholds per (breaker, scope), with an audit trail")
public class OverrideResource {

    private final ThresholdOverrideRepository overrides;
    private final ManualControls controls;
    private final BreakerDefaults defaults;
    private final Clock clock;

    public OverrideResource(ThresholdOverrideRepository overrides, ManualControls controls, BreakerDefaults defaults,
            Clock clock) {
        this.overrides = overrides;
        this.controls = controls;
        this.defaults = defaults;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The overrides in force, by breaker and scope")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = OverrideView.class)))
    @APIResponse(responseCode = "400", description = "problem+json naming each invalid parameter",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response list(@QueryParam("breaker") String breaker, @QueryParam("scope") String scope) {
        List<FieldProblem> problems = new ArrayList<>();
        Breaker b = BreakerPaths.breakerFilter(breaker, problems);
        Scope s = scope == null || scope.isBlank() ? null : BreakerPaths.scope(scope.strip(), null, problems);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid override query", problems);
        }
        return Response.ok(overrides.search(b == null ? null : b.planName(), s == null ? null : s.text()).stream()
                .map(this::view).toList()).build();
    }

    @GET
    @Path("/{breaker}/{scope: .+}")
    @Operation(summary = "The override of one (breaker, scope)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(responseCode = "404", description = "no such breaker, or no override for the scope",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response get(@PathParam("breaker") String breaker,
            @Parameter(description = "the scope, URL-encoded") @PathParam("scope") String scope) {
        Breaker b = BreakerPaths.breakerInPath(breaker);
        List<FieldProblem> problems = new ArrayList<>();
        Scope s = BreakerPaths.scope(scope, b, problems);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid override request", problems);
        }
        ThresholdOverride o = overrides.find(b.planName(), s.text())
                .orElseThrow(() -> new NotFoundException("no override of " + b.planName() + " for scope " + s.text()));
        return Response.ok(view(o)).build();
    }

    @PUT
    @Path("/{breaker}/{scope: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the threshold of one (breaker, scope), in the breaker's unit; answers the override")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(responseCode = "400", description = "threshold out of the breaker's range, scope of the wrong kind, "
            + "actor or note missing", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "no such breaker", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response put(@PathParam("breaker") String breaker,
            @Parameter(description = "the scope, URL-encoded") @PathParam("scope") String scope, OverrideRequest body) {
        Breaker b = BreakerPaths.breakerInPath(breaker);
        List<FieldProblem> problems = new ArrayList<>();
        Scope s = BreakerPaths.scope(scope, b, problems);
        if (body == null) {
            problems.add(new FieldProblem("body", "a JSON object with threshold, actor and note is required"));
        } else {
            if (body.threshold() == null) {
                problems.add(new FieldProblem("threshold", "is required (" + b.unit() + ")"));
            } else {
                b.thresholdProblem(body.threshold()).ifPresent(p -> problems.add(new FieldProblem("threshold", p)));
            }
            ActorNote.check(body.actor(), body.note(), problems);
        }
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid override", problems);
        }
        ThresholdOverride o = controls.setOverride(b, s, body.threshold(), body.actor().strip(), body.note().strip(),
                clock.instant());
        return Response.ok(view(o)).build();
    }

    @DELETE
    @Path("/{breaker}/{scope: .+}")
    @Operation(summary = "Clears the override of one (breaker, scope): the default applies again")
    @APIResponse(responseCode = "204", description = "cleared")
    @APIResponse(responseCode = "400", description = "actor or note missing, or the scope does not fit the breaker",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "no such breaker, or no override for the scope",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response delete(@PathParam("breaker") String breaker,
            @Parameter(description = "the scope, URL-encoded") @PathParam("scope") String scope,
            @Parameter(description = "who clears it; required") @QueryParam("actor") String actor,
            @Parameter(description = "why; required") @QueryParam("note") String note) {
        Breaker b = BreakerPaths.breakerInPath(breaker);
        List<FieldProblem> problems = new ArrayList<>();
        Scope s = BreakerPaths.scope(scope, b, problems);
        ActorNote.check(actor, note, problems);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid override removal", problems);
        }
        if (!controls.clearOverride(b, s, actor.strip(), note.strip(), clock.instant())) {
            throw new NotFoundException("no override of " + b.planName() + " for scope " + s.text());
        }
        return Response.noContent().build();
    }

    private OverrideView view(ThresholdOverride o) {
        return OverrideView.of(o, defaults.threshold(Breaker.of(o.breaker)));
    }
}
