package vn.dvcassistant.app.satisfaction;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
@Property(name = "dvc.public-url", value = "https://dvc.tinh.gov.vn/")
class SurveyPageTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void pageShowsTheProcedureAgencyAndThreeLevels() {
        HttpResponse<String> page = client.toBlocking().exchange(
                HttpRequest.GET("/khao-sat/dang-ky-khai-sinh?agency=SO-TP"), String.class);
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.getContentType().orElseThrow().getName()).isEqualTo("text/html");
        assertThat(page.body()).contains("Đăng ký khai sinh", "Sở Tư pháp", "Rất hài lòng", "Hài lòng",
                "Không hài lòng", "value=\"rat_hai_long\"", "<textarea", "action=\"/khao-sat/dang-ky-khai-sinh\"");
    }

    @Test
    void withoutAnAgencyTheCitizenMayPickOne() {
        String page = client.toBlocking().retrieve(HttpRequest.GET("/khao-sat/cap-giay-chung-nhan-lan-dau"), String.class);
        assertThat(page).contains("<select", "Sở Nông nghiệp và Môi trường").doesNotContain("Sở Tư pháp");
    }

    @Test
    void formPostRecordsASurveyRating() {
        HttpResponse<String> thanks = client.toBlocking().exchange(HttpRequest.POST("/khao-sat/dang-ky-khai-sinh",
                        "level=rat_hai_long&agency=SO-TP&comment=Nhanh+g%E1%BB%8Dn")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertThat(thanks.code()).isEqualTo(200);
        assertThat(thanks.body()).contains("Cảm ơn bạn đã đánh giá");

        HttpClientResponseException missingLevel = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/khao-sat/dang-ky-khai-sinh", "agency=SO-TP")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertThat(missingLevel.getStatus().getCode()).isEqualTo(400);
        assertThat(missingLevel.getResponse().getBody(String.class).orElseThrow()).contains("Mức đánh giá không hợp lệ");
    }

    @Test
    void unknownTopicOrWrongAgencyIsNotFound() {
        for (String uri : new String[] {"/khao-sat/khong-co", "/khao-sat/dang-ky-khai-sinh?agency=SO-NNMT"}) {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET(uri), String.class));
            assertThat(e.getStatus().getCode()).isEqualTo(404);
            assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("Không tìm thấy phiếu khảo sát");
        }
    }

    @Test
    void qrCodeIsAPngOfThePagesAbsoluteAddress() throws Exception {
        HttpResponse<byte[]> response = client.toBlocking().exchange(
                HttpRequest.GET("/khao-sat/dang-ky-khai-sinh/qr.png?agency=SO-TP"), byte[].class);
        assertThat(response.getContentType().orElseThrow().toString()).isEqualTo("image/png");
        byte[] png = response.body();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(decoded).isEqualTo("https://dvc.tinh.gov.vn/khao-sat/dang-ky-khai-sinh?agency=SO-TP");
    }
}
