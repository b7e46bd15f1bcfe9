package vn.dvcassistant.kb.catalogue;

import vn.dvcassistant.kb.Field;

/**
 * One procedure of the province's catalogue, as an editor uploaded it. Blank texts are facts the
 * catalogue does not give; nothing is filled in for them.
 *
 * @param code          the procedure code (mã thủ tục), e.g. {@code 1.012786}; blank when the file gives none
 * @param fieldName     the field as written in the file ("Hộ tịch")
 * @param field         the field it maps to ({@link Field#DVC_CHUNG} when the name is unknown)
 * @param online        "toàn trình", "một phần", "không" or blank
 * @param officialUrl   the procedure's page as an editor checked it, or blank; never built from the code
 */
public record CatalogueRow(
        String code,
        String name,
        String fieldName,
        Field field,
        String level,
        String authority,
        String processingTime,
        String fee,
        String online,
        String legalBasis,
        String officialUrl) {

    /**
     * The entry id: {@code tthc-} + the code with dots replaced by dashes; for a row without a code,
     * {@code tthc-} + its name written as a slug.
     */
    public String topicId() {
        return CatalogueTopics.keyOf(code, name);
    }
}
