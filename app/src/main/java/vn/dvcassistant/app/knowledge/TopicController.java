package vn.dvcassistant.app.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.kb.KnowledgeBase;

import java.util.List;

@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Knowledge base")
final class TopicController {

    private static final int MAX_QUERY_LENGTH = 2000;
    private static final int SEARCH_HITS = 5;

    private final KnowledgeBase knowledgeBase;

    TopicController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Get("/topics")
    @Operation(summary = "All topics: id, title, field code, online level")
    List<TopicSummary> topics() {
        return knowledgeBase.topics().stream().map(TopicSummary::of).toList();
    }

    @Get("/topics/{id}")
    @Operation(summary = "One knowledge-base entry; 404 with the error JSON when the id is unknown")
    TopicView topic(@PathVariable String id) {
        return knowledgeBase.topic(id).map(TopicView::of)
                .orElseThrow(() -> Refusal.notFound("unknown_topic"));
    }

    @Get("/search")
    @Operation(summary = "Ranked topics for a question, with calibrated confidence and the outcome")
    SearchView search(@Nullable @QueryValue String q) {
        if (q == null || q.isBlank()) {
            throw Refusal.invalid("missing_query");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw Refusal.invalid("query_too_long");
        }
        return SearchView.of(knowledgeBase.search(q, SEARCH_HITS));
    }
}
