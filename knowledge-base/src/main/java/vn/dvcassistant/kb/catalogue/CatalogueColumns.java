package vn.dvcassistant.kb.catalogue;

import java.util.List;

/** The catalogue file's columns, by their Vietnamese headers, in the template's order. */
public final class CatalogueColumns {

    public static final String CODE = "Mã thủ tục";
    public static final String NAME = "Tên thủ tục";
    public static final String FIELD = "Lĩnh vực";
    public static final String LEVEL = "Cấp thực hiện";
    public static final String AUTHORITY = "Cơ quan thực hiện";
    public static final String TIME = "Thời hạn giải quyết";
    public static final String FEE = "Phí, lệ phí";
    public static final String ONLINE = "Mức độ trực tuyến";
    public static final String LEGAL_BASIS = "Căn cứ pháp lý";
    /** Optional column. */
    public static final String URL = "Đường dẫn";

    public static final List<String> ALL = List.of(CODE, NAME, FIELD, LEVEL, AUTHORITY, TIME, FEE, ONLINE, LEGAL_BASIS, URL);
    public static final List<String> REQUIRED = ALL.subList(0, ALL.size() - 1);

    private CatalogueColumns() {
    }
}
