package vn.dvcassistant.app.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A data folder of another PostgreSQL major version is refused, untouched, with what to do instead. */
class EmbeddedMajorVersionTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWrittenByPostgres16IsNeitherOpenedNorChanged() throws IOException {
        Path data = dir.resolve("postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("PG_VERSION"), "16\n");
        Files.writeString(data.resolve("postgresql.conf"), "# written by PostgreSQL 16\n");
        List<String> before = listing(data);

        Throwable refused = catchThrowable(() -> EmbeddedPostgresServers.start(data, 0, true));

        assertThat(refused).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL 16").hasMessageContaining("PostgreSQL " + EmbeddedPostgresServers.MAJOR_VERSION)
                .hasMessageContaining("pg_upgrade").hasMessageContaining("pg_dump");
        assertThat(listing(data)).as("nothing written, no server started on it").isEqualTo(before);
        assertThat(Files.readString(data.resolve("postgresql.conf"))).isEqualTo("# written by PostgreSQL 16\n");
    }

    @Test
    void aFolderWithoutItsVersionFileIsRefusedToo() throws IOException {
        Path data = dir.resolve("postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("postgresql.conf"), "");
        assertThat(catchThrowable(() -> EmbeddedPostgresServers.start(data, 0, true)))
                .hasMessageContaining("PostgreSQL unknown");
    }

    private static List<String> listing(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data)) {
            return files.map(p -> data.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
