package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.satisfaction.SatisfactionImport;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.web.PageText;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * "Khảo sát định kỳ" for admins and agency staff: the template to download, the upload of a survey file (the same
 * import as {@code POST /api/v1/admin/satisfaction/import}), its result with each refused row by number, and the
 * batches imported so far with who and when, each removable as a whole. Plain forms, no script.
 */
@Controller(SurveyImportPageController.PATH)
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class SurveyImportPageController {

    static final String PATH = "/quan-tri/khao-sat-dinh-ky";
    private static final String VIEW = "admin/survey-import";
    private static final int LISTED = 100;

    private final SatisfactionImport imports;
    private final PageText text;
    private final Messages messages;

    SurveyImportPageController(SatisfactionImport imports, PageText text, Messages messages) {
        this.messages = messages;
        this.imports = imports;
        this.text = text;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(Authentication authentication, @Nullable @QueryValue("da-xoa") String removed) {
        Map<String, Object> model = model(StaffMember.of(authentication));
        if (removed != null) {
            model.put("notice", text.get("admin.surveyImport.removed"));
        }
        return HttpResponse.ok(new ModelAndView<>(VIEW, model));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(Authentication authentication, @Part("file") CompletedFileUpload file) throws IOException {
        StaffMember me = StaffMember.of(authentication);
        try {
            SatisfactionImport.Result result = imports.importFile(file.getFilename(), file.getBytes(), me);
            Map<String, Object> model = model(me);
            model.put("result", result);
            return HttpResponse.ok(new ModelAndView<>(VIEW, model));
        } catch (Refusal refused) {
            Map<String, Object> model = model(me);
            model.put("error", text.get("error." + refused.code()));
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>(VIEW, model));
        }
    }

    /** Removes the batch and all its ratings (admins, or whoever imported it): 404 otherwise. */
    @Post(value = "/{batch}/xoa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> remove(Authentication authentication, @PathVariable String batch) {
        if (batch.length() > 36) {
            throw Refusal.notFound("unknown_import_batch");
        }
        imports.remove(batch, StaffMember.of(authentication));
        return HttpResponse.seeOther(URI.create(PATH + "?da-xoa=1"));
    }

    private SurveyImportBatchLine view(SatisfactionImport.Batch b) {
        String when = text.formats().dateTime(b.importedAt());
        return new SurveyImportBatchLine(b.id(), b.fileName(), messages.get("admin.surveyImport.batchLine", b.importedBy(), when,
                text.formats().count(b.imported()), text.formats().count(b.rejected())),
                messages.get("admin.surveyImport.removeLabel", b.fileName(), when));
    }

    private Map<String, Object> model(StaffMember me) {
        Map<String, Object> model = StaffPages.model(me, text);
        model.put("batches", imports.batches(me, LISTED).stream().map(this::view).toList());
        model.put("result", null);
        model.put("error", null);
        model.put("notice", null);
        model.put("columns", String.join(", ", SatisfactionImport.COLUMNS));
        return model;
    }
}
