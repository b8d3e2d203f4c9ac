package dev.trainer.exchanges;

import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;

/** Creates XChange exchanges for public market data at a given base URL. */
public final class XChangeExchanges {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int READ_TIMEOUT_MS = 30_000;

    private XChangeExchanges() {
    }

    /**
     * The exchange's default specification with {@code sslUri} replaced: XChange's rest proxies take their base URL
     * from {@code sslUri} (ExchangeRestProxyBuilder), so a mirror or a test server is reached by setting it. Remote
     * initialisation is off: it would call the exchange's metadata endpoints (all pairs and assets) before the first
     * candle, and XChange's own retry and rate limiting stay off (their default) because {@link CandleFetcher} does both.
     */
    public static <T extends Exchange> T create(Class<T> type, String baseUrl) {
        T exchange = ExchangeFactory.INSTANCE.createExchangeWithoutSpecification(type);
        ExchangeSpecification spec = exchange.getDefaultExchangeSpecification();
        spec.setSslUri(withoutTrailingSlash(baseUrl));
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout(CONNECT_TIMEOUT_MS);
        spec.setHttpReadTimeout(READ_TIMEOUT_MS);
        exchange.applySpecification(spec);
        return exchange;
    }

    public static String withoutTrailingSlash(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
