package vn.dvcassistant.app.knowledge;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import vn.dvcassistant.kb.KnowledgeBase;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Down when no topic is loaded: the assistant could only answer "I don't know". */
@Singleton
final class KnowledgeBaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final KnowledgeBase knowledgeBase;

    KnowledgeBaseHealthIndicator(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        int topics = knowledgeBase.topics().size();
        healthStatus = topics > 0 ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topics", topics);
        details.put("staleTopics", knowledgeBase.staleOn(LocalDate.now()).size());
        details.put("loadedAt", knowledgeBase.loadedAt().toString());
        return details;
    }

    @Override
    protected String getName() {
        return "knowledgeBase";
    }
}
