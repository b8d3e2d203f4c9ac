package dev.trainer.validation.rest;

import dev.trainer.validation.repository.Validation;
import dev.trainer.validation.repository.ValidationRepository;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.RequestParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.trainer.support.ProblemJson;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/validations")
@Produces(MediaType.APPLICATION_JSON)
public class ValidationResource {

    private final ValidationRepository validations;

    public ValidationResource(ValidationRepository validations) {
        this.validations = validations;
    }

    @GET
    @Operation(summary = "The validations of one training job, by market")
    public List<ValidationView> forJob(@QueryParam("jobId") String jobId) {
        if (jobId == null || jobId.isBlank()) {
            RequestParameters.requireNone("Invalid validations query", List.of(new FieldProblem("jobId", "is required")));
        }
        return validations.forJob(jobId.trim()).stream().map(ValidationView::of).toList();
    }

    @GET
    @Path("/{configId}")
    @Operation(summary = "The validation of one configuration")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ValidationView.class)))
    @APIResponse(responseCode = "404", description = "no validation for that configuration",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public ValidationView get(@PathParam("configId") String configId) {
        Validation found = validations.findById(configId);
        if (found == null) {
            throw new NotFoundException("no validation for configuration " + configId);
        }
        return ValidationView.of(found);
    }

    /**
     * @param market     exchange|pair|timeframe
     * @param statistics keys with their units; an undefined value is null with {@code <key>_undefined_reason}
     */
    public record ValidationView(String configId, String jobId, String market, String stage, List<String> reasons,
            Map<String, Object> statistics, Instant createdAt) {

        static ValidationView of(Validation v) {
            return new ValidationView(v.configId, v.jobId, v.market, v.stage, v.reasons, v.statistics, v.createdAt);
        }
    }
}
