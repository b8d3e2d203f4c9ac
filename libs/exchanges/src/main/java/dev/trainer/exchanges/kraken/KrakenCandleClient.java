package dev.trainer.exchanges.kraken;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.CandleClient;
import dev.trainer.exchanges.CandlePage;
import dev.trainer.exchanges.MalformedPageException;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.exchanges.SupportedExchange;
import dev.trainer.exchanges.XChangeExchanges;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.dto.marketdata.KrakenOHLC;
import org.knowm.xchange.kraken.dto.marketdata.KrakenOHLCs;

/**
 * Kraken OHLC ({@code GET /0/public/OHLC?pair=XBTUSD&interval=MINUTES&since=SECONDS}) through XChange's
 * KrakenMarketDataServiceRaw. Kraken answers at most 720 candles after {@code since} (exclusive), has no page size
 * parameter, and in practice serves only the most recent 720 candles of an interval: older ranges come back empty
 * or start later than asked, which the fetcher keeps as a gap.
 */
public final class KrakenCandleClient implements CandleClient {

    static final int MAX_PAGE = 720;
    private static final Map<Timeframe, Integer> INTERVAL_MINUTES = new EnumMap<>(Map.of(
            Timeframe.M1, 1, Timeframe.M5, 5, Timeframe.M15, 15, Timeframe.H1, 60, Timeframe.H4, 240, Timeframe.D1, 1440));
    /** Kraken's own codes where they differ from the usual ones. */
    private static final Map<String, String> KRAKEN_CODES = Map.of("BTC", "XBT", "DOGE", "XDG");

    private final KrakenOhlcService ohlc;

    private KrakenCandleClient(KrakenExchange exchange) {
        this.ohlc = new KrakenOhlcService(exchange);
    }

    public static KrakenCandleClient create(String baseUrl) {
        return new KrakenCandleClient(XChangeExchanges.create(KrakenExchange.class, baseUrl));
    }

    /** Kraken's alternative pair name: XBTUSD for BTC/USD. */
    static String krakenPair(MarketPair pair) {
        return KRAKEN_CODES.getOrDefault(pair.base(), pair.base()) + KRAKEN_CODES.getOrDefault(pair.quote(), pair.quote());
    }

    @Override
    public SupportedExchange exchange() {
        return SupportedExchange.KRAKEN;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return INTERVAL_MINUTES.keySet();
    }

    @Override
    public int maxCandlesPerPage() {
        return MAX_PAGE;
    }

    @Override
    public CandlePage page(MarketPair pair, Timeframe timeframe, long fromMs, long untilMs, int limit) throws IOException {
        // since is exclusive: one second before the first wanted open time includes it
        KrakenOHLCs answer = ohlc.ohlc(krakenPair(pair), INTERVAL_MINUTES.get(timeframe), Math.floorDiv(fromMs, 1000) - 1);
        if (answer == null || answer.getOHLCs() == null) {
            throw new MalformedPageException("the answer has no result with OHLC rows");
        }
        List<Candle> candles = new ArrayList<>(answer.getOHLCs().size());
        for (KrakenOHLC row : answer.getOHLCs()) {
            candles.add(new Candle(row.getTime() * 1000, row.getOpen().doubleValue(), row.getHigh().doubleValue(),
                    row.getLow().doubleValue(), row.getClose().doubleValue(), row.getVolume().doubleValue()));
        }
        return new CandlePage(candles, untilMs);
    }
}
