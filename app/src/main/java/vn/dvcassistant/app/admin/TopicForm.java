package vn.dvcassistant.app.admin;

import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.OnlineLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor form of one entry: a control for every field of the YAML layout, and the conversion between the
 * form's texts (lists one item a line) and the entry as the loader reads it. The rules stay in the loader.
 */
final class TopicForm {

    /** One control: its YAML name, how it is entered, and the choices of a select. */
    record Control(String name, String kind, List<Option> options) {
        boolean lines() {
            return "lines".equals(kind);
        }
    }

    record Option(String value, String label) {
    }

    static final List<String> LIST_FIELDS = List.of("steps", "documents", "legal_basis", "questions", "keywords",
            "sources", "procedure_codes");

    static final List<Control> CONTROLS = List.of(
            new Control("title", "text", List.of()),
            new Control("kind", "select", List.of(new Option("procedure", "Thủ tục"), new Option("information", "Thông tin"))),
            new Control("field", "select", Arrays.stream(Field.values()).map(f -> new Option(f.code(), f.label())).toList()),
            new Control("short", "long", List.of()),
            new Control("summary", "long", List.of()),
            new Control("steps", "lines", List.of()),
            new Control("documents", "lines", List.of()),
            new Control("authority", "text", List.of()),
            new Control("online", "select", onlineOptions()),
            new Control("fee", "long", List.of()),
            new Control("processing_time", "long", List.of()),
            new Control("legal_basis", "lines", List.of()),
            new Control("official_url", "text", List.of()),
            new Control("procedure_codes", "lines", List.of()),
            new Control("questions", "lines", List.of()),
            new Control("keywords", "lines", List.of()),
            new Control("sources", "lines", List.of()),
            new Control("reviewed", "date", List.of()),
            new Control("review_by", "date", List.of()));

    private TopicForm() {
    }

    private static List<Option> onlineOptions() {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "—"));
        for (OnlineLevel level : OnlineLevel.values()) {
            out.add(new Option(level.label(), level.label()));
        }
        return out;
    }

    /**
     * The entry from the form: blank fields left out (the loader says which ones it needs), lists split by
     * line, "procedure" (the default kind) not written, so a form save of an unchanged entry changes nothing.
     */
    static Map<String, Object> entry(Map<String, String> form) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (Control control : CONTROLS) {
            String value = form.getOrDefault(control.name(), "").replace("\r\n", "\n").strip();
            if (control.lines()) {
                // Lists the layout always has are written even when empty; only the codes are optional.
                List<String> items = value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
                if (!items.isEmpty() || !"procedure_codes".equals(control.name())) {
                    entry.put(control.name(), items);
                }
            } else if (value.isEmpty() || ("kind".equals(control.name()) && "procedure".equals(value))) {
                continue;
            } else {
                entry.put(control.name(), value);
            }
        }
        return entry;
    }

    /** The form's texts of a stored entry. */
    static Map<String, String> texts(Map<String, Object> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (Control control : CONTROLS) {
            Object value = fields.get(control.name());
            if (value instanceof List<?> items) {
                form.put(control.name(), String.join("\n", items.stream().map(String::valueOf).toList()));
            } else {
                form.put(control.name(), value == null ? "" : String.valueOf(value));
            }
        }
        if (form.get("kind").isEmpty()) {
            form.put("kind", "procedure");
        }
        return form;
    }
}
