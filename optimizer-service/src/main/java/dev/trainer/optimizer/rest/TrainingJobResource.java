package dev.trainer.optimizer.rest;

import dev.trainer.training.progress.JobStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.TrainingConfig;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.TrainingRequestForms;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.optimizer.mapping.JobViews;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.repository.TrainingJob;
import dev.trainer.optimizer.service.JobCoordinator;
import dev.trainer.optimizer.service.JobResultsQuery;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import dev.trainer.support.RequestParameters;
import dev.trainer.training.TrainingEstimate;
import dev.trainer.training.TrainingRequestValidator;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.transaction.Transactional;
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
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/training")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingJobResource {

    static final int MAX_TRIALS_PAGE = 10_000;
    static final int MAX_DETAILED_TRIALS_PAGE = 1_000;
    static final int MAX_JOBS_PAGE = 500;
    private static final Duration PROGRESS_POLL = Duration.ofSeconds(1);
    private static final java.util.Set<String> FINISHED = java.util.Arrays.stream(JobStatus.values())
            .filter(JobStatus::finished).map(JobStatus::dbValue).collect(java.util.stream.Collectors.toSet());

    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final JobCoordinator coordinator;
    private final OptimizerPublisher publisher;
    private final JobResultsQuery results;
    private final ObjectMapper mapper;

    public TrainingJobResource(TrainingJobRepository jobs, JobMarketRepository markets, JobCoordinator coordinator,
            OptimizerPublisher publisher, JobResultsQuery results, ObjectMapper mapper) {
        this.results = results;
        this.mapper = mapper;
        this.jobs = jobs;
        this.markets = markets;
        this.coordinator = coordinator;
        this.publisher = publisher;
    }

    @POST
    @Path("/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a training request, in the canonical form or the plan's TrainingConfig form, and publish"
            + " it to training.requests in the canonical form; answers 202 with the job id")
    public Response submit(@RequestBody(content = @Content(schema = @Schema(oneOf = {TrainingRequested.class,
            TrainingConfig.class}))) JsonNode body) {
        TrainingRequestForms.Read read;
        try {
            read = read(body);
        } catch (TrainingRequestForms.FormException e) {
            return invalid(e);
        }
        TrainingRequested parsed = read.request();
        // the server assigns the job id when the client gives none (a plan-form request's derived id is for Kafka)
        boolean jobIdGiven = body.hasNonNull("jobId") && !body.get("jobId").asText().isBlank();
        TrainingRequested request = new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(),
                jobIdGiven ? parsed.jobId() : EventTypes.newEventId(), parsed.userId(),
                parsed.strategy(), parsed.pairs(), parsed.exchanges(), parsed.timeframes(), parsed.optimization(),
                parsed.validation(), parsed.historicalPeriodMonths(), parsed.periodFrom(), parsed.periodUntil(),
                parsed.maxRuntimeSeconds(), Math.max(1, parsed.parallelWorkers()), parsed.costs());
        List<TrainingRequestValidator.FieldProblem> problems = TrainingRequestValidator.problems(request).stream()
                .map(p -> p.in(read.form())).toList();
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid training request", problems);
        }
        publisher.trainingRequest(request);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("jobId", request.jobId());
        accepted.put("status", "pending");
        if (!read.ignoredFields().isEmpty()) {
            accepted.put("ignoredFields", read.ignoredFields());
        }
        return Response.accepted(accepted).location(URI.create("/api/training/jobs/" + request.jobId())).build();
    }

    /** The body in either form; a missing body, a mix of the forms or a mistyped field is a FormException. */
    private TrainingRequestForms.Read read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new TrainingRequestForms.FormException(
                    List.of(new TrainingRequestForms.Problem("body", "a training request is required")));
        }
        return TrainingRequestForms.read(body, mapper);
    }

    private static Response invalid(TrainingRequestForms.FormException e) {
        return ProblemJson.invalid("Invalid training request", e.problems().stream()
                .map(p -> new TrainingRequestValidator.FieldProblem(p.field(), p.message())).toList());
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "A job with its progress and its markets")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobViews.JobView.class)))
    @APIResponse(responseCode = "404", description = "no job with that id", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public JobViews.JobView job(@PathParam("id") String id) {
        return results.job(id).orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Path("/jobs/{id}/results")
    @Operation(summary = "Per market and validation window: trials planned and recorded, the best trial with its parameters,"
            + " in-sample and out-of-sample metrics")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobViews.JobResults.class)))
    @APIResponse(responseCode = "404", description = "no job with that id", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public JobViews.JobResults results(@PathParam("id") String id) {
        return results.results(id).orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Path("/jobs/{id}/trials")
    @Operation(summary = "One window's search trials from the trial ledger, in trial order (market = exchange|pair|timeframe):"
            + " parameters, score and summary metrics; detail=true replays the page's trials for their full metrics")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = JobViews.TrialView.class)))
    @APIResponse(responseCode = "404", description = "no job with that id", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public List<JobViews.TrialView> trials(@PathParam("id") String id, @QueryParam("market") String market,
            @Parameter(description = "window index from 0; default 0") @QueryParam("window") String window,
            @Parameter(description = "trials to skip, 0 or more; default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size, 1 to " + MAX_TRIALS_PAGE + " (1 to " + MAX_DETAILED_TRIALS_PAGE
                    + " with detail=true); default 100") @QueryParam("limit") String limit,
            @Parameter(description = "true or false; default false") @QueryParam("detail") String detail) {
        List<FieldProblem> problems = new ArrayList<>();
        if (market == null || market.isBlank()) {
            problems.add(new FieldProblem("market", "is required: exchange|pair|timeframe"));
        }
        int windowIndex = RequestParameters.whole("window", window, 0, 0, Integer.MAX_VALUE, problems);
        int skip = RequestParameters.whole("offset", offset, 0, 0, Integer.MAX_VALUE, problems);
        boolean detailed = RequestParameters.bool("detail", detail, false, problems);
        // a replayed page costs a backtest per trial: smaller pages then
        int pageSize = RequestParameters.whole("limit", limit, 100, 1,
                detailed ? MAX_DETAILED_TRIALS_PAGE : MAX_TRIALS_PAGE, problems);
        RequestParameters.requireNone("Invalid trials query", problems);
        return results.trials(id, market, windowIndex, skip, pageSize, detailed)
                .orElseThrow(() -> new NotFoundException("no training job " + id));
    }

    @GET
    @Path("/jobs/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking // the existence check reads the database; the polling itself runs on the worker pool
    @Operation(summary = "Live progress: the job's view whenever it changes (checked every second), ending with its final state")
    @APIResponse(responseCode = "200", description = "server-sent events, each the job's view as JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = JobViews.JobView.class)))
    @APIResponse(responseCode = "404", description = "no job with that id", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
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
            + " engine's throughput measured on this machine; the request in either form, as for POST /api/training/jobs")
    public Response estimate(@RequestBody(content = @Content(schema = @Schema(oneOf = {TrainingRequested.class,
            TrainingConfig.class}))) JsonNode body) {
        TrainingRequestForms.Read read;
        try {
            read = read(body);
        } catch (TrainingRequestForms.FormException e) {
            return invalid(e);
        }
        List<TrainingRequestValidator.FieldProblem> problems = TrainingEstimate.problems(read.request()).stream()
                .map(p -> p.in(read.form())).toList();
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid training request", problems);
        }
        try {
            Map<String, Object> estimate = TrainingEstimate.of(read.request(), Instant.now(),
                    Runtime.getRuntime().availableProcessors()).toJsonLike();
            if (!read.ignoredFields().isEmpty()) {
                estimate.put("ignored_fields", read.ignoredFields());
            }
            return Response.ok(estimate).build();
        } catch (IllegalArgumentException e) {
            return ProblemJson.invalid("The request does not fit its data period",
                    List.of(new TrainingRequestValidator.FieldProblem(
                            read.form() == TrainingRequestForms.Form.PLAN ? "validationParams" : "validation", e.getMessage())));
        }
    }

    @GET
    @Path("/jobs")
    @Transactional
    @Operation(summary = "Recent jobs, newest first")
    public Response jobs(@QueryParam("status") String status,
            @Parameter(description = "at most this many jobs, 1 to " + MAX_JOBS_PAGE + "; default 50")
            @QueryParam("limit") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        if (status != null && Arrays.stream(JobStatus.values()).noneMatch(s -> s.dbValue().equals(status))) {
            problems.add(new FieldProblem("status",
                    "must be one of " + Arrays.stream(JobStatus.values()).map(JobStatus::dbValue).toList()));
        }
        int pageSize = RequestParameters.whole("limit", limit, 50, 1, MAX_JOBS_PAGE, problems);
        RequestParameters.requireNone("Invalid query", problems);
        return Response.ok(jobs.recent(status, pageSize).stream()
                .map(job -> JobViews.view(job, markets.forJob(job.id))).toList()).build();
    }

    @POST
    @Path("/jobs/{id}/cancel")
    @Transactional
    @Operation(summary = "Cancel a job that has not finished")
    @APIResponse(responseCode = "204", description = "cancelled")
    @APIResponse(responseCode = "404", description = "no job with that id", content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "the job has already finished",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response cancel(@PathParam("id") String id) {
        if (jobs.findByIdOptional(id).isEmpty()) {
            throw new NotFoundException("no training job " + id);
        }
        return coordinator.cancel(id) ? Response.noContent().build()
                : ProblemJson.response(Response.Status.CONFLICT, "training job " + id + " has already finished");
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
