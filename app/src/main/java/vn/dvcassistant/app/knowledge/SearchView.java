package vn.dvcassistant.app.knowledge;

import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.kb.SearchResult;

import java.util.List;
import java.util.Locale;

/** A search result for the API: outcome in lower case, hits with their calibrated confidence. */
@Serdeable
public record SearchView(String query, String outcome, double confidence, List<Hit> hits) {

    @Serdeable
    public record Hit(String id, String title, String field, double confidence) {
    }

    public static SearchView of(SearchResult result) {
        return new SearchView(result.query(), result.outcome().name().toLowerCase(Locale.ROOT), result.confidence(),
                result.hits().stream()
                        .map(h -> new Hit(h.topic().id(), h.topic().title(), h.topic().field().code(), h.confidence()))
                        .toList());
    }
}
