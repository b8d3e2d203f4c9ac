package dev.trainer.exchanges.kraken;

import java.io.IOException;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.kraken.dto.marketdata.KrakenOHLCs;
import org.knowm.xchange.kraken.service.KrakenMarketDataServiceRaw;

/**
 * XChange's KrakenMarketDataServiceRaw, asked by Kraken's own pair name. Its getKrakenOHLC(CurrencyPair, ...) looks the
 * name up in a JVM-wide table that only XChange's remote initialisation fills (two extra calls to Kraken's asset
 * endpoints); the OHLC endpoint accepts the pair's alternative name ({@code XBTUSD}) directly, so that table is not needed.
 */
final class KrakenOhlcService extends KrakenMarketDataServiceRaw {

    KrakenOhlcService(Exchange exchange) {
        super(exchange);
    }

    /** Kraken's result checks apply: an "error" array that is not empty becomes XChange's exception for it. */
    KrakenOHLCs ohlc(String krakenPair, int intervalMinutes, long sinceSeconds) throws IOException {
        return checkResult(kraken.getOHLC(krakenPair, intervalMinutes, sinceSeconds));
    }
}
