package vn.dvcassistant.app.knowledge;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.kb.KnowledgeBase;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts loading the knowledge base (YAML parsing, Lucene indexing) on its own thread as the very
 * first bean, so that it overlaps with starting the database: start-to-ready is a promise (≤ 5 s).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class KnowledgeBaseLoader {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseLoader.class);

    private final CompletableFuture<KnowledgeBase> loading;

    KnowledgeBaseLoader(KnowledgeBaseSettings settings) {
        String directory = settings.fromDisk() ? settings.dir() : null;
        CompletableFuture<KnowledgeBase> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(load(directory));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "knowledge-base-loader");
        thread.setDaemon(true);
        thread.start();
        this.loading = future;
    }

    KnowledgeBase await() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static KnowledgeBase load(@Nullable String directory) {
        long start = System.nanoTime();
        boolean fromDisk = directory != null && !directory.isBlank();
        KnowledgeBase kb = fromDisk ? KnowledgeBase.fromDirectory(Path.of(directory)) : KnowledgeBase.fromClasspath();
        LOG.info("knowledge_base=loaded source={} topics={} ms={}", fromDisk ? directory : "classpath",
                kb.topics().size(), (System.nanoTime() - start) / 1_000_000);
        return kb;
    }
}
