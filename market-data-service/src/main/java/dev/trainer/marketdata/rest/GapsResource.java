package dev.trainer.marketdata.rest;

import dev.trainer.domain.market.Timeframe;
import dev.trainer.marketdata.mapping.GapsView;
import dev.trainer.marketdata.service.GapFinder;
import dev.trainer.marketdata.service.TimeRange;
import dev.trainer.support.FieldProblem;
import dev.trainer.support.ProblemJson;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/market-data/gaps")
@Produces(MediaType.APPLICATION_JSON)
public class GapsResource {

    private final GapFinder finder;

    public GapsResource(GapFinder finder) {
        this.finder = finder;
    }

    @GET
    @Operation(summary = "The candles a stored series lacks between from and until (default: its first and last candle), as "
            + "ranges of missing open times, with the counts expected, stored and missing")
    public Response gaps(@QueryParam("exchange") String exchange, @QueryParam("pair") String pair,
            @QueryParam("timeframe") String timeframe, @QueryParam("from") String from, @QueryParam("until") String until) {
        List<FieldProblem> problems = new ArrayList<>();
        if (exchange == null || exchange.isBlank()) {
            problems.add(new FieldProblem("exchange", "is required, e.g. exchange=binance"));
        }
        if (pair == null || pair.isBlank()) {
            problems.add(new FieldProblem("pair", "is required, e.g. pair=BTC/USDT"));
        }
        Timeframe tf = null;
        try {
            tf = Timeframe.parse(timeframe);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("timeframe", e.getMessage()));
        }
        Instant fromTime = FetchParameters.time("from", from, false, problems);
        Instant untilTime = FetchParameters.time("until", until, false, problems);
        if ((from == null) != (until == null)) {
            problems.add(new FieldProblem(from == null ? "from" : "until", "from and until go together; give both or neither"));
        } else if (fromTime != null && untilTime != null && !fromTime.isBefore(untilTime)) {
            problems.add(new FieldProblem("until", untilTime + " must be after from " + fromTime));
        }
        if (!problems.isEmpty()) {
            return ProblemJson.invalid("Invalid gaps request", problems);
        }
        Optional<TimeRange> range = fromTime == null ? Optional.empty()
                : Optional.of(new TimeRange(fromTime.toEpochMilli(), untilTime.toEpochMilli()));
        return finder.find(exchange, pair, tf, range).map(g -> Response.ok(GapsView.of(g)).build())
                .orElseGet(() -> ProblemJson.response(Response.Status.NOT_FOUND, "no candles are stored for " + exchange + " " + pair
                        + " " + timeframe + "; give from and until to see what such a range lacks"));
    }
}
