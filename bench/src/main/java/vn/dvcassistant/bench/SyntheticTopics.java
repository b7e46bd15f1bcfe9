package vn.dvcassistant.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.OnlineLevel;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.TopicKind;

/**
 * Generates a large knowledge base of plausible (not real) Vietnamese procedure entries: an action
 * on a document, for a kind of applicant, in a sector, with questions, keywords and a summary built
 * from the same vocabulary, so that postings lists and term statistics resemble real content at scale.
 */
final class SyntheticTopics {

    private static final String[] ACTIONS = {
        "Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi", "Xác nhận", "Đăng ký",
        "Đăng ký thay đổi", "Thông báo", "Chứng thực", "Công nhận", "Phê duyệt", "Thẩm định", "Hủy bỏ",
        "Bổ sung", "Chấm dứt", "Tạm ngừng", "Khai báo", "Xóa đăng ký"};
    private static final String[] OBJECTS = {
        "giấy phép kinh doanh rượu", "giấy chứng nhận đủ điều kiện an toàn thực phẩm", "chứng chỉ hành nghề y",
        "giấy phép lái tàu", "thẻ hướng dẫn viên du lịch", "giấy phép khai thác nước mặt",
        "giấy chứng nhận đăng ký hợp tác xã", "giấy phép hoạt động karaoke", "chứng chỉ hành nghề dược",
        "giấy phép xả thải", "giấy chứng nhận cơ sở giáo dục", "giấy phép biểu diễn nghệ thuật",
        "giấy phép quảng cáo ngoài trời", "giấy chứng nhận kiểm định xe", "thẻ bảo hiểm", "sổ lao động",
        "giấy phép lao động cho người nước ngoài", "giấy chứng nhận quyền tác giả", "giấy phép nhập khẩu thuốc",
        "giấy chứng nhận đăng ký tàu cá", "giấy phép thành lập thư viện", "giấy phép xây dựng công trình",
        "quyết định giao đất", "giấy phép khai thác khoáng sản", "giấy chứng nhận trang trại",
        "giấy phép vận tải", "phù hiệu xe tải", "giấy phép tổ chức sự kiện", "thẻ nhà báo",
        "giấy chứng nhận nhà đầu tư", "giấy phép bán lẻ xăng dầu", "chứng nhận hộ nghèo"};
    private static final String[] APPLICANTS = {
        "cho cá nhân", "cho doanh nghiệp", "cho hộ kinh doanh", "cho hợp tác xã", "cho người nước ngoài",
        "cho tổ chức", "cho người cao tuổi", "cho người khuyết tật", "cho học sinh", "cho chủ đầu tư"};
    private static final String[] LEVELS = {
        "cấp xã", "cấp tỉnh", "cấp trung ương", "tại Bộ phận Một cửa", "trên Cổng Dịch vụ công", "qua bưu chính"};
    private static final String[] SECTORS = {
        "y tế", "du lịch", "nông nghiệp", "tài nguyên môi trường", "công thương", "giao thông vận tải",
        "văn hóa thể thao", "thông tin truyền thông", "lao động thương binh", "khoa học công nghệ",
        "giáo dục đào tạo", "xây dựng", "tài chính", "tư pháp", "nội vụ"};
    private static final String[] ASK = {
        "%s ở đâu", "%s cần giấy tờ gì", "%s mất bao lâu", "%s có mất phí không", "làm %s online được không",
        "thủ tục %s như thế nào", "%s hết bao nhiêu tiền", "hồ sơ %s gồm những gì"};
    private static final String[] SENTENCES = {
        "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, đăng nhập bằng tài khoản VNeID.",
        "Cơ quan tiếp nhận kiểm tra hồ sơ và trả kết quả qua bưu chính hoặc tại Bộ phận Một cửa.",
        "Lệ phí và thời hạn xem trên trang thủ tục của Cổng Dịch vụ công quốc gia.",
        "Nếu hồ sơ chưa đầy đủ, cán bộ sẽ hướng dẫn bổ sung một lần.",
        "Người nộp có thể tra cứu tình trạng hồ sơ bằng mã hồ sơ.",
        "Kết quả điện tử có giá trị như bản giấy.",
        "Trường hợp ủy quyền cần văn bản ủy quyền hợp lệ.",
        "Thủ tục được thực hiện theo quy định của ngành %s."};

    private SyntheticTopics() {
    }

    static List<Topic> generate(int count, long seed) {
        Random random = new Random(seed);
        Field[] fields = Field.values();
        List<Topic> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String action = pick(random, ACTIONS);
            String object = pick(random, OBJECTS);
            String applicant = pick(random, APPLICANTS);
            String level = pick(random, LEVELS);
            String sector = pick(random, SECTORS);
            String name = action.toLowerCase() + " " + object;
            String title = action + " " + object + " " + applicant + " " + level + " (" + sector + ")";
            List<String> questions = new ArrayList<>();
            int q = 4 + random.nextInt(4);
            for (int j = 0; j < q; j++) {
                questions.add(String.format(pick(random, ASK), j % 2 == 0 ? name : name + " " + applicant));
            }
            StringBuilder summary = new StringBuilder(title).append(". ");
            for (int j = 0; j < 3; j++) {
                summary.append(String.format(pick(random, SENTENCES), sector)).append(' ');
            }
            topics.add(new Topic(
                    "synthetic-" + i, title, fields[random.nextInt(fields.length)],
                    "Cơ quan " + sector + " " + level, OnlineLevel.values()[random.nextInt(3)],
                    summary.toString().strip(),
                    List.of("Đăng nhập Cổng Dịch vụ công quốc gia bằng VNeID.", "Chọn thủ tục " + name + ".",
                            "Điền tờ khai, tải giấy tờ lên và nộp.", "Theo dõi hồ sơ và nhận kết quả."),
                    List.of("Tờ khai " + name + ".", "Giấy tờ chứng minh " + applicant.replace("cho ", "") + "."),
                    "Xem trên Cổng Dịch vụ công quốc gia.", "Xem trên Cổng Dịch vụ công quốc gia.",
                    List.of("Nghị định về " + sector),
                    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=" + i,
                    questions,
                    List.of(object, name, sector),
                    List.of("synthetic"),
                    LocalDate.of(2026, 11, 22), LocalDate.of(2027, 5, 22), TopicKind.PROCEDURE, null, List.of()));
        }
        return topics;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
