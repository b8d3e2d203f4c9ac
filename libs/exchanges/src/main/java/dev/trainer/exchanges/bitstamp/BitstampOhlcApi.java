package dev.trainer.exchanges.bitstamp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * Bitstamp's OHLC endpoint, {@code GET /api/v2/ohlc/{pair}/}, which XChange 5.2.2's BitstampV2 does not declare. It is
 * a rescu interface like XChange's own, built by XChange's ExchangeRestProxyBuilder on a BitstampExchange's
 * specification, so it shares that exchange's base URL and timeouts. It declares no error type on purpose: an HTTP
 * error then arrives as rescu's HttpStatusIOException, which carries the response headers ({@code Retry-After}).
 */
@Path("api/v2")
@Produces(MediaType.APPLICATION_JSON)
public interface BitstampOhlcApi {

    /**
     * {@code step} in seconds (60, 180, 300, 900, 1800, 3600, 7200, 14400, 21600, 43200, 86400, 259200), {@code limit}
     * 1..1000; with {@code start} (unix seconds) the candles from then on, oldest first.
     */
    @GET
    @Path("ohlc/{pair}/")
    BitstampOhlcResponse ohlc(@PathParam("pair") String pair, @QueryParam("step") int stepSeconds,
            @QueryParam("limit") int limit, @QueryParam("start") long startSeconds) throws IOException;
}
