package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.ActiveConfiguration;
import dev.trainer.circuitbreaker.repository.ActiveConfigurationRepository;
import dev.trainer.circuitbreaker.service.Breaker;
import dev.trainer.circuitbreaker.service.BreakerDefaults;
import dev.trainer.contracts.events.SeriesRef;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/circuit-breakers")
@Produces(MediaType.APPLICATION_JSON)
public class CircuitBreakerResource {

    static final int MAX_LIMIT = 500;

    private final BreakerDefaults defaults;
    private final ActiveConfigurationRepository configurations;

    public CircuitBreakerResource(BreakerDefaults defaults, ActiveConfigurationRepository configurations) {
        this.defaults = defaults;
        this.configurations = configurations;
    }

    @GET
    @Path("/defaults")
    @Operation(summary = "The breaker thresholds in force, under the plan's names (units: see /definitions)")
    public Map<String, Number> defaults() {
        return defaults.thresholds();
    }

    @GET
    @Path("/definitions")
    @Operation(summary = "Each breaker with its threshold, the threshold's unit, its scope and what it watches")
    public List<BreakerDefaults.Definition> definitions() {
        return defaults.definitions();
    }

    @GET
    @Path("/configurations")
    @Operation(summary = "The configurations under the breakers' watch, newest first, with each breaker's state (ARMED or TRIPPED)")
    public List<ConfigurationView> configurations(@QueryParam("stage") String stage,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new BadRequestException("offset must not be negative");
        }
        String stageFilter = stage == null || stage.isBlank() ? null : stage.trim().toUpperCase(Locale.ROOT);
        return configurations.page(stageFilter, offset, limit).stream().map(ConfigurationView::of).toList();
    }

    /** One watched configuration; {@code breakers} maps each breaker's plan name to ARMED or TRIPPED. */
    public record ConfigurationView(String configId, String strategy, SeriesRef market, String stage,
            Map<String, String> breakers, Instant receivedAt) {

        static ConfigurationView of(ActiveConfiguration c) {
            Map<String, String> breakers = new LinkedHashMap<>();
            for (Breaker b : Breaker.values()) {
                breakers.put(b.planName(), state(c, b));
            }
            return new ConfigurationView(c.configId, c.strategy, new SeriesRef(c.exchange, c.pair, c.timeframe), c.stage,
                    breakers, c.receivedAt);
        }

        private static String state(ActiveConfiguration c, Breaker b) {
            return switch (b) {
                case MAX_DAILY_LOSS -> c.maxDailyLossState;
                case MAX_CORRELATION_SPIKE -> c.maxCorrelationSpikeState;
                case UNUSUAL_MARKET_THRESHOLD -> c.unusualMarketThresholdState;
                case LATENCY_THRESHOLD_MS -> c.latencyThresholdMsState;
                case MAX_ADVERSE_SELECTION -> c.maxAdverseSelectionState;
                case CONSECUTIVE_LOSSES_LIMIT -> c.consecutiveLossesLimitState;
                case REGIME_BREAK_THRESHOLD -> c.regimeBreakThresholdState;
            };
        }
    }
}
