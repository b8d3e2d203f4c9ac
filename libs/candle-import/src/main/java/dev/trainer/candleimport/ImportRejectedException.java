package dev.trainer.candleimport;

/**
 * The file's content is refused (a bad row, a bad archive, no candles): the caller rolls the import back, so nothing
 * of it is stored, and reports the message, which names the line when a row is to blame.
 */
public final class ImportRejectedException extends RuntimeException {

    private final long rowsRead;

    ImportRejectedException(String message, long rowsRead, Throwable cause) {
        super(ImportError.bounded(message), cause);
        this.rowsRead = rowsRead;
    }

    /** Candle rows read and accepted before the file was refused. */
    public long rowsRead() {
        return rowsRead;
    }
}
