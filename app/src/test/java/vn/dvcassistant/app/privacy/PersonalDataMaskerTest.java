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
}
