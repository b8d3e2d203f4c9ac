package dev.trainer.domain.quality;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a candle series, as lower-case hex. Per candle, in series order, 48 bytes big-endian: the open time
 * (epoch ms, 8-byte long) then open, high, low, close and volume as the exact bits of their doubles
 * ({@link Double#doubleToLongBits}). Nothing else goes in (no timeframe, no flags), so anyone holding the same candles
 * gets the same fingerprint, and any changed bit of any value changes it. An empty series hashes zero bytes.
 */
public final class SeriesFingerprint {

    private static final int BYTES_PER_CANDLE = 6 * Long.BYTES;
    private static final int CANDLES_PER_UPDATE = 1024;

    private SeriesFingerprint() {
    }

    public static String of(long[] openTimeMs, double[] open, double[] high, double[] low, double[] close,
            double[] volume) {
        int n = openTimeMs.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("column lengths differ: time=" + n + ", open=" + open.length + ", high="
                    + high.length + ", low=" + low.length + ", close=" + close.length + ", volume=" + volume.length);
        }
        MessageDigest sha256 = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BYTES_PER_CANDLE * CANDLES_PER_UPDATE);
        for (int i = 0; i < n; i++) {
            buffer.putLong(openTimeMs[i])
                    .putLong(Double.doubleToLongBits(open[i]))
                    .putLong(Double.doubleToLongBits(high[i]))
                    .putLong(Double.doubleToLongBits(low[i]))
                    .putLong(Double.doubleToLongBits(close[i]))
                    .putLong(Double.doubleToLongBits(volume[i]));
            if (!buffer.hasRemaining()) {
                sha256.update(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
        }
        sha256.update(buffer.array(), 0, buffer.position());
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
