package dev.trainer.validation.rest;

import dev.trainer.validation.repository.Validation;
import dev.trainer.validation.repository.ValidationRepository;
import jakarta.ws.rs.BadRequestException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

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
            throw new BadRequestException("jobId is required");
        }
        return validations.forJob(jobId.trim()).stream().map(ValidationView::of).toList();
    }

    @GET
    @Path("/{configId}")
    @Operation(summary = "The validation of one configuration; 404 (problem JSON) if there is none")
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
