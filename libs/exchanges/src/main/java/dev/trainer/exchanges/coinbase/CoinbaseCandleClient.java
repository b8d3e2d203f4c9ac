package dev.trainer.exchanges.coinbase;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.exchanges.CandleClient;
import dev.trainer.exchanges.CandlePage;
import dev.trainer.exchanges.MalformedPageException;
import dev.trainer.exchanges.MarketPair;
import dev.trainer.exchanges.SupportedExchange;
import dev.trainer.exchanges.XChangeExchanges;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchange.coinbasepro.CoinbaseProExchange;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProCandle;
import org.knowm.xchange.coinbasepro.service.CoinbaseProMarketDataServiceRaw;

/**
 * Coinbase Exchange historic rates ({@code GET /products/BTC-USD/candles?start&end&granularity}) through XChange's
 * coinbasepro module, whose API is the Coinbase Exchange API (formerly Coinbase Pro); its default address is the
 * retired api.pro.coinbase.com, so {@link SupportedExchange#COINBASE} names today's. Coinbase answers one time window
 * of at most 300 candles, newest first, and leaves out intervals without trades; it has no 4h granularity.
 */
public final class CoinbaseCandleClient implements CandleClient {

    static final int MAX_PAGE = 300;
    private static final Map<Timeframe, Integer> GRANULARITY_SECONDS = new EnumMap<>(Map.of(
            Timeframe.M1, 60, Timeframe.M5, 300, Timeframe.M15, 900, Timeframe.H1, 3600, Timeframe.D1, 86400));

    private final CoinbaseProMarketDataServiceRaw marketData;

    private CoinbaseCandleClient(CoinbaseProExchange exchange) {
        this.marketData = (CoinbaseProMarketDataServiceRaw) exchange.getMarketDataService();
    }

    public static CoinbaseCandleClient create(String baseUrl) {
        return new CoinbaseCandleClient(XChangeExchanges.create(CoinbaseProExchange.class, baseUrl));
    }

    @Override
    public SupportedExchange exchange() {
        return SupportedExchange.COINBASE;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return GRANULARITY_SECONDS.keySet();
    }

    @Override
    public int maxCandlesPerPage() {
        return MAX_PAGE;
    }

    @Override
    public CandlePage page(MarketPair pair, Timeframe timeframe, long fromMs, long untilMs, int limit) throws IOException {
        long windowEndMs = Math.min(untilMs, fromMs + limit * timeframe.durationMs());
        // Coinbase's end is inclusive: a second before the window's end keeps the window at `limit` candles
        CoinbaseProCandle[] rows = marketData.getCoinbaseProHistoricalCandles(pair.toCurrencyPair(),
                Instant.ofEpochMilli(fromMs).toString(), Instant.ofEpochMilli(windowEndMs - 1000).toString(),
                Integer.toString(GRANULARITY_SECONDS.get(timeframe)));
        if (rows == null) {
            throw new MalformedPageException("the answer is empty, not an array of candles");
        }
        List<Candle> candles = new ArrayList<>(rows.length);
        for (CoinbaseProCandle row : rows) {
            candles.add(new Candle(row.getTime().getTime(), row.getOpen().doubleValue(), row.getHigh().doubleValue(),
                    row.getLow().doubleValue(), row.getClose().doubleValue(), row.getVolume().doubleValue()));
        }
        return new CandlePage(candles, windowEndMs);
    }
}
