package vn.dvcassistant.app.knowledge;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import vn.dvcassistant.app.database.OwnEmbeddedDatabase;
import vn.dvcassistant.app.security.StaffSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Two instances of the service on one database of their own (so what they publish stays out of other tests). */
final class TwoInstances implements AutoCloseable {

    final Path dir;
    final EmbeddedServer first;
    final EmbeddedServer second;
    final HttpClient toFirst;
    final HttpClient toSecond;

    TwoInstances(Map<String, Object> extra) {
        try {
            dir = Files.createTempDirectory("dvc-content-db-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new HashMap<>(OwnEmbeddedDatabase.properties(dir));
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.connection-timeout", 5000);
        properties.putAll(extra);
        first = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        toFirst = StaffSession.client(first);
        toSecond = StaffSession.client(second);
    }

    @Override
    public void close() {
        toFirst.close();
        toSecond.close();
        first.close();
        second.close();
        OwnEmbeddedDatabase.stop(dir);
    }
}
