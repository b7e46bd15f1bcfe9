package vn.dvcassistant.app.knowledge;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.kb.KnowledgeBase;

import java.nio.file.Path;

@Factory
final class KnowledgeBaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseFactory.class);

    /**
     * Loaded at start-up so a broken content folder stops the service instead of failing the first
     * citizen. {@code dvc.knowledge-base.dir} (DVC_KB_DIR) lets editors serve content from disk.
     */
    @Context
    KnowledgeBase knowledgeBase(@Nullable @Value("${dvc.knowledge-base.dir:}") String directory) {
        long start = System.nanoTime();
        KnowledgeBase kb = directory == null || directory.isBlank()
                ? KnowledgeBase.fromClasspath()
                : KnowledgeBase.fromDirectory(Path.of(directory));
        LOG.info("knowledge_base=loaded source={} topics={} ms={}",
                directory == null || directory.isBlank() ? "classpath" : directory,
                kb.topics().size(), (System.nanoTime() - start) / 1_000_000);
        return kb;
    }
}
