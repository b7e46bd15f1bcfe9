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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
@Property(name = "dvc.public-url", value = "https://dvc.tinh.gov.vn/")
class SurveyPageTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SurveyTokens tokens;

    @Test
    void pageShowsTheProcedureAgencyOfThePosterAndThreeLevels() {
        String token = tokens.issue("dang-ky-khai-sinh", "SO-TP", LocalDate.now().plusDays(30));
        HttpResponse<String> page = client.toBlocking().exchange(
                HttpRequest.GET("/khao-sat/dang-ky-khai-sinh?t=" + enc(token)), String.class);
        assertThat(page.code()).isEqualTo(200);
        assertThat(page.getContentType().orElseThrow().getName()).isEqualTo("text/html");
        assertThat(page.body()).contains("Đăng ký khai sinh", "Sở Tư pháp", "Rất hài lòng", "Hài lòng",
                "Không hài lòng", "value=\"rat_hai_long\"", "<textarea", "action=\"/khao-sat/dang-ky-khai-sinh\"",
                "name=\"t\"");
    }

    @Test
    void aPosterWithoutAnAgencyLetsTheCitizenPickOne() {
        String token = tokens.issue("cap-giay-chung-nhan-lan-dau", null, LocalDate.now().plusDays(30));
        String page = client.toBlocking().retrieve(
                HttpRequest.GET("/khao-sat/cap-giay-chung-nhan-lan-dau?t=" + enc(token)), String.class);
        assertThat(page).contains("<select", "Sở Nông nghiệp và Môi trường").doesNotContain("Sở Tư pháp");
    }

    @Test
    void formPostWithThePostersTokenRecordsASurveyRatingForThePostersAgency() {
        String token = tokens.issue("dang-ky-khai-sinh", "SO-TP", LocalDate.now().plusDays(30));
        HttpResponse<String> thanks = client.toBlocking().exchange(HttpRequest.POST("/khao-sat/dang-ky-khai-sinh",
                        "level=rat_hai_long&agency=UBND-XA&comment=Nhanh+g%E1%BB%8Dn&t=" + enc(token))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertThat(thanks.code()).isEqualTo(200);
        assertThat(thanks.body()).contains("Cảm ơn bạn đã đánh giá");

        HttpClientResponseException missingLevel = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/khao-sat/dang-ky-khai-sinh", "t=" + enc(token))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertThat(missingLevel.getStatus().getCode()).isEqualTo(400);
        assertThat(missingLevel.getResponse().getBody(String.class).orElseThrow()).contains("Mức đánh giá không hợp lệ");
    }

    @Test
    void withoutAValidTokenThePageAndTheFormAreRefused() {
        String expired = tokens.issue("dang-ky-khai-sinh", "SO-TP", LocalDate.now().minusDays(2));
        String otherProcedure = tokens.issue("dang-ky-ket-hon", "SO-TP", LocalDate.now().plusDays(30));
        String valid = tokens.issue("dang-ky-khai-sinh", "SO-TP", LocalDate.now().plusDays(30));
        String forged = valid.substring(0, valid.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAA";
        for (String query : new String[] {"", "?t=", "?t=" + enc(expired), "?t=" + enc(otherProcedure),
                "?t=" + enc(forged), "?agency=SO-TP"}) {
            HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET("/khao-sat/dang-ky-khai-sinh" + query), String.class));
            assertThat(e.getStatus().getCode()).as(query).isEqualTo(403);
            assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("không còn hiệu lực");
            HttpClientResponseException post = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.POST("/khao-sat/dang-ky-khai-sinh",
                                    "level=hai_long" + query.replace('?', '&'))
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
            assertThat(post.getStatus().getCode()).as(query).isEqualTo(403);
        }
        HttpClientResponseException unknown = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/khao-sat/khong-co"), String.class));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void theApiTakesSurveyRatingsOnlyWithAValidTokenForTheirProcedureAndAgency() {
        String token = tokens.issue("dang-ky-khai-sinh", "SO-TP", LocalDate.now().plusDays(30));
        assertThat(apiError(Map.of("topicId", "dang-ky-khai-sinh", "level", "hai_long", "channel", "survey",
                "agency", "SO-TP"))).isEqualTo("400 missing_token");
        assertThat(apiError(Map.of("topicId", "dang-ky-khai-sinh", "level", "hai_long", "channel", "survey",
                "agency", "SO-TP", "token", "abc.def"))).isEqualTo("403 invalid_token");
        assertThat(apiError(Map.of("topicId", "dang-ky-khai-sinh", "level", "hai_long", "channel", "survey",
                "agency", "UBND-XA", "token", token))).as("another agency than the poster's").isEqualTo("403 invalid_token");
        assertThat(apiError(Map.of("topicId", "dang-ky-ket-hon", "level", "hai_long", "channel", "survey",
                "agency", "SO-TP", "token", token))).as("another procedure").isEqualTo("403 invalid_token");
        HttpResponse<Map> ok = client.toBlocking().exchange(HttpRequest.POST("/api/v1/satisfaction", Map.of(
                "topicId", "dang-ky-khai-sinh", "level", "hai_long", "channel", "survey", "agency", "SO-TP",
                "token", token)), Map.class);
        assertThat(ok.code()).isEqualTo(201);
    }

    @Test
    void qrCodeIsAPngOfTheSignedSurveyAddress() throws Exception {
        String token = tokens.issue("dang-ky-khai-sinh", "SO-TP", LocalDate.now().plusDays(30));
        HttpResponse<byte[]> response = client.toBlocking().exchange(
                HttpRequest.GET("/khao-sat/dang-ky-khai-sinh/qr.png?t=" + enc(token)), byte[].class);
        assertThat(response.getContentType().orElseThrow().toString()).isEqualTo("image/png");
        byte[] png = response.body();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(decoded).isEqualTo("https://dvc.tinh.gov.vn/khao-sat/dang-ky-khai-sinh?t=" + enc(token));

        HttpClientResponseException unsigned = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/khao-sat/dang-ky-khai-sinh/qr.png"), byte[].class));
        assertThat(unsigned.getStatus().getCode()).isEqualTo(404);
    }

    private String apiError(Map<String, ?> body) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/satisfaction", body), Map.class));
        assertThat(e).as("refused").isNotNull();
        return e.getStatus().getCode() + " " + e.getResponse().getBody(Map.class).orElseThrow().get("error");
    }

    private static String enc(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
