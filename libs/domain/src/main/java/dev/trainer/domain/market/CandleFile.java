package dev.trainer.domain.market;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A candle file as it arrives: a CSV ({@link CandleCsv}'s forms), or a ZIP archive holding exactly one CSV, as
 * Binance's dumps come ({@code BTCUSDT-1m-2024-01.zip} holding {@code BTCUSDT-1m-2024-01.csv}). Which of the two is
 * told by ZIP's magic bytes, not by a name or a content type, and the archive is unpacked while it is read, so
 * neither form is ever held in memory whole.
 *
 * <p>That an archive holds a second file can only be seen once its CSV has been read: the reader then fails with
 * {@link BadArchiveException} instead of reporting the end of the file, so a caller that reads to the end never
 * accepts such an archive.
 */
public final class CandleFile {

    /** What the file's bytes are. */
    public enum Container {
        CSV("csv"),
        ZIP("zip");

        private final String label;

        Container(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An archive that is not a ZIP holding exactly one CSV, or that is damaged. */
    public static final class BadArchiveException extends IllegalArgumentException {
        BadArchiveException(String message) {
            super(message);
        }
    }

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Container container;
    private final String entryName;
    private final InputStream content;

    private CandleFile(Container container, String entryName, InputStream content) {
        this.container = container;
        this.entryName = entryName;
        this.content = content;
    }

    /** Looks at the first bytes and, for a ZIP, opens its CSV entry. The caller closes {@code in}. */
    public static CandleFile open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (!isZip(magic)) {
            return new CandleFile(Container.CSV, null, buffered);
        }
        ZipInputStream zip = new ZipInputStream(buffered, StandardCharsets.UTF_8);
        ZipEntry entry = nextFile(zip);
        if (entry == null) {
            throw new BadArchiveException("the ZIP archive holds no file; it must hold one CSV file");
        }
        if (!entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new BadArchiveException("the ZIP archive holds " + entry.getName() + ", which is not a .csv file");
        }
        return new CandleFile(Container.ZIP, entry.getName(), new SingleEntry(zip, entry.getName()));
    }

    public Container container() {
        return container;
    }

    /** The CSV's name inside the archive; empty for a plain CSV. */
    public Optional<String> entryName() {
        return Optional.ofNullable(entryName);
    }

    /** The CSV's text (UTF-8). */
    public Reader reader() {
        return new InputStreamReader(content, StandardCharsets.UTF_8);
    }

    /** A local file header (PK\3\4), or the end record an archive without entries starts with (PK\5\6). */
    private static boolean isZip(byte[] magic) {
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                && (magic[2] == 3 && magic[3] == 4 || magic[2] == 5 && magic[3] == 6);
    }

    private static ZipEntry nextFile(ZipInputStream zip) throws IOException {
        try {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    return entry;
                }
            }
            return null;
        } catch (ZipException e) {
            throw new BadArchiveException("the ZIP archive is damaged: " + e.getMessage());
        }
    }

    /** The archive's one CSV; at its end, makes sure nothing follows it. */
    private static final class SingleEntry extends FilterInputStream {
        private final String name;
        private boolean checkedRest;

        SingleEntry(ZipInputStream zip, String name) {
            super(zip);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(b, off, len);
            } catch (ZipException e) {
                throw new BadArchiveException("the ZIP archive is damaged in " + name + ": " + e.getMessage());
            } catch (EOFException e) {
                throw new BadArchiveException("the ZIP archive ends inside " + name + " (cut off?)");
            }
            if (n < 0 && !checkedRest) {
                checkedRest = true;
                ZipEntry another = nextFile((ZipInputStream) in);
                if (another != null) {
                    throw new BadArchiveException("the ZIP archive holds more than one file (" + name + ", "
                            + another.getName() + "); it must hold exactly one CSV file");
                }
            }
            return n;
        }
    }
}
