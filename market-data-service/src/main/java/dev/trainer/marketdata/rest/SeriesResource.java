package dev.trainer.marketdata.rest;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.repository.CandleRepository;
import dev.trainer.marketdata.mapping.SeriesView;
import dev.trainer.marketdata.repository.CoverageRepository;
import dev.trainer.marketdata.service.CandleSources;
import dev.trainer.marketdata.service.ExchangeSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/market-data")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private final CandleRepository candles;
    private final CandleSources sources;
    private final CoverageRepository fetched;

    public SeriesResource(CandleRepository candles, CandleSources sources, CoverageRepository fetched) {
        this.candles = candles;
        this.sources = sources;
        this.fetched = fetched;
    }

    @GET
    @Path("/series")
    @Operation(summary = "The series held, with their candle counts, first and last open times (epoch ms) and the ranges "
            + "fetched from an exchange")
    public List<SeriesView> series() {
        return SeriesView.of(candles.coverage(), fetched.all());
    }

    @GET
    @Path("/sources")
    @Operation(summary = "The exchanges this service can load, with their pairs (none listed for an exchange reached through "
            + "XChange, which serves the pairs it lists), timeframes and, for those, the REST address used")
    public List<SourceView> sources() {
        return sources.all().values().stream()
                .map(s -> new SourceView(s.exchange(), s.pairs().stream().sorted().toList(),
                        s.timeframes().stream().sorted().map(Timeframe::label).toList(),
                        s instanceof ExchangeSource exchange ? exchange.baseUrl() : null))
                .toList();
    }

    public record SourceView(String exchange, List<String> pairs, List<String> timeframes, String baseUrl) {
    }
}
