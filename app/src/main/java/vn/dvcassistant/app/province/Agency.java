package vn.dvcassistant.app.province;

import vn.dvcassistant.kb.Field;

import java.util.Set;

/**
 * A body that handles procedures and answers comments.
 *
 * @param fields the fields it handles; empty means every field (a commune People's Committee)
 */
public record Agency(String code, String name, Set<Field> fields) {

    public Agency {
        fields = Set.copyOf(fields);
    }

    public boolean handles(Field field) {
        return fields.isEmpty() || fields.contains(field);
    }
}
