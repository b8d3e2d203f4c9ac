package dev.trainer.binarycopy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

class BinaryCopyWriterTest {

    /** What the writer sends, as PostgreSQL would receive it. */
    private static final class Captured implements CopyIn {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean active = true;

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            bytes.write(buf, off, siz);
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public long endCopy() {
            active = false;
            return 0;
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void cancelCopy() {
            active = false;
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }

    @Test
    void writesTheHeaderRowsOfEveryKindAndTheEndMarkerInPostgresBinaryFormat() throws Exception {
        Captured in = new Captured();
        long rows;
        try (BinaryCopyWriter w = BinaryCopyWriter.to(in)) {
            w.row(5).int4(7).int8(-2).float8(Double.NaN).text("é").float8Array(new double[] {0.1, -0.0});
            w.row(2).nul().float8Array(null);
            rows = w.finish();
        }
        assertEquals(2, rows);
        ByteBuffer b = ByteBuffer.wrap(in.bytes.toByteArray());
        byte[] signature = new byte[11];
        b.get(signature);
        assertArrayEquals("PGCOPY\n\u00ff\r\n\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), signature);
        assertEquals(0, b.getInt());
        assertEquals(0, b.getInt());
        assertEquals(5, b.getShort());
        assertEquals(4, b.getInt());
        assertEquals(7, b.getInt());
        assertEquals(8, b.getInt());
        assertEquals(-2, b.getLong());
        assertEquals(8, b.getInt());
        assertEquals(Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(b.getDouble()));
        assertEquals(2, b.getInt());
        b.get(new byte[2]);
        assertEquals(20 + 2 * 12, b.getInt());
        assertArrayEquals(new int[] {1, 0, 701, 2, 1}, new int[] {b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt()});
        assertEquals(8, b.getInt());
        assertEquals(0.1, b.getDouble());
        assertEquals(8, b.getInt());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(b.getDouble()));
        assertEquals(2, b.getShort());
        assertEquals(-1, b.getInt());
        assertEquals(-1, b.getInt());
        assertEquals(-1, b.getShort());
        assertEquals(0, b.remaining());
    }

    @Test
    void arraysLargerThanTheBufferGoOutWhole() throws Exception {
        Captured in = new Captured();
        double[] big = new double[20_000];
        Arrays.setAll(big, i -> i);
        try (BinaryCopyWriter w = BinaryCopyWriter.to(in)) {
            w.row(1).float8Array(big);
            w.finish();
        }
        assertEquals(19 + 2 + 4 + 20 + 12 * big.length + 2, in.bytes.size());
    }
}
