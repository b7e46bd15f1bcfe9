package vn.dvcassistant.app.province;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.kb.Field;

import java.util.Set;

/**
 * An agency as an admin typed it (a row of an uploaded file or the page's form), before it is checked.
 *
 * @param kind   null keeps an existing agency's kind; a new one is then a province agency
 * @param fields empty means every field
 */
public record AgencyDraft(String code, String name, @Nullable String parent, @Nullable AgencyKind kind,
                          Set<Field> fields) {

    public AgencyDraft {
        fields = Set.copyOf(fields);
    }
}
