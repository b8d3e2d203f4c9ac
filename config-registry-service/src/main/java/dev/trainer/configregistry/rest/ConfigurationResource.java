package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.lifecycle.TransitionAction;
import dev.trainer.configregistry.repository.BreakerPause;
import dev.trainer.configregistry.repository.BreakerPauseRepository;
import dev.trainer.configregistry.repository.TrainedConfiguration;
import dev.trainer.configregistry.repository.TrainedConfigurationRepository;
import dev.trainer.configregistry.rest.ConfigurationListParameters.ListRequest;
import dev.trainer.configregistry.service.LifecycleTransitions;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import jakarta.ws.rs.BeanParam;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/configs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "configurations", description = "Trained configurations, their lifecycle stage and its history")
public class ConfigurationResource {

    static final int MIN_COMPARED = 2;
    static final int MAX_COMPARED = 10;

    private final TrainedConfigurationRepository configurations;
    private final LifecycleTransitions lifecycle;
    private final BreakerPauseRepository pauses;

    public ConfigurationResource(TrainedConfigurationRepository configurations, LifecycleTransitions lifecycle,
            BreakerPauseRepository pauses) {
        this.configurations = configurations;
        this.lifecycle = lifecycle;
        this.pauses = pauses;
    }

    @GET
    @Operation(summary = "Trained configurations that pass the filters, one page, newest first unless sorted otherwise")
    @APIResponse(responseCode = "200", description = "the page and the total count",
            content = @Content(schema = @Schema(implementation = ConfigurationPage.class)))
    @APIResponse(responseCode = "400", description = "problem+json naming each invalid parameter",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response list(@BeanParam ConfigurationListParameters parameters) {
        ListRequest request = parameters.read();
        if (!request.problems().isEmpty()) {
            return ProblemJson.invalid("Invalid list request", request.problems());
        }
        TrainedConfigurationRepository.Found found = configurations.search(request.filter(), request.order(),
                request.page(), request.size());
        Map<String, List<BreakerPause>> paused = pauses.of(found.items().stream().map(c -> c.configId).toList());
        return Response.ok(new ConfigurationPage(found.items().stream()
                .map(c -> ConfigurationView.of(c, paused.getOrDefault(c.configId, List.of()))).toList(),
                found.total(), request.page(), request.size())).build();
    }

    @GET
    @Path("/compare")
    @Operation(summary = "Configurations side by side: market, parameters and key figures of each in the same order, "
            + "and the parameters that differ")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConfigurationComparison.class)))
    @APIResponse(responseCode = "400", description = "fewer than 2 or more than 10 ids, or an id twice",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "an id names no configuration",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response compare(
            @Parameter(description = "2 to 10 configuration ids, comma-separated (ids=a,b,c) or repeated")
            @QueryParam("ids") List<String> ids) {
        List<String> asked = ids.stream().flatMap(text -> Arrays.stream(text.split(","))).map(String::trim)
                .filter(id -> !id.isEmpty()).toList();
        LinkedHashSet<String> distinct = new LinkedHashSet<>(asked);
        if (distinct.size() != asked.size()) {
            return ProblemJson.invalid("Invalid comparison request",
                    List.of(new FieldProblem("ids", "names a configuration more than once: " + asked)));
        }
        if (asked.size() < MIN_COMPARED || asked.size() > MAX_COMPARED) {
            return ProblemJson.invalid("Invalid comparison request", List.of(new FieldProblem("ids",
                    asked.size() + " ids given; compare " + MIN_COMPARED + " to " + MAX_COMPARED)));
        }
        Map<String, TrainedConfiguration> found = configurations.list("configId in ?1", asked).stream()
                .collect(Collectors.toMap(c -> c.configId, Function.identity()));
        List<String> unknown = asked.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new NotFoundException("no trained configuration with id " + String.join(", ", unknown));
        }
        return Response.ok(ConfigurationComparison.of(asked.stream().map(found::get).toList())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One trained configuration, with the tripped circuit breakers that hold it PAUSED")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConfigurationView.class)))
    @APIResponse(responseCode = "404", description = "no configuration with that id",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public ConfigurationView get(@Parameter(description = "configuration id") @PathParam("id") String id) {
        return view(find(id));
    }

    @GET
    @Path("/{id}/v3")
    @Operation(summary = "The V3 configuration JSON, as stored when the configuration was trained (its stage field is "
            + "the validator's; lifecycleStage of the configuration is the current one)")
    @APIResponse(responseCode = "200", description = "the V3 JSON object",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "no configuration with that id",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Map<String, Object> v3(@Parameter(description = "configuration id") @PathParam("id") String id) {
        return find(id).v3Config;
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every stage the configuration has had, oldest first: the validator's assignment, then each "
            + "promote, demote and retire with its actor and reason, and each pause and resume by the circuit breakers")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = TransitionView.class)))
    @APIResponse(responseCode = "404", description = "no configuration with that id",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public List<TransitionView> history(@Parameter(description = "configuration id") @PathParam("id") String id) {
        return lifecycle.history(id).orElseThrow(() -> notFound(id)).stream().map(TransitionView::of).toList();
    }

    @POST
    @Path("/{id}/promote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One stage up the ladder PAPER < DISCOVERY < VALIDATION < MATURE; answers the configuration")
    @APIResponse(responseCode = "200", description = "the configuration in its new stage",
            content = @Content(schema = @Schema(implementation = ConfigurationView.class)))
    @APIResponse(responseCode = "400", description = "reason or actor missing",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "no configuration with that id",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "MATURE, DECAY or RETIRED: nothing to promote to; PAUSED: "
            + "held by tripped circuit breakers, named in detail and pausedBy",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response promote(@Parameter(description = "configuration id") @PathParam("id") String id,
            TransitionRequest body) {
        return transition(id, TransitionAction.PROMOTE, body);
    }

    @POST
    @Path("/{id}/demote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One stage down the ladder PAPER < DISCOVERY < VALIDATION < MATURE; answers the configuration")
    @APIResponse(responseCode = "200", description = "the configuration in its new stage",
            content = @Content(schema = @Schema(implementation = ConfigurationView.class)))
    @APIResponse(responseCode = "400", description = "reason or actor missing",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "no configuration with that id",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "PAPER, DECAY or RETIRED: nothing to demote to; PAUSED: "
            + "held by tripped circuit breakers, named in detail and pausedBy",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response demote(@Parameter(description = "configuration id") @PathParam("id") String id,
            TransitionRequest body) {
        return transition(id, TransitionAction.DEMOTE, body);
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "To RETIRED, from any other stage (PAUSED too), for good; answers the configuration")
    @APIResponse(responseCode = "200", description = "the configuration in its new stage",
            content = @Content(schema = @Schema(implementation = ConfigurationView.class)))
    @APIResponse(responseCode = "400", description = "reason or actor missing",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "no configuration with that id",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "already RETIRED",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response retire(@Parameter(description = "configuration id") @PathParam("id") String id,
            TransitionRequest body) {
        return transition(id, TransitionAction.RETIRE, body);
    }

    private Response transition(String id, TransitionAction action, TransitionRequest body) {
        List<FieldProblem> problems = TransitionRequest.problems(body);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid " + action.code() + " request", problems);
        }
        TrainedConfiguration changed = lifecycle.apply(id, action, body.reason().strip(), body.actor().strip())
                .orElseThrow(() -> notFound(id));
        return Response.ok(view(changed)).build();
    }

    private ConfigurationView view(TrainedConfiguration c) {
        return ConfigurationView.of(c, pauses.of(c.configId));
    }

    private TrainedConfiguration find(String id) {
        TrainedConfiguration found = configurations.findById(id);
        if (found == null) {
            throw notFound(id);
        }
        return found;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no trained configuration with id " + id);
    }
}
