package dev.trainer.cli;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleCsv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The candles file of an offline command, read whole (these commands backtest it in memory anyway). */
final class CandleInput {

    /** A file that cannot be used, with a message for the user. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private CandleInput() {
    }

    static List<Candle> read(Path file) throws Unusable {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CandleCsv.parse(reader);
        } catch (NoSuchFileException e) {
            throw new Unusable("no such file: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new Unusable("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Unusable(file + ": " + e.getMessage());
        }
    }
}
