package vn.dvcassistant.kb;

import java.util.Arrays;
import java.util.Optional;

/** Fields of public administration, as coded in content files and in satisfaction statistics. */
public enum Field {
    HO_TICH("ho-tich", "Hộ tịch"),
    CU_TRU("cu-tru", "Cư trú và giấy tờ tùy thân"),
    TU_PHAP("tu-phap", "Tư pháp"),
    DAT_DAI("dat-dai", "Đất đai"),
    XAY_DUNG("xay-dung", "Xây dựng"),
    DAU_TU("dau-tu", "Đầu tư"),
    KINH_DOANH("kinh-doanh", "Kinh doanh"),
    GIAO_THONG("giao-thong", "Giao thông"),
    LAO_DONG("lao-dong", "Lao động và trợ cấp xã hội"),
    BHXH_BHYT("bhxh-bhyt", "Bảo hiểm xã hội, bảo hiểm y tế"),
    THUE("thue", "Thuế"),
    GIAO_DUC("giao-duc", "Giáo dục"),
    DVC_CHUNG("dvc-chung", "Sử dụng dịch vụ công trực tuyến");

    private final String code;
    private final String label;

    Field(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Vietnamese name shown to citizens and agencies. */
    public String label() {
        return label;
    }

    public static Optional<Field> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
