package dev.trainer.exchanges.bitstamp;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchange.bitstamp.BitstampExchange;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;

/**
 * Bitstamp OHLC through {@link BitstampOhlcApi}. Pairs are lower case run together ({@code btcusd}); pages go forward
 * from {@code start} by {@code limit}: Bitstamp uses {@code end} instead of {@code start} when both are sent, so only
 * {@code start} is.
 */
public final class BitstampCandleClient implements CandleClient {

    static final int MAX_PAGE = 1000;
    private static final Map<Timeframe, Integer> STEP_SECONDS = new EnumMap<>(Map.of(
            Timeframe.M1, 60, Timeframe.M5, 300, Timeframe.M15, 900, Timeframe.H1, 3600, Timeframe.H4, 14400, Timeframe.D1, 86400));

    private final BitstampOhlcApi api;

    private BitstampCandleClient(BitstampExchange exchange) {
        this.api = ExchangeRestProxyBuilder.forInterface(BitstampOhlcApi.class, exchange.getExchangeSpecification()).build();
    }

    public static BitstampCandleClient create(String baseUrl) {
        return new BitstampCandleClient(XChangeExchanges.create(BitstampExchange.class, baseUrl));
    }

    @Override
    public SupportedExchange exchange() {
        return SupportedExchange.BITSTAMP;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return STEP_SECONDS.keySet();
    }

    @Override
    public int maxCandlesPerPage() {
        return MAX_PAGE;
    }

    @Override
    public CandlePage page(MarketPair pair, Timeframe timeframe, long fromMs, long untilMs, int limit) throws IOException {
        BitstampOhlcResponse answer = api.ohlc((pair.base() + pair.quote()).toLowerCase(Locale.ROOT), STEP_SECONDS.get(timeframe),
                limit, Math.floorDiv(fromMs, 1000));
        if (answer == null || answer.data() == null || answer.data().ohlc() == null) {
            throw new MalformedPageException("the answer has no data.ohlc");
        }
        List<Candle> candles = new ArrayList<>(answer.data().ohlc().size());
        for (BitstampOhlcResponse.Ohlc row : answer.data().ohlc()) {
            if (row.timestamp() == null || row.open() == null || row.high() == null || row.low() == null || row.close() == null
                    || row.volume() == null) {
                throw new MalformedPageException("an ohlc row lacks one of timestamp, open, high, low, close, volume: " + row);
            }
            candles.add(new Candle(row.timestamp() * 1000, row.open().doubleValue(), row.high().doubleValue(),
                    row.low().doubleValue(), row.close().doubleValue(), row.volume().doubleValue()));
        }
        return new CandlePage(candles, untilMs);
    }
}
