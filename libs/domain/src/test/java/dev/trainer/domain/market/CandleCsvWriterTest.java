package dev.trainer.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleCsvWriterTest {

    @Test
    void writesTheResearchFormThatReadsBackExactly() throws Exception {
        List<Candle> candles = List.of(new Candle(1_704_067_200_000L, 42_000.5, 42_100.25, 41_900.125, 42_050.0, 12.345678),
                new Candle(1_704_067_260_000L, 0.00001234, 0.0000125, 0.00001, 0.0000124, 1.0E7));
        StringWriter text = new StringWriter();
        try (CandleCsvWriter writer = new CandleCsvWriter(text)) {
            writer.writeAll(candles);
            assertEquals(2, writer.rows());
        }
        assertEquals("timestamp,open,high,low,close,volume\n"
                + "1704067200000,42000.5,42100.25,41900.125,42050,12.345678\n"
                + "1704067260000,0.00001234,0.0000125,0.00001,0.0000124,10000000\n", text.toString());
        assertEquals(candles, CandleCsv.parse(new StringReader(text.toString())));
    }
}
