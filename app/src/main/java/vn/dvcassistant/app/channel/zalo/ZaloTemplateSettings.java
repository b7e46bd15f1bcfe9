package vn.dvcassistant.app.channel.zalo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The template message (ZNS / ZBS template) a province had approved to tell a citizen that their comment
 * has an answer, used when the chat window is closed (section {@code channels.zalo.template}).
 *
 * @param id     ZALO_TEMPLATE_ID, the approved template's id; blank: no template, answers wait for the citizen
 * @param fields ZALO_TEMPLATE_FIELDS, the template's parameters and what goes in each, as
 *               {@code param:value,param:value} with value one of {@link #VALUES}, e.g.
 *               {@code ma_gop_y:code,co_quan:agency,ngay:date,lien_ket:link}
 */
@ConfigurationProperties("channels.zalo.template")
public record ZaloTemplateSettings(@Nullable String id, @Nullable String fields) {

    /** code: GY-XXXXXX; agency: the agency's name; date: the day of the message, dd/mm/yyyy; link: tracking page. */
    public static final Set<String> VALUES = Set.of("code", "agency", "date", "link");

    public ZaloTemplateSettings {
        parse(fields); // a wrong value fails at start, not when the first answer is due
    }

    public boolean configured() {
        return id != null && !id.isBlank();
    }

    /** Template parameter to one of {@link #VALUES}, in the configured order. */
    public Map<String, String> parameters() {
        return parse(fields);
    }

    private static Map<String, String> parse(@Nullable String fields) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (fields == null || fields.isBlank()) {
            return parameters;
        }
        for (String pair : fields.split(",")) {
            String[] parts = pair.split(":", 2);
            String value = parts.length == 2 ? parts[1].strip() : "";
            if (parts[0].isBlank() || !VALUES.contains(value)) {
                throw new IllegalArgumentException("ZALO_TEMPLATE_FIELDS: '" + pair.strip() + "' must be param:value with "
                        + "value one of " + VALUES);
            }
            parameters.put(parts[0].strip(), value);
        }
        return parameters;
    }
}
