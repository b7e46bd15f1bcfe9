package vn.dvcassistant.app.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskerTest {

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "091 234 5678", "0912.345.678", "0912-345-678", "+84912345678",
            "+84 912 345 678", "84912345678", "02438251234", "024 3825 1234", "+84 24 3825 1234", "0236 3822 123"})
    void phoneNumbersAreMasked(String phone) {
        assertThat(PersonalDataMasker.mask("gọi " + phone + " giúp")).isEqualTo("gọi [số điện thoại] giúp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"001203004567", "0012 0300 4567", "123456789", "123 456 789"})
    void identityNumbersAreMasked(String id) {
        assertThat(PersonalDataMasker.mask("số " + id + ".")).isEqualTo("số [số giấy tờ].");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lệ phí 100.000 đồng|lệ phí 100.000 đồng",
            "năm 2025 nộp hồ sơ|năm 2025 nộp hồ sơ",
            "Nghị định 168/2025/NĐ-CP|Nghị định 168/2025/NĐ-CP",
            "tổng đài 18001096|tổng đài 18001096"})
    void ordinaryNumbersAreKept(String text, String expected) {
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"an.nguyen@gmail.com", "x+y@mail.gov.vn"})
    void emailAddressesAreMasked(String email) {
        assertThat(PersonalDataMasker.mask("mail " + email)).isEqualTo("mail [email]");
    }

    /** What the first version missed: each row is a citizen's sentence and what may be stored of it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // full-width digits, as some phone keyboards type them
            "gọi ０９１２３４５６７８ nhé|gọi [số điện thoại] nhé",
            "số ＋８４ ９１２ ３４５ ６７８|số [số điện thoại]",
            "CCCD ００１２０３００４５６７|CCCD [số giấy tờ]",
            // separators with spaces around them
            "số 0912 - 345 - 678 ạ|số [số điện thoại] ạ",
            "số 0912 . 345 . 678|số [số điện thoại]",
            "số 0912 – 345 – 678|số [số điện thoại]",
            "CCCD 001 - 203 - 004 - 567|CCCD [số giấy tờ]",
            // e-mail addresses written to dodge robots
            "mail an.nguyen(at)gmail.com nhé|mail [email] nhé",
            "mail an.nguyen (at) gmail (dot) com|mail [email]",
            "mail an.nguyen [at] gmail.com|mail [email]",
            "mail an.nguyen a còng gmail chấm com|mail [email]",
            "mail an.nguyen (a còng) gmail (chấm) com|mail [email]",
            "mail AN.NGUYEN(AT)GMAIL.COM|mail [email]",
            "mail an＠gmail．com|mail [email]",
            // 13-digit and other long numbers (social insurance, tax and account numbers)
            "mã 0101234567001 của tôi|mã [số giấy tờ] của tôi",
            "BHXH 7912345678|BHXH [số giấy tờ]",
            "tài khoản 1903 5678 9012 345|tài khoản [số giấy tờ]",
            // Vietnamese letters in an address are part of it, not where it starts
            "mail nguyễn.văn.an@gmail.com|mail [email]",
            "mail trần_thị_bích@trường.edu.vn nhé|mail [email] nhé",
            "Email: Đỗ.Hùng@ubnd.hà-nội.vn.|Email: [email].",
            // and what must stay
            "lệ phí 100.000 đồng|lệ phí 100.000 đồng",
            "tổng đài 1800 1096|tổng đài 1800 1096",
            "từ 01/01/2025 đến 31/12/2025|từ 01/01/2025 đến 31/12/2025",
            "Nghị định 168/2025/NĐ-CP ngày 30/6|Nghị định 168/2025/NĐ-CP ngày 30/6",
            "trong 5 - 7 ngày làm việc|trong 5 - 7 ngày làm việc"})
    void maskingTable(String text, String stored) {
        assertThat(PersonalDataMasker.mask(text)).isEqualTo(stored);
    }
}
