package vn.dvcassistant.app.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublicTextSuggestionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tôi là Nguyễn Văn An, hồ sơ bị trả lại.|Tôi là [họ tên], hồ sơ bị trả lại.",
            "tên tôi là Lê Thị Hoa|tên tôi là [họ tên]",
            "Họ và tên: Trần Minh|Họ và tên: [họ tên]",
            "bà Phạm Thị Lan ở bộ phận một cửa nói vậy|bà [họ tên] ở bộ phận một cửa nói vậy",
            "ông Chủ tịch UBND xã đã ký|ông Chủ tịch UBND xã đã ký",
            "anh chị cán bộ hướng dẫn kỹ|anh chị cán bộ hướng dẫn kỹ",
            "Tôi là người dân xã Tân Phong|Tôi là người dân xã Tân Phong"})
    void namesAfterTheirIntroducingWordsAreSuggested(String text, String expected) {
        assertThat(PublicTextSuggestion.of(text).text()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nhà tôi ở số nhà 12 đường Lê Lợi|nhà tôi ở [địa chỉ]",
            "ở 25/3 ngõ 34 phố Hàng Bông bị ngập|ở [địa chỉ] bị ngập",
            "ở số 7 hẻm 12, phường 3|ở [địa chỉ], phường 3",
            "theo Nghị định số 168/2025/NĐ-CP|theo Nghị định số 168/2025/NĐ-CP",
            "lệ phí 100.000 đồng, đường dây nóng|lệ phí 100.000 đồng, đường dây nóng"})
    void houseAddressesAreSuggestedButLegalReferencesKept(String text, String expected) {
        assertThat(PublicTextSuggestion.of(text).text()).isEqualTo(expected);
    }

    @Test
    void everySuggestionIsASegmentThatSaysWhatItRemoved() {
        PublicTextSuggestion s = PublicTextSuggestion.of(
                "Tôi là Nguyễn Văn An, số nhà 5 ngõ 2, gọi 0912345678 hoặc an@example.vn");
        assertThat(s.text()).isEqualTo("Tôi là [họ tên], [địa chỉ], gọi [số điện thoại] hoặc [email]");
        assertThat(s.segments()).filteredOn(PublicTextSuggestion.Segment::suggested)
                .extracting(PublicTextSuggestion.Segment::kind).containsExactly("name", "address", "phone", "email");
        assertThat(s.segments()).filteredOn(seg -> "name".equals(seg.kind()))
                .extracting(PublicTextSuggestion.Segment::original).containsExactly("Nguyễn Văn An");
        assertThat(s.segments()).filteredOn(seg -> "address".equals(seg.kind()))
                .extracting(PublicTextSuggestion.Segment::original).containsExactly("số nhà 5 ngõ 2");
        assertThat(String.join("", s.segments().stream().map(PublicTextSuggestion.Segment::text).toList()))
                .isEqualTo(s.text());
    }

    @Test
    void aTextWithNothingPersonalIsSuggestedUnchanged() {
        String text = "Thủ tục khai sinh trên cổng dịch vụ công hay bị lỗi khi tải tệp.";
        PublicTextSuggestion s = PublicTextSuggestion.of(text);
        assertThat(s.text()).isEqualTo(text);
        assertThat(s.segments()).noneMatch(PublicTextSuggestion.Segment::suggested);
    }
}
