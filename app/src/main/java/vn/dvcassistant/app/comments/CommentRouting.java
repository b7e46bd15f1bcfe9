package vn.dvcassistant.app.comments;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.kb.Field;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Decides which agency answers a comment, from its field (see {@link CommentSettings#routing()}). */
@Singleton
public final class CommentRouting {

    private final Map<Field, Agency> byField = new EnumMap<>(Field.class);

    public CommentRouting(CommentSettings settings, AgencyDirectory agencies) {
        Agency fallback = null;
        if (settings.defaultAgency() != null && !settings.defaultAgency().isBlank()) {
            fallback = agencies.find(settings.defaultAgency()).orElseThrow(() -> new ConfigurationException(
                    "dvc.feedback.comments.default-agency: unknown agency " + settings.defaultAgency()));
        }
        for (Map.Entry<String, String> route : settings.routing().entrySet()) {
            Field field = Field.fromCode(route.getKey()).orElseThrow(() -> new ConfigurationException(
                    "dvc.feedback.comments.routing: unknown field " + route.getKey()));
            byField.put(field, agencies.find(route.getValue()).orElseThrow(() -> new ConfigurationException(
                    "dvc.feedback.comments.routing." + route.getKey() + ": unknown agency " + route.getValue())));
        }
        for (Field field : Field.values()) {
            if (!byField.containsKey(field)) {
                List<Agency> handling = agencies.handling(field).stream().filter(a -> !a.fields().isEmpty()).toList();
                Agency chosen = !handling.isEmpty() ? handling.get(0) : fallback;
                if (chosen == null) {
                    throw new ConfigurationException("No agency answers comments about " + field.code()
                            + ": set dvc.feedback.comments.default-agency or a route for it");
                }
                byField.put(field, chosen);
            }
        }
    }

    public Agency agencyFor(Field field) {
        return byField.get(field);
    }
}
