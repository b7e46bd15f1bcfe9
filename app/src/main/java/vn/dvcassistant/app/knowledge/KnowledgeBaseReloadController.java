package vn.dvcassistant.app.knowledge;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.kb.KnowledgeBase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads the content files under {@code DVC_KB_DIR} again (or the bundled ones) and imports them into the
 * database like an upload: checked whole, and what changed becomes drafts that a second staff member
 * approves (published at once only when review is off). The database stays the one source every
 * instance serves; the files never reach the search around the review.
 */
@Controller("/api/v1/admin/knowledge-base")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
final class KnowledgeBaseReloadController {

    private final KnowledgeBase knowledgeBase;
    private final ContentArchive archive;
    private final Messages messages;

    KnowledgeBaseReloadController(KnowledgeBase knowledgeBase, ContentArchive archive, Messages messages) {
        this.knowledgeBase = knowledgeBase;
        this.archive = archive;
        this.messages = messages;
    }

    /**
     * @param reloaded whether the changes are served now (review off); false: they wait as drafts
     * @param topics   how many topics are served
     * @param changed  the entries whose file differs from what is published
     * @param problems always empty here (refused content answers 400 {@code invalid_content} with its problems)
     */
    @Serdeable
    record Reload(boolean reloaded, int topics, List<String> changed, List<String> problems) {
    }

    @Serdeable
    record ReloadRefusal(String error, String message, boolean reloaded, List<String> problems) {
    }

    @Post("/reload")
    @Produces(MediaType.APPLICATION_JSON)
    Reload reload(Authentication who) {
        ContentArchive.Imported imported;
        try {
            imported = archive.importContent(knowledgeBase.sourceFiles(), who.getName(), "reload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reload(imported.published() && !imported.changed().isEmpty(), knowledgeBase.topics().size(),
                imported.changed(), List.of());
    }

    @Error(exception = ContentArchive.ContentRefused.class)
    HttpResponse<ReloadRefusal> refused(ContentArchive.ContentRefused refused) {
        return HttpResponse.<ReloadRefusal>status(HttpStatus.BAD_REQUEST).body(new ReloadRefusal("invalid_content",
                messages.get("error.invalid_content"), false, refused.problems()));
    }
}
