package dev.trainer.marketdata.config;

import dev.trainer.exchanges.bitstamp.BitstampOhlcApi;
import dev.trainer.exchanges.bitstamp.BitstampOhlcResponse;
import io.quarkus.runtime.annotations.RegisterForProxy;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.knowm.xchange.binance.BinanceAuthenticated;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.BinanceUsExchange;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.bitstamp.BitstampExchange;
import org.knowm.xchange.coinbasepro.CoinbasePro;
import org.knowm.xchange.coinbasepro.CoinbaseProExchange;
import org.knowm.xchange.coinbasepro.dto.CoinbaseProException;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProCandle;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProCandleDeserializer;
import org.knowm.xchange.dto.meta.CurrencyMetaData;
import org.knowm.xchange.dto.meta.ExchangeMetaData;
import org.knowm.xchange.dto.meta.FeeTier;
import org.knowm.xchange.dto.meta.InstrumentMetaData;
import org.knowm.xchange.dto.meta.RateLimit;
import org.knowm.xchange.kraken.KrakenAuthenticated;
import org.knowm.xchange.kraken.KrakenExchange;
import org.knowm.xchange.kraken.dto.KrakenResult;
import org.knowm.xchange.kraken.dto.marketdata.KrakenOHLC;
import org.knowm.xchange.kraken.dto.marketdata.KrakenOHLCs;
import org.knowm.xchange.kraken.dto.marketdata.results.KrakenOHLCResult;

/**
 * What a native image needs for the exchange clients, which it cannot see by itself: XChange creates the exchange
 * classes reflectively and reads their metadata files (binance.json, ...) and the answers with Jackson; rescu turns the
 * REST interfaces into JDK dynamic proxies and reads their JAX-RS annotations at run time. Unverified: no native build
 * runs on the development machines (see docs/MARKET_DATA.md).
 */
@RegisterForReflection(targets = {
        BinanceExchange.class, BinanceUsExchange.class, KrakenExchange.class, CoinbaseProExchange.class, BitstampExchange.class,
        BinanceAuthenticated.class, KrakenAuthenticated.class, CoinbasePro.class, BitstampOhlcApi.class,
        BinanceException.class, CoinbaseProException.class, KrakenResult.class, KrakenOHLCResult.class, KrakenOHLCs.class,
        KrakenOHLC.class, CoinbaseProCandle.class, CoinbaseProCandleDeserializer.class, BitstampOhlcResponse.class,
        BitstampOhlcResponse.Data.class, BitstampOhlcResponse.Ohlc.class, ExchangeMetaData.class, InstrumentMetaData.class,
        CurrencyMetaData.class, FeeTier.class, RateLimit.class },
        classNames = "org.knowm.xchange.kraken.dto.marketdata.KrakenOHLCs$KrakenOHLCsDeserializer")
@RegisterForProxy(targets = { BinanceAuthenticated.class, KrakenAuthenticated.class, CoinbasePro.class, BitstampOhlcApi.class })
public final class ExchangeClientsNativeRegistration {

    private ExchangeClientsNativeRegistration() {
    }
}
