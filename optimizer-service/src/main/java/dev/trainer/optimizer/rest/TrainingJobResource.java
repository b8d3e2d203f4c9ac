package dev.trainer.optimizer.rest;

import dev.trainer.training.progress.JobStatus;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.optimizer.mapping.JobViews;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.repository.TrainingJob;
import dev.trainer.optimizer.service.JobCoordinator;
import dev.trainer.optimizer.service.JobResultsQuery;
import dev.trainer.support.ProblemJson;
import dev.trainer.training.TrainingEstimate;
import dev.trainer.training.TrainingRequestValidator;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/training")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingJobResource {

    private static final Duration PROGRESS_POLL = Duration.ofSeconds(1);
    private static final java.util.Set<String> FINISHED = java.util.Arrays.stream(JobStatus.values())
            .filter(JobStatus::finished).map(JobStatus::dbValue).collect(java.util.stream.Collectors.toSet());

    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final JobCoordinator coordinator;
    private final OptimizerPublisher publisher;
    private final JobResultsQuery results;

    public TrainingJobResource(TrainingJobRepository jobs, JobMarketRepository markets, JobCoordinator coordinator,
            OptimizerPublisher publisher, JobResultsQuery results) {
        this.results = results;
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
        List<TrainingRequestValidator.FieldProblem> problems = TrainingRequestValidator.problems(request);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid training request", problems);
        }
        publisher.trainingRequest(request);
        return Response.accepted(Map.of("jobId", request.jobId(), "status", "pending"))
                .location(URI.create("/api/training/jobs/" + request.jobId())).build();
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "A job with its progress and its markets")
    public JobViews.JobView job(@PathParam("id") String id) {
        return results.job(id).orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Path("/jobs/{id}/results")
    @Operation(summary = "Per market and validation window: trials planned and recorded, the best trial with its parameters,"
            + " in-sample and out-of-sample metrics")
    public JobViews.JobResults results(@PathParam("id") String id) {
        return results.results(id).orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Path("/jobs/{id}/trials")
    @Operation(summary = "One window's search trials from the trial ledger, in trial order (market = exchange|pair|timeframe):"
            + " parameters, score and summary metrics; detail=true replays the page's trials for their full metrics")
    public List<JobViews.TrialView> trials(@PathParam("id") String id, @QueryParam("market") String market,
            @QueryParam("window") @DefaultValue("0") int window, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("detail") @DefaultValue("false") boolean detail) {
        if (market == null || market.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException("query parameter market (exchange|pair|timeframe) is required");
        }
        // a replayed page costs a backtest per trial: smaller pages then
        return results.trials(id, market, window, Math.max(0, offset), Math.min(Math.max(limit, 1), detail ? 1_000 : 10_000),
                detail)
                .orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Path("/jobs/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking // the existence check reads the database; the polling itself runs on the worker pool
    @Operation(summary = "Live progress: the job's view whenever it changes (checked every second), ending with its final state")
    public Multi<JobViews.JobView> events(@PathParam("id") String id) {
        if (results.job(id).isEmpty()) {
            throw new NotFoundException("no training job " + id);
        }
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(PROGRESS_POLL)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(tick -> results.job(id).orElseThrow())
                // lets the first finished view through, and ends at the next tick
                .select().first(view -> !ended.getAndSet(FINISHED.contains(view.status())))
                .skip().repetitions();
    }

    @POST
    @Path("/estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Markets, validation windows, backtests per window and in total, and the runtime estimated from the"
            + " engine's throughput measured on this machine")
    public Response estimate(TrainingRequested body) {
        if (body == null) {
            return ProblemJson.invalid("Invalid training request",
                    List.of(new TrainingRequestValidator.FieldProblem("body", "a training request is required")));
        }
        List<TrainingRequestValidator.FieldProblem> problems = TrainingRequestValidator.problems(body).stream()
                .filter(p -> !p.field().equals("jobId") && !p.field().equals("userId")).toList();
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid training request", problems);
        }
        try {
            return Response.ok(TrainingEstimate.of(body, Instant.now(), Runtime.getRuntime().availableProcessors()).toJsonLike())
                    .build();
        } catch (IllegalArgumentException e) {
            return ProblemJson.invalid("The request does not fit its data period",
                    List.of(new TrainingRequestValidator.FieldProblem("validation", e.getMessage())));
        }
    }

    @GET
    @Path("/jobs")
    @Transactional
    @Operation(summary = "Recent jobs, newest first")
    public Response jobs(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (status != null && Arrays.stream(JobStatus.values()).noneMatch(s -> s.dbValue().equals(status))) {
            return ProblemJson.invalid("Invalid query", List.of(new TrainingRequestValidator.FieldProblem("status",
                    "must be one of " + Arrays.stream(JobStatus.values()).map(JobStatus::dbValue).toList())));
        }
        return Response.ok(jobs.recent(status, Math.min(Math.max(limit, 1), 500)).stream()
                .map(job -> JobViews.view(job, markets.forJob(job.id))).toList()).build();
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
