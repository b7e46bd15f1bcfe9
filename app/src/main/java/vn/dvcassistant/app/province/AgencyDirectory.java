package vn.dvcassistant.app.province;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import vn.dvcassistant.kb.Field;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The agencies of the province, from {@code dvc.agencies}, in configuration order. */
@Singleton
public final class AgencyDirectory {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final Map<String, Agency> byCode = new LinkedHashMap<>();

    public AgencyDirectory(List<AgencyProperties> entries) {
        // A wrong field code or a duplicate agency in the configuration must stop the start, not
        // silently drop ratings later.
        for (AgencyProperties entry : entries.stream().sorted(Comparator.comparingInt(AgencyProperties::getIndex)).toList()) {
            String code = entry.getCode();
            if (code == null || !CODE.matcher(code).matches()) {
                throw new ConfigurationException("dvc.agencies[" + entry.getIndex() + "].code must be 1-32 letters, digits, - or _");
            }
            if (entry.getName() == null || entry.getName().isBlank()) {
                throw new ConfigurationException("dvc.agencies[" + entry.getIndex() + "].name is missing");
            }
            Set<Field> fields = new LinkedHashSet<>();
            for (String f : entry.getFields()) {
                fields.add(Field.fromCode(f).orElseThrow(() -> new ConfigurationException(
                        "dvc.agencies[" + entry.getIndex() + "].fields: unknown field " + f)));
            }
            if (byCode.put(code, new Agency(code, entry.getName(), fields)) != null) {
                throw new ConfigurationException("dvc.agencies: code " + code + " appears twice");
            }
        }
    }

    public Optional<Agency> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<Agency> all() {
        return List.copyOf(byCode.values());
    }

    /** Agencies that handle procedures of {@code field}, in configuration order. */
    public List<Agency> handling(Field field) {
        return byCode.values().stream().filter(a -> a.handles(field)).toList();
    }
}
