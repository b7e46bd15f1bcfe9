package vn.dvcassistant.app.export;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Builds an export in a temporary file and sends it from there. Memory stays flat however many rows
 * there are, and a failure half way becomes a clean error response instead of a truncated download.
 * The file is deleted once the response has been read.
 */
public final class ExportFiles {

    /** Fills a table writer; may throw to abort the export. */
    @FunctionalInterface
    public interface Content {
        void writeTo(TableWriter writer) throws IOException;
    }

    private ExportFiles() {
    }

    public static HttpResponse<StreamedFile> download(ExportFormat format, String baseName, ZoneId zone,
                                                      Content content) {
        Path file = null;
        try {
            file = Files.createTempFile("dvc-export-", "." + format.extension());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
                 TableWriter writer = format.open(out, zone)) {
                content.writeTo(writer);
            }
            InputStream in = new DeletingInputStream(file);
            StreamedFile body = new StreamedFile(in, format.mediaType());
            String fileName = baseName + "." + format.extension();
            return HttpResponse.status(HttpStatus.OK)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                    .header("Cache-Control", "no-store")
                    .body(body);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Left for the system temp cleaner; the caller already has its answer or its error.
            }
        }
    }

    private static final class DeletingInputStream extends FilterInputStream {
        private final Path file;

        DeletingInputStream(Path file) throws IOException {
            super(Files.newInputStream(file));
            this.file = file;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                deleteQuietly(file);
            }
        }
    }
}
