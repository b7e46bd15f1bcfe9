package vn.dvcassistant.app.knowledge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader's problems (written for the YAML files' maintainers) in the Vietnamese an editor reads next
 * to a form field. The rules stay in the loader; only their wording is here.
 */
final class ProblemText {

    private record Wording(Pattern pattern, String vietnamese) {
    }

    private static final List<Wording> WORDINGS = List.of(
            w("missing field", "Chưa điền."),
            w("must not be empty", "Không được để trống."),
            w("must be a text, not a .*", "Phải là một đoạn chữ."),
            w("must be a list .*", "Phải là một danh sách, mỗi dòng một mục."),
            w("item (\\d+) must be a non-empty text", "Mục thứ $1 đang trống."),
            w("needs at least (\\d+) items?, has (\\d+)", "Cần ít nhất $1 mục (đang có $2)."),
            w("bad date \"([^\"]*)\".*", "Ngày \"$1\" không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ 2026-11-22."),
            w("malformed URL \"([^\"]*)\".*", "Địa chỉ \"$1\" chưa đúng: phải là địa chỉ đầy đủ, bắt đầu bằng https:// hoặc http://."),
            w("unknown field code \"([^\"]*)\".*", "Lĩnh vực \"$1\" không có trong danh sách lĩnh vực."),
            w("unknown online level \"([^\"]*)\".*", "Mức độ trực tuyến \"$1\" không hợp lệ: chọn toàn trình, một phần hoặc không."),
            w("summary too long: (\\d+) words, at most (\\d+)", "Phần tóm tắt dài $1 từ; tối đa $2 từ."),
            w("review_by .* is before reviewed .*", "Hạn rà soát phải sau ngày rà soát."),
            w("cites a 2025 decentralisation decree.*", "Mục này dựa trên nghị định phân cấp năm 2025 (125, 140, 151/2025), "
                    + "chỉ áp dụng đến 01/03/2027: hạn rà soát phải trước ngày đó."),
            w("unknown field; .*", "Trường này không có trong mẫu nội dung."),
            w("\"([^\"]*)\" must be lower-case letters, digits and hyphens", "Mã \"$1\" chỉ được gồm chữ thường không dấu, số và dấu gạch ngang."),
            w("duplicate id .*", "Mã này đã được một mục khác dùng."),
            w("not valid YAML: .*", "Tệp YAML sai cú pháp."),
            w("not valid UTF-8 text", "Tệp không phải văn bản UTF-8."),
            w("an information topic has no .*", "Mục thông tin (kind: information) không có trường này; xóa đi, hoặc chọn loại thủ tục."),
            w("\"([^\"]*)\" is not a procedure code.*", "\"$1\" không phải mã thủ tục (chữ số và dấu chấm, ví dụ 1.012786)."),
            w("unknown kind \"([^\"]*)\".*", "Loại \"$1\" không hợp lệ: chọn procedure (thủ tục) hoặc information (thông tin)."),
            w("short answer too long: (\\d+) words, at most (\\d+)", "Câu trả lời ngắn dài $1 từ; tối đa $2 từ."),
            w("a procedure needs a short answer.*", "Thủ tục cần một câu trả lời ngắn (tối đa 40 từ, tối đa 3 câu)."),
            w("\"([^\"]*)\" differs from the file name.*", "Mã \"$1\" phải trùng với tên tệp."),
            w("field \"([^\"]*)\" differs from the folder.*", "Lĩnh vực \"$1\" phải trùng với thư mục chứa tệp."),
            w("unexpected file at the content root.*", "Tệp này không thuộc mẫu nội dung: mỗi chủ đề nằm trong thư mục lĩnh vực của nó."),
            w("too deep.*", "Tệp nằm quá sâu: mỗi chủ đề nằm ngay trong thư mục lĩnh vực của nó."),
            w("short answer has (\\d+) sentences, at most (\\d+)", "Câu trả lời ngắn có $1 câu; tối đa $2 câu."));

    private ProblemText() {
    }

    private static Wording w(String pattern, String vietnamese) {
        return new Wording(Pattern.compile(pattern, Pattern.DOTALL), vietnamese);
    }

    static String vietnamese(String message) {
        for (Wording wording : WORDINGS) {
            Matcher m = wording.pattern().matcher(message);
            if (m.matches()) {
                return m.replaceAll(wording.vietnamese());
            }
        }
        // A rule added to the loader without a wording here still reaches the editor, in its own words.
        return "Giá trị chưa hợp lệ: " + message;
    }
}
