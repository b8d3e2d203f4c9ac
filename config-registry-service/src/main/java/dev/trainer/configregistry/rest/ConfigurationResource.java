package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.repository.TrainedConfiguration;
import dev.trainer.configregistry.repository.TrainedConfigurationRepository;
import dev.trainer.configregistry.repository.TrainedConfigurationRepository.Filter;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/configs")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationResource {

    static final int MAX_LIMIT = 500;

    private final TrainedConfigurationRepository configurations;

    public ConfigurationResource(TrainedConfigurationRepository configurations) {
        this.configurations = configurations;
    }

    @GET
    @Operation(summary = "Trained configurations, newest first, optionally filtered (exact matches)")
    public List<ConfigurationView> list(
            @Parameter(description = "e.g. LIQUIDITY_SWEEP_V3") @QueryParam("strategy") String strategy,
            @Parameter(description = "e.g. binance") @QueryParam("exchange") String exchange,
            @Parameter(description = "BASE/QUOTE, e.g. BTC/USDT") @QueryParam("pair") String pair,
            @Parameter(description = "e.g. 5m, 1h") @QueryParam("timeframe") String timeframe,
            @Parameter(description = "lifecycle stage: PAPER, DISCOVERY, VALIDATION, MATURE or DECAY") @QueryParam("stage") String stage,
            @Parameter(description = "page size, 1 to " + MAX_LIMIT) @QueryParam("limit") @DefaultValue("50") int limit,
            @Parameter(description = "rows to skip") @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new BadRequestException("offset must not be negative");
        }
        String stageFilter = blankToNull(stage);
        Filter filter = new Filter(blankToNull(strategy), blankToNull(exchange), blankToNull(pair), blankToNull(timeframe),
                stageFilter == null ? null : stageFilter.toUpperCase(Locale.ROOT));
        return configurations.search(filter, offset, limit).stream().map(ConfigurationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One trained configuration; 404 (problem JSON) if there is none with that id")
    public ConfigurationView get(@PathParam("id") String id) {
        TrainedConfiguration found = configurations.findById(id);
        if (found == null) {
            throw new NotFoundException("no trained configuration with id " + id);
        }
        return ConfigurationView.of(found);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
