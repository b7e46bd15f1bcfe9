package vn.dvcassistant.app.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.security.Roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The editors' API: drafts, approval, history, restoring an old version. */
@Controller("/api/v1/admin/topics")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class TopicEditorController {

    private final TopicDrafts drafts;
    private final ContentStore store;
    private final Messages messages;

    TopicEditorController(TopicDrafts drafts, ContentStore store, Messages messages) {
        this.drafts = drafts;
        this.store = store;
        this.messages = messages;
    }

    /** A version as the API shows it; {@code changes} is the readable diff against the version before it. */
    @Serdeable
    record VersionView(String id, int version, String state, String author, @Nullable String reviewer, String origin,
                       Instant createdAt, @Nullable Instant publishedAt, List<String> changes) {
    }

    @Serdeable
    record TopicRefusal(String error, String message, Map<String, List<String>> fields) {
    }

    @Put("/{id}/draft")
    VersionView saveDraft(@PathVariable String id, @Body Map<String, Object> entry, Authentication who) {
        EntryVersion saved = drafts.saveDraft(id, entry, who.getName(), "editor");
        return view(saved, previousYaml(saved));
    }

    @Post("/{id}/approve")
    VersionView approve(@PathVariable String id, Authentication who) {
        EntryVersion published = drafts.approve(id, who.getName());
        return view(published, previousYaml(published));
    }

    @Post("/{id}/restore/{version}")
    VersionView restore(@PathVariable String id, @PathVariable int version, Authentication who) {
        EntryVersion draft = drafts.restore(id, version, who.getName());
        return view(draft, previousYaml(draft));
    }

    @Get("/{id}/history")
    List<VersionView> history(@PathVariable String id) {
        List<EntryVersion> versions = store.history(id);
        if (versions.isEmpty()) {
            throw Refusal.notFound("unknown_topic");
        }
        List<VersionView> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            String before = i + 1 < versions.size() ? versions.get(i + 1).yaml() : "";
            out.add(view(versions.get(i), before));
        }
        return out;
    }

    @Error(exception = TopicProblems.class)
    HttpResponse<TopicRefusal> invalid(TopicProblems problems) {
        return HttpResponse.<TopicRefusal>status(HttpStatus.BAD_REQUEST)
                .body(new TopicRefusal("invalid_topic", messages.get("error.invalid_topic"), problems.byField()));
    }

    private String previousYaml(EntryVersion version) {
        return store.history(version.entryId()).stream()
                .filter(v -> v.version() < version.version() && !EntryVersion.DRAFT.equals(v.state()))
                .findFirst().map(EntryVersion::yaml).orElse("");
    }

    private static VersionView view(EntryVersion v, String before) {
        return new VersionView(v.entryId(), v.version(), v.state(), v.author(), v.reviewer(), v.origin(), v.createdAt(),
                v.publishedAt(), LineDiff.of(before, v.yaml()));
    }
}
