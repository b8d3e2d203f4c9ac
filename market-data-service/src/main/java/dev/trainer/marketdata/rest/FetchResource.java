package dev.trainer.marketdata.rest;

import dev.trainer.exchanges.ExchangeFetchException;
import dev.trainer.marketdata.mapping.FetchView;
import dev.trainer.marketdata.repository.CoverageRepository;
import dev.trainer.marketdata.rest.FetchParameters.FetchRequest;
import dev.trainer.marketdata.service.ExchangeSources;
import dev.trainer.marketdata.service.FetchReport;
import dev.trainer.marketdata.service.MissingRangeFetcher;
import dev.trainer.support.ProblemJson;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Fetches a series' missing candles from an exchange now, synchronously: the answer comes when the candles are
 * stored, with what was fetched. A range already covered is answered without a request to the exchange. A client
 * that gives up waiting does not stop the fetch; what it stored stays.
 */
@Path("/api/market-data/fetches")
@Produces(MediaType.APPLICATION_JSON)
public class FetchResource {

    private final ExchangeSources exchanges;
    private final MissingRangeFetcher fetcher;
    private final CoverageRepository coverage;

    public FetchResource(ExchangeSources exchanges, MissingRangeFetcher fetcher, CoverageRepository coverage) {
        this.exchanges = exchanges;
        this.fetcher = fetcher;
        this.coverage = coverage;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking // waits for the exchange, page after page
    @Operation(summary = "Fetch what the store lacks of [since, until) for exchange/pair/timeframe; answers 200 with the ranges "
            + "fetched and the counts, 400 naming each bad field, or 502 when the exchange fails (nothing of the failed range stored)")
    public Response fetch(FetchRequest body) {
        FetchParameters p = FetchParameters.check(body, exchanges);
        if (!p.problems().isEmpty()) {
            return ProblemJson.invalid("Invalid fetch request", p.problems());
        }
        FetchReport report;
        try {
            report = fetcher.fetchMissing(p.source(), p.pair(), p.timeframe(), p.since(), p.until());
        } catch (ExchangeFetchException e) {
            return ProblemJson.response(Response.Status.BAD_GATEWAY, e.getMessage());
        }
        return Response.ok(FetchView.of(report, QuarkusTransaction.requiringNew()
                .call(() -> coverage.ranges(report.exchange(), report.pair(), report.timeframe())))).build();
    }
}
