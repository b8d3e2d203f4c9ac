package dev.trainer.exchanges.binance;

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
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.BinanceUsExchange;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;

/**
 * Binance and Binance US klines ({@code GET /api/v3/klines}) through XChange's BinanceMarketDataServiceRaw. Symbols
 * are base and quote run together ({@code BTCUSDT}); {@code startTime} and {@code endTime} are inclusive epoch ms.
 */
public final class BinanceCandleClient implements CandleClient {

    /** "limit: Default 500; max 1000" on both venues. */
    static final int MAX_PAGE = 1000;
    private static final Map<Timeframe, KlineInterval> INTERVALS = new EnumMap<>(Map.of(
            Timeframe.M1, KlineInterval.m1, Timeframe.M5, KlineInterval.m5, Timeframe.M15, KlineInterval.m15,
            Timeframe.H1, KlineInterval.h1, Timeframe.H4, KlineInterval.h4, Timeframe.D1, KlineInterval.d1));

    private final SupportedExchange exchange;
    private final BinanceMarketDataServiceRaw marketData;

    private BinanceCandleClient(SupportedExchange exchange, BinanceExchange xchange) {
        this.exchange = exchange;
        this.marketData = (BinanceMarketDataServiceRaw) xchange.getMarketDataService();
    }

    public static BinanceCandleClient binance(String baseUrl) {
        return new BinanceCandleClient(SupportedExchange.BINANCE, XChangeExchanges.create(BinanceExchange.class, baseUrl));
    }

    public static BinanceCandleClient binanceUs(String baseUrl) {
        return new BinanceCandleClient(SupportedExchange.BINANCE_US, XChangeExchanges.create(BinanceUsExchange.class, baseUrl));
    }

    @Override
    public SupportedExchange exchange() {
        return exchange;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return INTERVALS.keySet();
    }

    @Override
    public int maxCandlesPerPage() {
        return MAX_PAGE;
    }

    @Override
    public CandlePage page(MarketPair pair, Timeframe timeframe, long fromMs, long untilMs, int limit) throws IOException {
        List<BinanceKline> klines;
        try {
            klines = marketData.klines(pair.toCurrencyPair(), INTERVALS.get(timeframe), limit, fromMs, untilMs - 1);
        } catch (NumberFormatException | IndexOutOfBoundsException | NullPointerException e) {
            // XChange turns each kline array into a BinanceKline as it reads it: a short row or a word where a number goes
            throw new MalformedPageException("a kline is not [openTime, open, high, low, close, volume, ...]: " + e, e);
        }
        List<Candle> candles = new ArrayList<>(klines.size());
        for (BinanceKline k : klines) {
            candles.add(new Candle(k.getOpenTime(), k.getOpen().doubleValue(), k.getHigh().doubleValue(), k.getLow().doubleValue(),
                    k.getClose().doubleValue(), k.getVolume().doubleValue()));
        }
        return new CandlePage(candles, untilMs);
    }
}
