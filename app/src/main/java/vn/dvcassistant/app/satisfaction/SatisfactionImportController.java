package vn.dvcassistant.app.satisfaction;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Periodic survey results uploaded by admins and agency staff ({@link SatisfactionImport}). */
@Controller("/api/v1/admin/satisfaction/import")
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Satisfaction")
final class SatisfactionImportController {

    private final SatisfactionImport imports;

    SatisfactionImportController(SatisfactionImport imports) {
        this.imports = imports;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Import periodic survey results (CSV or XLSX, multipart field file)",
            description = "Columns: Ngày (dd/mm/yyyy or yyyy-mm-dd), Chủ đề (topic id) or Lĩnh vực, Cơ quan (code "
                    + "or name, optional), Mức độ (Rất hài lòng | Hài lòng | Không hài lòng), Hình thức (giấy | "
                    + "điện thoại | trực tiếp). Valid rows are counted with channel periodic under one batch; "
                    + "wrong rows are listed in rejected with their row number. 400 import_unreadable, "
                    + "import_empty, import_missing_columns, import_too_many_rows.")
    Map<String, Object> upload(@Part("file") CompletedFileUpload file, Authentication authentication) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SatisfactionImport.Result result = imports.importFile(file.getFilename(), bytes, StaffMember.of(authentication));
        return Map.of("batch", result.batch(), "imported", result.imported(), "rejected", result.rejected());
    }

    @Delete("/{batch}")
    @Operation(summary = "Remove an imported batch and all its ratings (admins, or whoever imported it)")
    HttpResponse<?> remove(String batch, Authentication authentication) {
        if (batch.length() > 36) {
            throw Refusal.notFound("unknown_import_batch");
        }
        imports.remove(batch, StaffMember.of(authentication));
        return HttpResponse.noContent();
    }

    @Get("/template.csv")
    @Produces("text/csv")
    @Operation(summary = "The import template, with one example row")
    HttpResponse<byte[]> template() {
        String csv = "\uFEFF" + String.join(",", SatisfactionImport.COLUMNS) + "\r\n"
                + "15/01/2026,dang-ky-khai-sinh,,UBND-XA,Hài lòng,giấy\r\n";
        return HttpResponse.ok(csv.getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"mau-khao-sat-dinh-ky.csv\"");
    }
}
