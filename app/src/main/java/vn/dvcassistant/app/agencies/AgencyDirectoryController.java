package vn.dvcassistant.app.agencies;

import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.kb.Field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The agency directory for admins' scripts: list, upload a file, deactivate, the template. */
@Controller("/api/v1/admin/agencies")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Agencies")
final class AgencyDirectoryController {

    @Serdeable
    record AgencyJson(String code, String name, String parent, String kind, List<String> fields, boolean active) {
        static AgencyJson of(Agency a) {
            return new AgencyJson(a.code(), a.name(), a.parent(), a.kind().code(),
                    a.fields().stream().sorted().map(Field::code).toList(), a.active());
        }
    }

    /** A refused file: the machine code, its Vietnamese text, and every row's problem. */
    @Serdeable
    record RefusedFile(String error, String message, List<AgencyChanges.Problem> errors) {
    }

    private final AgencyDirectory directory;
    private final AgencyFile files;
    private final AgencyChanges changes;
    private final Messages messages;

    AgencyDirectoryController(AgencyDirectory directory, AgencyFile files, AgencyChanges changes, Messages messages) {
        this.directory = directory;
        this.files = files;
        this.changes = changes;
        this.messages = messages;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Every agency of the directory, deactivated ones included, in the directory's order")
    List<AgencyJson> list() {
        return directory.withInactive().stream().map(AgencyJson::of).toList();
    }

    @Post(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Add and update agencies from a CSV (UTF-8) or XLSX file, multipart field file",
            description = "Columns Mã, Tên, Cấp trên, Loại (tinh | trung-tam | ubnd-xa | cong-an-xa), Lĩnh vực "
                    + "(field codes separated by ;). Checked as a whole and applied in one transaction: 200 "
                    + "{created, updated}; 400 agency_rows_invalid with errors [{row, message}] and nothing stored; "
                    + "400 agency_file_unreadable, agency_file_empty, agency_file_missing_columns, "
                    + "agency_file_too_many_rows, agency_file_too_large. Agencies not in the file are left as they are.")
    HttpResponse<?> upload(@Part("file") CompletedFileUpload file, Authentication authentication) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AgencyFile.Read read = files.read(file.getFilename(), bytes);
        try {
            return HttpResponse.ok(changes.apply(read.rows(), read.problems(), authentication.getName()));
        } catch (AgencyChanges.Rejected rejected) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new RefusedFile("agency_rows_invalid",
                    messages.get("error.agency_rows_invalid"), rejected.problems()));
        }
    }

    @Post(value = "/{code}/deactivate", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Deactivate an agency: offered nowhere new, still named on past records (409 "
            + "agency_has_active_children)")
    AgencyJson deactivate(@PathVariable String code, Authentication authentication) {
        return setActive(code, false, authentication);
    }

    @Post(value = "/{code}/activate", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Reactivate an agency (409 agency_parent_inactive)")
    AgencyJson activate(@PathVariable String code, Authentication authentication) {
        return setActive(code, true, authentication);
    }

    private AgencyJson setActive(String code, boolean active, Authentication authentication) {
        String normalised = AgencyChanges.normaliseCode(code);
        if (!AgencyDirectory.CODE.matcher(normalised).matches()) {
            throw Refusal.notFound("unknown_agency");
        }
        changes.setActive(normalised, active, authentication.getName());
        return directory.find(normalised).map(AgencyJson::of).orElseThrow(() -> Refusal.notFound("unknown_agency"));
    }

    @Get("/template.csv")
    @Produces("text/csv")
    @Operation(summary = "The directory's template, CSV with example rows")
    HttpResponse<byte[]> templateCsv() {
        return HttpResponse.ok(AgencyTemplate.csv())
                .header("Content-Disposition", "attachment; filename=\"mau-danh-ba-co-quan.csv\"");
    }

    @Get("/template.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The directory's template, XLSX with example rows")
    HttpResponse<byte[]> templateXlsx() {
        return HttpResponse.ok(AgencyTemplate.xlsx())
                .header("Content-Disposition", "attachment; filename=\"mau-danh-ba-co-quan.xlsx\"");
    }
}
