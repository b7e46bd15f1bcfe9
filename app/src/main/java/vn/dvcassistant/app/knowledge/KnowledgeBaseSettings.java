package vn.dvcassistant.app.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code dvc.knowledge-base}.
 *
 * @param dir serve the content from this folder (DVC_KB_DIR), which editors change and reload without a
 *            rebuild; blank: the copy bundled in the jar
 */
@ConfigurationProperties("dvc.knowledge-base")
public record KnowledgeBaseSettings(@Nullable String dir) {

    boolean fromDisk() {
        return dir != null && !dir.isBlank();
    }
}
