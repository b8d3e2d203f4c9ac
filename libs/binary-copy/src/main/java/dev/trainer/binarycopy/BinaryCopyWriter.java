package dev.trainer.binarycopy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Rows written to PostgreSQL's {@code COPY ... FROM STDIN (FORMAT BINARY)}: the header, then per row its field count
 * and each field as a length and its big-endian bytes, then the end marker. Binary COPY sends doubles' exact bits (no
 * text formatting on either side, nothing rounded) and is the fastest way to load many rows in one round trip. The
 * caller writes each row's fields in the table's column order, as many as it announced.
 *
 * <p>Not thread-safe; one writer per COPY.
 */
public final class BinaryCopyWriter implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final int FLOAT8_OID = 701;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final CopyIn in;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES); // big-endian, as COPY's binary format is
    private long rows;

    private BinaryCopyWriter(CopyIn in) {
        this.in = in;
        buffer.put(SIGNATURE).putInt(0).putInt(0); // flags, header extension length
    }

    /** Starts writing to an open {@code COPY ... FROM STDIN (FORMAT BINARY)}. */
    public static BinaryCopyWriter to(CopyIn in) {
        return new BinaryCopyWriter(in);
    }

    /** Starts a row of {@code fields} fields. */
    public BinaryCopyWriter row(int fields) throws SQLException {
        ensure(2);
        buffer.putShort((short) fields);
        rows++;
        return this;
    }

    public BinaryCopyWriter int4(int value) throws SQLException {
        ensure(8);
        buffer.putInt(4).putInt(value);
        return this;
    }

    public BinaryCopyWriter int8(long value) throws SQLException {
        ensure(12);
        buffer.putInt(8).putLong(value);
        return this;
    }

    public BinaryCopyWriter float8(double value) throws SQLException {
        ensure(12);
        buffer.putInt(8).putDouble(value);
        return this;
    }

    /** SQL null. */
    public BinaryCopyWriter nul() throws SQLException {
        ensure(4);
        buffer.putInt(-1);
        return this;
    }

    /** A text or varchar field, or null. */
    public BinaryCopyWriter text(String value) throws SQLException {
        if (value == null) {
            return nul();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        ensure(4);
        buffer.putInt(bytes.length);
        put(bytes);
        return this;
    }

    /** A {@code double precision[]} of one dimension without null elements, or null. */
    public BinaryCopyWriter float8Array(double[] values) throws SQLException {
        if (values == null) {
            return nul();
        }
        ensure(24);
        // field length, then dimensions, has-nulls flag, element type, and the dimension's length and lower bound
        buffer.putInt(20 + 12 * values.length).putInt(1).putInt(0).putInt(FLOAT8_OID).putInt(values.length).putInt(1);
        for (double v : values) {
            ensure(12);
            buffer.putInt(8).putDouble(v);
        }
        return this;
    }

    /** Ends the COPY and returns the rows it sent. */
    public long finish() throws SQLException {
        ensure(2);
        buffer.putShort((short) -1);
        flush();
        in.endCopy();
        return rows;
    }

    /** Cancels the COPY unless it was finished. */
    @Override
    public void close() throws SQLException {
        if (in.isActive()) {
            in.cancelCopy();
        }
    }

    private void put(byte[] bytes) throws SQLException {
        if (bytes.length > buffer.remaining()) {
            flush();
        }
        if (bytes.length > buffer.remaining()) {
            in.writeToCopy(bytes, 0, bytes.length);
        } else {
            buffer.put(bytes);
        }
    }

    private void ensure(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws SQLException {
        in.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
