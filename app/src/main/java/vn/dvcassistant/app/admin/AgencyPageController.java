package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
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
import vn.dvcassistant.app.api.RefusalHandler;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.agencies.AgencyChanges;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyDraft;
import vn.dvcassistant.app.agencies.AgencyFile;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.Folding;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.kb.Field;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agency directory's page (admins): search the list (a province has up to about a hundred communes, each with
 * its People's Committee and police), add an agency, edit one, deactivate or reactivate it, upload a file.
 */
@Controller("/quan-tri/co-quan")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
final class AgencyPageController {

    private static final String PAGE = "/quan-tri/co-quan";
    private static final Set<String> DONE = Set.of("added", "saved", "deactivated", "activated", "uploaded");

    /** One agency as the list shows it. */
    record Line(Agency agency, String kind, @Nullable String parentName, String fields) {
    }

    private final AgencyDirectory directory;
    private final AgencyChanges changes;
    private final AgencyFile files;
    private final PageText text;
    private final Messages messages;

    AgencyPageController(AgencyDirectory directory, AgencyChanges changes, AgencyFile files, PageText text,
                         Messages messages) {
        this.directory = directory;
        this.changes = changes;
        this.files = files;
        this.text = text;
        this.messages = messages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(Authentication authentication, @Nullable @QueryValue("q") String query,
                                           @Nullable @QueryValue("loai") String kind,
                                           @Nullable @QueryValue("xong") String done) {
        Map<String, Object> model = listModel(authentication, query, kind);
        if (done != null && DONE.contains(done)) {
            model.put("notice", messages.get("admin.agencies.done." + done));
        }
        return new ModelAndView<>("admin/agencies", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> add(Authentication authentication, @Body Map<String, Object> form) {
        String code = AgencyChanges.normaliseCode(single(form, "code"));
        if (code != null && directory.find(code).isPresent()) {
            return listError(authentication, messages.get("error.agency_code_taken", code));
        }
        try {
            changes.apply(List.of(new AgencyChanges.Row(0, draft(code, form))), List.of(), authentication.getName());
            return HttpResponse.seeOther(URI.create(PAGE + "?xong=added&q=" + URLEncoder.encode(code, StandardCharsets.UTF_8)));
        } catch (AgencyChanges.Rejected rejected) {
            return listError(authentication, rejected.problems().get(0).message());
        }
    }

    @Post(value = "/tai-len", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(Authentication authentication, @Part("file") CompletedFileUpload file) throws IOException {
        try {
            AgencyFile.Read read = files.read(file.getFilename(), file.getBytes());
            AgencyChanges.Applied applied = changes.apply(read.rows(), read.problems(), authentication.getName());
            Map<String, Object> model = listModel(authentication, null, null);
            model.put("notice", messages.get("admin.agencies.uploaded", applied.created(), applied.updated()));
            return HttpResponse.ok(new ModelAndView<>("admin/agencies", model));
        } catch (AgencyChanges.Rejected rejected) {
            Map<String, Object> model = listModel(authentication, null, null);
            model.put("error", messages.get("error.agency_rows_invalid"));
            model.put("problems", rejected.problems());
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/agencies", model));
        } catch (Refusal refused) {
            return listError(authentication, messages.get("error." + refused.code()));
        }
    }

    @Get("/{code}")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> edit(Authentication authentication, @PathVariable String code) {
        Agency agency = known(code);
        return HttpResponse.ok(new ModelAndView<>("admin/agency", editModel(authentication, agency, null)));
    }

    @Post(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> save(Authentication authentication, @PathVariable String code, @Body Map<String, Object> form) {
        Agency agency = known(code);
        try {
            changes.apply(List.of(new AgencyChanges.Row(0, draft(agency.code(), form))), List.of(), authentication.getName());
            return HttpResponse.seeOther(URI.create(PAGE + "?xong=saved&q=" + URLEncoder.encode(agency.code(), StandardCharsets.UTF_8)));
        } catch (AgencyChanges.Rejected rejected) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/agency",
                    editModel(authentication, agency, rejected.problems().get(0).message())));
        }
    }

    @Post(value = "/{code}/ngung", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> deactivate(Authentication authentication, @PathVariable String code) {
        return setActive(authentication, code, false);
    }

    @Post(value = "/{code}/dung-lai", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> activate(Authentication authentication, @PathVariable String code) {
        return setActive(authentication, code, true);
    }

    private HttpResponse<?> setActive(Authentication authentication, String code, boolean active) {
        Agency agency = known(code);
        try {
            changes.setActive(agency.code(), active, authentication.getName());
            return HttpResponse.seeOther(URI.create(PAGE + "?xong=" + (active ? "activated" : "deactivated") + "&q="
                    + URLEncoder.encode(agency.code(), StandardCharsets.UTF_8)));
        } catch (Refusal refused) {
            return HttpResponse.status(RefusalHandler.status(refused)).body(new ModelAndView<>("admin/agencies",
                    withError(listModel(authentication, agency.code(), null), messages.get("error." + refused.code()))));
        }
    }

    private Agency known(String code) {
        String normalised = AgencyChanges.normaliseCode(code);
        return directory.find(normalised).orElseThrow(() -> Refusal.notFound("unknown_agency"));
    }

    private AgencyDraft draft(@Nullable String code, Map<String, Object> form) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (String f : many(form, "fields")) {
            Field.fromCode(f).ifPresent(fields::add);
        }
        String parent = AgencyChanges.normaliseCode(single(form, "parent"));
        String kind = single(form, "kind");
        return new AgencyDraft(code == null ? "" : code, single(form, "name") == null ? "" : single(form, "name"),
                parent == null || parent.isEmpty() ? null : parent,
                kind == null ? null : AgencyKind.fromCode(kind).orElse(null), fields);
    }

    private HttpResponse<?> listError(Authentication authentication, String error) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/agencies",
                withError(listModel(authentication, null, null), error)));
    }

    private static Map<String, Object> withError(Map<String, Object> model, String error) {
        model.put("error", error);
        return model;
    }

    private Map<String, Object> listModel(Authentication authentication, @Nullable String query, @Nullable String kind) {
        Map<String, Object> model = common(authentication);
        String folded = Folding.fold(query);
        AgencyKind wanted = kind == null ? null : AgencyKind.fromCode(kind).orElse(null);
        List<Agency> all = directory.withInactive();
        List<Line> lines = all.stream()
                .filter(a -> wanted == null || a.kind() == wanted)
                .filter(a -> folded.isEmpty() || Folding.fold(a.name()).contains(folded) || Folding.fold(a.code()).contains(folded))
                .map(this::line).toList();
        model.put("lines", lines);
        model.put("total", all.size());
        model.put("query", query == null ? "" : query);
        model.put("kindFilter", wanted == null ? "" : wanted.code());
        model.put("problems", List.of());
        return model;
    }

    private Line line(Agency a) {
        String parentName = a.parent() == null ? null : directory.find(a.parent()).map(Agency::name).orElse(a.parent());
        String fields = a.fields().isEmpty() ? messages.get("admin.agencies.everyField")
                : a.fields().stream().sorted().map(Field::label).collect(Collectors.joining("; "));
        return new Line(a, a.kind().label(), parentName, fields);
    }

    private Map<String, Object> editModel(Authentication authentication, Agency agency, @Nullable String error) {
        Map<String, Object> model = common(authentication);
        model.put("agency", agency);
        model.put("error", error);
        // A deactivated parent stays offered, so that saving the form does not drop it.
        if (agency.parent() != null && directory.findActive(agency.parent()).isEmpty()) {
            List<Agency> parents = new java.util.ArrayList<>(directory.all());
            directory.find(agency.parent()).ifPresent(parents::add);
            model.put("parents", parents);
        }
        return model;
    }

    private Map<String, Object> common(Authentication authentication) {
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        model.put("kinds", List.of(AgencyKind.values()));
        model.put("fieldChoices", List.of(Field.values()));
        model.put("parents", directory.all());
        model.put("notice", null);
        model.put("error", null);
        return model;
    }

    private static @Nullable String single(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> many(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).filter(v -> !v.isBlank()).toList();
        }
        return value == null || String.valueOf(value).isBlank() ? List.of() : List.of(String.valueOf(value));
    }
}
