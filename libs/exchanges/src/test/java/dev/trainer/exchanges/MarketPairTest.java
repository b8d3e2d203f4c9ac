package dev.trainer.exchanges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarketPairTest {

    @Test
    void pairsAreBaseSlashQuote() {
        assertEquals(new MarketPair("BTC", "USDT"), MarketPair.parse(" btc/usdt "));
        assertEquals("ETH/EUR", MarketPair.parse("ETH/EUR").toString());
        for (String bad : new String[] {"BTCUSD", "BTC/", "/USD", "BTC/USD/EUR", "BT C/USD", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarketPair.parse(bad));
            assertTrue(e.getMessage().contains("BASE/QUOTE"), e.getMessage());
        }
    }

    @Test
    void exchangesAreKnownByTheirNames() {
        assertEquals(SupportedExchange.BINANCE_US, SupportedExchange.parse("binance-us"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SupportedExchange.parse("ftx"));
        assertEquals("unknown exchange 'ftx'; supported: binance, binance-us, kraken, coinbase, bitstamp", e.getMessage());
    }
}
