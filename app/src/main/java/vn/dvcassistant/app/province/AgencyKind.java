package vn.dvcassistant.app.province;

import java.util.Arrays;
import java.util.Optional;

/**
 * What sort of body an agency is: the rating's "where was it done" question offers one choice per kind, and a
 * commune-level kind is where a citizen's commune matters (routing, subscriptions).
 */
public enum AgencyKind {
    PROVINCE("tinh", "Cơ quan cấp tỉnh"),
    SERVICE_CENTRE("trung-tam", "Trung tâm phục vụ hành chính công"),
    COMMUNE_COMMITTEE("ubnd-xa", "UBND xã/phường"),
    COMMUNE_POLICE("cong-an-xa", "Công an xã/phường");

    private final String code;
    private final String label;

    AgencyKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** How staff and citizens read it (also accepted in the file's Loại column). */
    public String label() {
        return label;
    }

    /** A body of one commune (ward, special zone), as opposed to the province. */
    public boolean communeLevel() {
        return this == COMMUNE_COMMITTEE || this == COMMUNE_POLICE;
    }

    public static Optional<AgencyKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** A code or a label as typed in a file, with or without diacritics. */
    public static Optional<AgencyKind> fromText(String text) {
        String folded = Folding.fold(text);
        return Arrays.stream(values())
                .filter(k -> k.code.equals(folded) || Folding.fold(k.label).equals(folded)).findFirst();
    }
}
