package dev.trainer.marketdata.rest;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.repository.CandleRepository;
import dev.trainer.marketdata.repository.CandleRepository.SeriesCoverage;
import dev.trainer.marketdata.service.CandleSources;
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

    public SeriesResource(CandleRepository candles, CandleSources sources) {
        this.candles = candles;
        this.sources = sources;
    }

    @GET
    @Path("/series")
    @Operation(summary = "The series held, with their candle counts and first and last open times (epoch ms)")
    public List<SeriesCoverage> series() {
        return candles.coverage();
    }

    @GET
    @Path("/sources")
    @Operation(summary = "The exchanges this service can load, with their pairs and timeframes")
    public List<SourceView> sources() {
        return sources.all().values().stream()
                .map(s -> new SourceView(s.exchange(), s.pairs().stream().sorted().toList(),
                        s.timeframes().stream().sorted().map(Timeframe::label).toList()))
                .toList();
    }

    public record SourceView(String exchange, List<String> pairs, List<String> timeframes) {
    }
}
