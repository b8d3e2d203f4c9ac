package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.AuditRepository;
import dev.trainer.circuitbreaker.service.Breaker;
import dev.trainer.circuitbreaker.service.Scope;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import dev.trainer.support.RequestParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/circuit-breakers/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Overrides set and cleared, manual resets")
public class AuditResource {

    static final int MAX_LIMIT = 500;

    private final AuditRepository audit;

    public AuditResource(AuditRepository audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Overrides set and cleared and manual resets, newest first, with actor, note, and the values "
            + "before and after")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = AuditView.class)))
    @APIResponse(responseCode = "400", description = "problem+json naming each invalid parameter",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response list(@QueryParam("breaker") String breaker, @QueryParam("scope") String scope,
            @Parameter(description = "at most this many entries, 1 to " + MAX_LIMIT + "; default 100")
            @QueryParam("limit") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageSize = RequestParameters.whole("limit", limit, 100, 1, MAX_LIMIT, problems);
        Breaker b = BreakerPaths.breakerFilter(breaker, problems);
        Scope s = scope == null || scope.isBlank() ? null : BreakerPaths.scope(scope.strip(), null, problems);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid audit query", problems);
        }
        return Response.ok(audit.newestFirst(b == null ? null : b.planName(), s == null ? null : s.text(), pageSize)
                .stream().map(AuditView::of).toList()).build();
    }
}
