package vn.dvcassistant.kb.catalogue;

import java.time.LocalDate;
import java.util.List;
import vn.dvcassistant.kb.OnlineLevel;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.TopicKind;

/**
 * Catalogue rows as searchable entries. Such an entry holds only what the catalogue gives (name, code,
 * where, time, fee, online level, legal basis, the checked link); its ways of asking are made from the
 * procedure's name, so a curated entry, written with the ways citizens really ask, wins its questions.
 */
public final class CatalogueTopics {

    public static final String ID_PREFIX = "tthc-";
    public static final String SOURCE = "Danh mục thủ tục hành chính của tỉnh (tệp do biên tập viên tải lên)";
    /** A catalogue entry is looked at again when the catalogue is next imported; a year at the latest. */
    private static final int REVIEW_MONTHS = 12;

    private CatalogueTopics() {
    }

    public static String idOf(String code) {
        return ID_PREFIX + code.strip().replace('.', '-');
    }

    /** The entry id of a row: by its code, or by its name when it has no code. */
    public static String keyOf(String code, String name) {
        if (!code.isBlank()) {
            return idOf(code);
        }
        String slug = vn.dvcassistant.kb.VietnameseText.fold(name).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return ID_PREFIX + (slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug);
    }

    public static boolean isCatalogue(Topic topic) {
        return topic.id().startsWith(ID_PREFIX);
    }

    /** @param updatedOn the day the row was last imported (its "Cập nhật" date) */
    public static Topic toTopic(CatalogueRow row, LocalDate updatedOn) {
        String name = row.name();
        List<String> questions = List.of(name, "thủ tục " + name, name + " cần giấy tờ gì", "làm " + name + " ở đâu");
        List<String> legal = row.legalBasis().isEmpty() ? List.of()
                : List.of(row.legalBasis().split("\\s*[;\\n]\\s*"));
        StringBuilder summary = new StringBuilder(name);
        if (!row.code().isEmpty()) {
            summary.append(" (mã thủ tục ").append(row.code()).append(')');
        }
        if (!row.level().isEmpty()) {
            summary.append(", cấp thực hiện: ").append(row.level());
        }
        summary.append('.');
        List<String> keywords = row.code().isEmpty() ? List.of() : List.of(row.code());
        return new Topic(row.topicId(), name, row.field(), row.authority(),
                OnlineLevel.fromLabel(row.online()).orElse(null), summary.toString(), List.of(), List.of(),
                row.fee(), row.processingTime(), legal, row.officialUrl().isEmpty() ? null : row.officialUrl(),
                questions, keywords, List.of(SOURCE), updatedOn, updatedOn.plusMonths(REVIEW_MONTHS),
                TopicKind.PROCEDURE, null, keywords);
    }
}
