package vn.dvcassistant.kb.catalogue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.VietnameseText;

/**
 * The names a catalogue uses in {@code Lĩnh vực} and the field each maps to (the table in the README).
 * Matched without case or diacritics; a field's own code and label are accepted too.
 */
public final class CatalogueFields {

    /** Catalogue field name → field. Kept in the README's table; change both together. */
    public static final Map<String, Field> NAMES = names();

    private CatalogueFields() {
    }

    private static Map<String, Field> names() {
        Map<String, Field> m = new LinkedHashMap<>();
        m.put("Hộ tịch", Field.HO_TICH);
        m.put("Nuôi con nuôi", Field.HO_TICH);
        m.put("Cư trú", Field.CU_TRU);
        m.put("Đăng ký, quản lý cư trú", Field.CU_TRU);
        m.put("Căn cước", Field.CU_TRU);
        m.put("Cấp, quản lý căn cước", Field.CU_TRU);
        m.put("Xuất nhập cảnh", Field.CU_TRU);
        m.put("Tư pháp", Field.TU_PHAP);
        m.put("Lý lịch tư pháp", Field.TU_PHAP);
        m.put("Chứng thực", Field.TU_PHAP);
        m.put("Đất đai", Field.DAT_DAI);
        m.put("Xây dựng", Field.XAY_DUNG);
        m.put("Hoạt động xây dựng", Field.XAY_DUNG);
        m.put("Đầu tư", Field.DAU_TU);
        m.put("Đầu tư tại Việt Nam", Field.DAU_TU);
        m.put("Kinh doanh", Field.KINH_DOANH);
        m.put("Thành lập và hoạt động của doanh nghiệp", Field.KINH_DOANH);
        m.put("Thành lập và hoạt động của hộ kinh doanh", Field.KINH_DOANH);
        m.put("Giao thông", Field.GIAO_THONG);
        m.put("Đường bộ", Field.GIAO_THONG);
        m.put("Đăng ký, quản lý phương tiện giao thông", Field.GIAO_THONG);
        m.put("Lao động", Field.LAO_DONG);
        m.put("Việc làm", Field.LAO_DONG);
        m.put("Bảo trợ xã hội", Field.LAO_DONG);
        m.put("Người có công", Field.LAO_DONG);
        m.put("Bảo hiểm xã hội", Field.BHXH_BHYT);
        m.put("Bảo hiểm y tế", Field.BHXH_BHYT);
        m.put("Thuế", Field.THUE);
        m.put("Giáo dục và Đào tạo", Field.GIAO_DUC);
        m.put("Giáo dục", Field.GIAO_DUC);
        m.put("Thi, tuyển sinh", Field.GIAO_DUC);
        for (Field field : Field.values()) {
            m.putIfAbsent(field.label(), field);
        }
        return Map.copyOf(m);
    }

    /** The field a catalogue name maps to, or empty when the name is not in the table. */
    public static Optional<Field> of(String name) {
        String key = fold(name);
        for (Map.Entry<String, Field> e : NAMES.entrySet()) {
            if (fold(e.getKey()).equals(key) || e.getValue().code().equals(key)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        return VietnameseText.fold(s == null ? "" : s).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
