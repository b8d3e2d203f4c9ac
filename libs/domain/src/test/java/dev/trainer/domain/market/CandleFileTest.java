package dev.trainer.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.CandleFile.BadArchiveException;
import dev.trainer.domain.market.CandleFile.Container;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class CandleFileTest {

    private static final String KLINES = "1704067200000000,1,2,0.5,1.5,10,1704067259999999,15,3,5,7,0\n"
            + "1704067260000000,1.5,2,1,1.2,4,1704067319999999,5,1,2,2,0\n";

    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<Candle> candles(byte[] file) throws IOException {
        return CandleCsv.parse(CandleFile.open(new ByteArrayInputStream(file)).reader());
    }

    @Test
    void aPlainCsvIsReadAsItIs() throws IOException {
        CandleFile file = CandleFile.open(new ByteArrayInputStream(KLINES.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Container.CSV, file.container());
        assertEquals(Optional.empty(), file.entryName());
        assertEquals(2, CandleCsv.parse(file.reader()).size());
    }

    @Test
    void aZipWithOneCsvIsUnpackedWhileRead() throws IOException {
        CandleFile file = CandleFile.open(new ByteArrayInputStream(zip("BTCUSDT-1m-2024-01.csv", KLINES)));
        assertEquals(Container.ZIP, file.container());
        assertEquals(Optional.of("BTCUSDT-1m-2024-01.csv"), file.entryName());
        assertEquals(CandleCsv.parse(new java.io.StringReader(KLINES)), CandleCsv.parse(file.reader()));
        assertEquals(2, candles(zip("data/", "", "data/BTCUSDT-1m-2024-01.CSV", KLINES)).size(), "folders are skipped");
    }

    @Test
    void aZipWithoutACsvIsRefused() throws IOException {
        BadArchiveException empty = assertThrows(BadArchiveException.class, () -> candles(zip()));
        assertTrue(empty.getMessage().contains("holds no file"), empty.getMessage());
        BadArchiveException other = assertThrows(BadArchiveException.class, () -> candles(zip("CHECKSUM", "abc")));
        assertTrue(other.getMessage().contains("CHECKSUM, which is not a .csv file"), other.getMessage());
    }

    @Test
    void aZipWithSeveralFilesIsRefusedOnceItsFirstCsvIsRead() throws IOException {
        BadArchiveException e = assertThrows(BadArchiveException.class,
                () -> candles(zip("a.csv", KLINES, "b.csv", KLINES)));
        assertEquals("the ZIP archive holds more than one file (a.csv, b.csv); it must hold exactly one CSV file", e.getMessage());
    }

    @Test
    void aCutOffZipIsRefused() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            many.append(1704067200000L + i * 60_000L).append(",1,2,0.5,1.5,").append(i).append(",0,0,0,0,0,0\n");
        }
        byte[] whole = zip("big.csv", many.toString());
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        BadArchiveException e = assertThrows(BadArchiveException.class, () -> candles(cut));
        assertTrue(e.getMessage().startsWith("the ZIP archive ends inside big.csv"), e.getMessage());
    }
}
