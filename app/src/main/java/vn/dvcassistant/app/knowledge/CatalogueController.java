package vn.dvcassistant.app.knowledge;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.kb.catalogue.CatalogueColumns;
import vn.dvcassistant.kb.catalogue.CatalogueCsv;
import vn.dvcassistant.kb.catalogue.CatalogueRefused;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The procedure catalogue: upload (XLSX or CSV) and the template to fill in. */
@Controller("/api/v1/admin/catalogue")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class CatalogueController {

    private final CatalogueImport catalogueImport;
    private final Messages messages;

    CatalogueController(CatalogueImport catalogueImport, Messages messages) {
        this.catalogueImport = catalogueImport;
        this.messages = messages;
    }

    @Serdeable
    record CatalogueRefusal(String error, String message, String reason) {
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    CatalogueImport.Report upload(CompletedFileUpload file, Authentication who) {
        try {
            return catalogueImport.importFile(file.getFilename(), file.getBytes(), who.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row every catalogue file starts with, as CSV with a byte-order mark so Excel reads it as UTF-8. */
    @Get("/mau.csv")
    @Produces("text/csv; charset=utf-8")
    HttpResponse<String> template() {
        return HttpResponse.ok("\uFEFF" + CatalogueCsv.line(CatalogueColumns.ALL) + "\r\n")
                .header("Content-Disposition", "attachment; filename=\"mau-danh-muc-thu-tuc.csv\"");
    }

    @Error(exception = CatalogueRefused.class)
    HttpResponse<CatalogueRefusal> refused(CatalogueRefused refused) {
        return HttpResponse.<CatalogueRefusal>status(HttpStatus.BAD_REQUEST)
                .body(new CatalogueRefusal("invalid_catalogue", messages.get("error.invalid_catalogue") + " " + refused.getMessage(),
                        refused.getMessage()));
    }
}
