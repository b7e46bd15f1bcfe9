package vn.dvcassistant.app.knowledge;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The whole content as a zip of YAML files, and an upload of a zip or YAML files (all or nothing). */
@Controller("/api/v1/admin/content")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ContentArchiveController {

    private final ContentArchive archive;
    private final Messages messages;
    private final ProvinceClock clock;

    ContentArchiveController(ContentArchive archive, Messages messages, ProvinceClock clock) {
        this.archive = archive;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * @param changed   the entries the upload changed
     * @param published true when they are served now (review off); false when they wait as drafts
     */
    @Serdeable
    record ImportReport(List<String> changed, boolean published) {
    }

    @Serdeable
    record ContentRefusal(String error, String message, List<String> problems) {
    }

    @Get(value = "/export", produces = "application/zip")
    HttpResponse<byte[]> export() {
        return HttpResponse.ok(archive.exportZip()).header("Content-Disposition",
                "attachment; filename=\"noi-dung-" + clock.today() + ".zip\"");
    }

    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    ImportReport upload(@Part("file") CompletedFileUpload file, Authentication who) {
        ContentArchive.Imported imported = archive.importFiles(List.of(upload(file)), who.getName(), "upload");
        return new ImportReport(imported.changed(), imported.published());
    }

    /** One file per upload: a zip carries many (a multipart list does not bind reliably). */
    static ContentArchive.Upload upload(CompletedFileUpload file) {
        try {
            return new ContentArchive.Upload(file.getFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Error(exception = ContentArchive.ContentRefused.class)
    HttpResponse<ContentRefusal> refused(ContentArchive.ContentRefused refused) {
        return HttpResponse.<ContentRefusal>status(HttpStatus.BAD_REQUEST)
                .body(new ContentRefusal("invalid_content", messages.get("error.invalid_content"), refused.problems()));
    }
}
