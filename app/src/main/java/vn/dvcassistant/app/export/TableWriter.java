package vn.dvcassistant.app.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Writes tables row by row, so an export of a whole year never sits in memory. Cells may be
 * {@code null}, {@link String}, {@link Number}, {@link Boolean}, {@link java.time.LocalDate} or
 * {@link java.time.Instant} (written in the export's time zone).
 */
public interface TableWriter extends Closeable {

    /** Starts a table (an XLSX sheet; a titled block in CSV) with its header row. */
    void table(String title, List<String> headers) throws IOException;

    void row(List<?> cells) throws IOException;

    /** Finishes the file; the stream given to the writer is left open. */
    @Override
    void close() throws IOException;
}
