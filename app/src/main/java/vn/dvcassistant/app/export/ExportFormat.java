package vn.dvcassistant.app.export;

import io.micronaut.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

public enum ExportFormat {
    CSV("csv", new MediaType("text/csv; charset=utf-8")),
    XLSX("xlsx", new MediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public TableWriter open(OutputStream out, ZoneId zone) throws IOException {
        return this == CSV ? new CsvTableWriter(out, zone) : new XlsxTableWriter(out, zone);
    }

    public static Optional<ExportFormat> fromExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String wanted = extension.toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
