package vn.dvcassistant.kb.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up catalogue of the size a province handles (tests and benchmarks only): names composed from
 * real-sounding actions and objects, codes in a range no real procedure uses (9.9xxxxx), blank fees and
 * times (a catalogue row never says more than its file). Deterministic for a seed.
 */
public final class SyntheticCatalogue {

    private static final String[] ACTIONS = {"Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi",
            "Đăng ký", "Xác nhận", "Công nhận", "Thẩm định", "Phê duyệt", "Chấp thuận", "Thông báo", "Cho phép"};
    private static final String[] OBJECTS = {"giấy phép hoạt động", "chứng chỉ hành nghề", "giấy chứng nhận đủ điều kiện",
            "quyết định thành lập", "giấy phép khai thác", "giấy phép vận chuyển", "giấy xác nhận", "văn bằng",
            "giấy phép tổ chức lễ hội", "giấy phép biểu diễn", "chứng nhận cơ sở", "giấy phép sử dụng tần số",
            "giấy phép môi trường", "giấy phép nuôi trồng", "chứng nhận an toàn thực phẩm", "giấy phép quảng cáo"};
    private static final String[] SUBJECTS = {"cơ sở bán lẻ thuốc", "trung tâm ngoại ngữ", "cơ sở karaoke",
            "phòng khám tư nhân", "cơ sở giết mổ gia súc", "đại lý xăng dầu", "tàu cá", "cơ sở in", "nhà thuốc",
            "cơ sở dạy nghề", "bến thủy nội địa", "cửa hàng vàng bạc", "hợp tác xã", "trang trại", "cơ sở lưu trú du lịch",
            "thư viện tư nhân", "cơ sở thể thao", "rạp chiếu phim", "cơ sở sản xuất phân bón", "kho hóa chất",
            "mỏ cát", "giàn giáo xây dựng", "câu lạc bộ võ thuật", "cơ sở trợ giúp xã hội", "cảng cá"};
    private static final String[] FIELDS = {"Y tế", "Giáo dục và Đào tạo", "Văn hóa", "Thủy sản", "Công thương",
            "Tài nguyên và Môi trường", "Nông nghiệp", "Xây dựng", "Đường thủy nội địa", "Du lịch", "Hộ tịch", "Đất đai"};
    private static final String[] LEVELS = {"Cấp tỉnh", "Cấp xã"};
    private static final String[] ONLINE = {"toàn trình", "một phần", "không"};

    private SyntheticCatalogue() {
    }

    public static List<CatalogueRow> rows(int count, long seed) {
        Random random = new Random(seed);
        List<CatalogueRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = ACTIONS[random.nextInt(ACTIONS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)]
                    + " cho " + SUBJECTS[random.nextInt(SUBJECTS.length)];
            String fieldName = FIELDS[random.nextInt(FIELDS.length)];
            String code = String.format("9.9%05d", i);
            rows.add(new CatalogueRow(code, name, fieldName, CatalogueFields.of(fieldName).orElse(vn.dvcassistant.kb.Field.DVC_CHUNG),
                    LEVELS[random.nextInt(LEVELS.length)], "Sở " + fieldName, "", "", ONLINE[random.nextInt(ONLINE.length)],
                    "", ""));
        }
        return rows;
    }

    /** The same rows as a CSV file with the template's header, for upload tests and the bench. */
    public static String csv(int count, long seed) {
        StringBuilder out = new StringBuilder(CatalogueCsv.line(CatalogueColumns.ALL)).append('\n');
        for (CatalogueRow r : rows(count, seed)) {
            out.append(CatalogueCsv.line(List.of(r.code(), r.name(), r.fieldName(), r.level(), r.authority(),
                    r.processingTime(), r.fee(), r.online(), r.legalBasis(), r.officialUrl()))).append('\n');
        }
        return out.toString();
    }
}
