package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.ActiveConfiguration;
import dev.trainer.circuitbreaker.repository.ActiveConfigurationRepository;
import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.circuitbreaker.repository.BreakerStateRepository;
import dev.trainer.circuitbreaker.service.Breaker;
import dev.trainer.circuitbreaker.service.BreakerDefaults;
import dev.trainer.circuitbreaker.service.Coverage;
import dev.trainer.circuitbreaker.service.DailyLossBreaker;
import dev.trainer.circuitbreaker.service.Scope;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import dev.trainer.support.RequestParameters;
import dev.trainer.contracts.TimeBounds;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/circuit-breakers")
@Produces(MediaType.APPLICATION_JSON)
public class CircuitBreakerResource {

    static final int MAX_LIMIT = 500;

    private final BreakerDefaults defaults;
    private final ActiveConfigurationRepository configurations;
    private final BreakerStateRepository states;
    private final DailyLossBreaker dailyLoss;
    private final Clock clock;

    public CircuitBreakerResource(BreakerDefaults defaults, ActiveConfigurationRepository configurations,
            BreakerStateRepository states, DailyLossBreaker dailyLoss, Clock clock) {
        this.defaults = defaults;
        this.configurations = configurations;
        this.states = states;
        this.dailyLoss = dailyLoss;
        this.clock = clock;
    }

    @GET
    @Path("/defaults")
    @Operation(summary = "The configured breaker thresholds, under the plan's names (units: see /definitions); "
            + "never the per-scope overrides")
    public Map<String, Number> defaults() {
        return defaults.thresholds();
    }

    @GET
    @Path("/definitions")
    @Operation(summary = "Each breaker with its configured threshold, the threshold's unit, its kind of scope, its "
            + "cool-down and what it watches")
    public List<BreakerDefaults.Definition> definitions() {
        return defaults.definitions();
    }

    @GET
    @Path("/configurations")
    @Transactional
    @Operation(summary = "The configurations under the breakers' watch, newest first, with each breaker's state for "
            + "it: TRIPPED when a tripped scope covers it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = ConfigurationView.class)))
    @APIResponse(responseCode = "400", description = "problem+json naming each invalid parameter",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response configurations(@QueryParam("stage") String stage,
            @Parameter(description = "page size, 1 to " + MAX_LIMIT + "; default 100") @QueryParam("limit") String limit,
            @Parameter(description = "entries to skip, 0 or more; default 0") @QueryParam("offset") String offset) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageSize = RequestParameters.whole("limit", limit, 100, 1, MAX_LIMIT, problems);
        int skip = RequestParameters.whole("offset", offset, 0, 0, Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid configurations query", problems);
        }
        String stageFilter = stage == null || stage.isBlank() ? null : stage.trim().toUpperCase(Locale.ROOT);
        List<ActiveConfiguration> page = configurations.page(stageFilter, skip, pageSize);
        Set<String> scopes = page.stream().flatMap(c -> Coverage.scopesOf(c).stream())
                .map(bs -> bs.scope().text()).collect(Collectors.toSet());
        Set<String> tripped = new HashSet<>();
        for (BreakerState s : states.trippedIn(scopes)) {
            tripped.add(s.breaker + "\u001f" + s.scope);
        }
        return Response.ok(page.stream().map(c -> ConfigurationView.of(c, tripped)).toList()).build();
    }

    @GET
    @Path("/portfolio")
    @Transactional
    @Operation(summary = "The portfolio as max_daily_loss sees it on a UTC day (default today): starting value, "
            + "realised P&L, start-of-day value, P&L since 00:00 UTC and the loss fraction")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PortfolioView.class)))
    @APIResponse(responseCode = "400", description = "day is not a date (YYYY-MM-DD) from 1970 to 2099",
            content = @Content(mediaType = ProblemJson.MEDIA_TYPE))
    public Response portfolio(@QueryParam("day") String day) {
        LocalDate date;
        try {
            date = day == null || day.isBlank() ? DailyLossBreaker.utcDay(clock.instant()) : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            return ProblemJson.invalid("Invalid portfolio request",
                    List.of(new FieldProblem("day", "is not a date YYYY-MM-DD: " + day)));
        }
        // a day out of range would overflow where its start is taken in epoch milliseconds
        var outOfRange = TimeBounds.problem(date);
        if (outOfRange.isPresent()) {
            return ProblemJson.invalid("Invalid portfolio request", List.of(new FieldProblem("day", outOfRange.get())));
        }
        String state = states.find(Breaker.MAX_DAILY_LOSS.planName(),
                Scope.PORTFOLIO.text()).map(s -> s.state).orElse(BreakerState.ARMED);
        return Response.ok(PortfolioView.of(dailyLoss.figures(date), state)).build();
    }

    /** One watched configuration; {@code breakers} maps each breaker's plan name to ARMED or TRIPPED. */
    public record ConfigurationView(String configId, String strategy, SeriesRef market, String stage,
            Map<String, String> breakers, Instant receivedAt) {

        static ConfigurationView of(ActiveConfiguration c, Set<String> tripped) {
            Map<String, String> breakers = new LinkedHashMap<>();
            for (Coverage.BreakerScope bs : Coverage.scopesOf(c)) {
                String name = bs.breaker().planName();
                breakers.put(name, tripped.contains(name + "\u001f" + bs.scope().text()) ? BreakerState.TRIPPED
                        : BreakerState.ARMED);
            }
            return new ConfigurationView(c.configId, c.strategy, new SeriesRef(c.exchange, c.pair, c.timeframe), c.stage,
                    breakers, c.receivedAt);
        }
    }
}
