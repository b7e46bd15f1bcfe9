package vn.dvcassistant.app.province;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.kb.Field;

import java.util.Set;

/**
 * A body that handles procedures and answers comments, as the province's directory lists it.
 *
 * @param parent the agency it reports to (a commune's police to the province police), or null
 * @param fields the fields it handles; empty means every field (a commune People's Committee)
 * @param active false once deactivated: still named on past ratings and comments, offered nowhere new
 */
public record Agency(String code, String name, @Nullable String parent, AgencyKind kind, Set<Field> fields,
                     boolean active) {

    public Agency {
        fields = Set.copyOf(fields);
    }

    public boolean handles(Field field) {
        return fields.isEmpty() || fields.contains(field);
    }
}
