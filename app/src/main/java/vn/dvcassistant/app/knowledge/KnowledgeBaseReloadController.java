package vn.dvcassistant.app.knowledge;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.ReloadResult;

import java.util.List;

/**
 * Reads the knowledge base's files again after editors changed them (with {@code DVC_KB_DIR}): valid content
 * is served from the next question on, invalid content is refused with its problems while the previous
 * content goes on being served. Each instance holds its own copy, so with several instances call it on each.
 */
@Controller("/api/v1/admin/knowledge-base")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
final class KnowledgeBaseReloadController {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseReloadController.class);

    private final KnowledgeBase knowledgeBase;

    KnowledgeBaseReloadController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /**
     * @param reloaded whether the new content is now served
     * @param topics   how many topics are served
     * @param problems what is wrong with the content when it was refused, one line each
     */
    @Serdeable
    record Reload(boolean reloaded, int topics, List<String> problems) {
    }

    @Post("/reload")
    @Produces(MediaType.APPLICATION_JSON)
    Reload reload() {
        ReloadResult result = knowledgeBase.reload();
        LOG.info("knowledge_base=reloaded success={} topics={} problems={}", result.success(), result.topicCount(),
                result.problems().size());
        return new Reload(result.success(), result.topicCount(),
                result.problems().stream().map(ContentProblem::toString).toList());
    }
}
