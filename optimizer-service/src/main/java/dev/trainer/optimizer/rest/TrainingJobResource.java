package dev.trainer.optimizer.rest;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.optimizer.mapping.JobViews;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.service.JobCoordinator;
import dev.trainer.support.ProblemJson;
import dev.trainer.optimizer.service.SearchPlanner;
import dev.trainer.training.TrainingRequestValidator;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/training")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingJobResource {

    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final JobCoordinator coordinator;
    private final OptimizerPublisher publisher;

    public TrainingJobResource(TrainingJobRepository jobs, JobMarketRepository markets, JobCoordinator coordinator,
            OptimizerPublisher publisher) {
        this.jobs = jobs;
        this.markets = markets;
        this.coordinator = coordinator;
        this.publisher = publisher;
    }

    @POST
    @Path("/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a training request and publish it to training.requests; answers 202 with the job id")
    public Response submit(TrainingRequested body) {
        if (body == null) {
            return ProblemJson.invalid("Invalid training request",
                    List.of(new TrainingRequestValidator.FieldProblem("body", "a training request is required")));
        }
        TrainingRequested request = new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(),
                body.jobId() == null || body.jobId().isBlank() ? EventTypes.newEventId() : body.jobId(), body.userId(),
                body.strategy(), body.pairs(), body.exchanges(), body.timeframes(), body.optimization(), body.validation(),
                body.historicalPeriodMonths(), body.periodFrom(), body.periodUntil(), body.maxRuntimeSeconds(),
                Math.max(1, body.parallelWorkers()), body.costs());
        List<TrainingRequestValidator.FieldProblem> problems = TrainingRequestValidator.problems(request, SearchPlanner.METHODS);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid training request", problems);
        }
        publisher.trainingRequest(request);
        return Response.accepted(Map.of("jobId", request.jobId(), "status", "pending"))
                .location(URI.create("/api/training/jobs/" + request.jobId())).build();
    }

    @GET
    @Path("/jobs/{id}")
    @Transactional
    @Operation(summary = "A job with its progress and its markets")
    public JobViews.JobView job(@PathParam("id") String id) {
        return jobs.findByIdOptional(id).map(job -> JobViews.view(job, markets.forJob(id)))
                .orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Path("/jobs")
    @Transactional
    @Operation(summary = "Recent jobs, newest first")
    public List<JobViews.JobView> jobs(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        return jobs.recent(status, Math.min(Math.max(limit, 1), 500)).stream()
                .map(job -> JobViews.view(job, markets.forJob(job.id))).toList();
    }

    @POST
    @Path("/jobs/{id}/cancel")
    @Transactional
    @Operation(summary = "Cancel a job that has not finished")
    public Response cancel(@PathParam("id") String id) {
        if (jobs.findByIdOptional(id).isEmpty()) {
            throw new NotFoundException("no training job " + id);
        }
        return coordinator.cancel(id) ? Response.noContent().build()
                : Response.status(Response.Status.CONFLICT).entity(Map.of("detail", "the job has already finished")).build();
    }

    @GET
    @Path("/strategies")
    @Operation(summary = "The strategies that can be trained, with their default parameter spaces")
    public List<Map<String, Object>> strategies() {
        return StrategyCatalog.names().stream().map(StrategyCatalog::get)
                .map(s -> Map.<String, Object>of("name", s.name(), "description", s.description(),
                        "defaultSpace", s.defaultSpace().toJsonLike()))
                .toList();
    }
}
