package vn.dvcassistant.app.web;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages on a 390 x 844 phone in Debian's headless Chromium: the printable guides with their QR
 * codes, and accessibility checked by axe-core (the npm package the build installs in src/test/js; injected
 * into the page under test, never served by the service).
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.public-url", value = "https://dvc.tinh.gov.vn")
class PhonePagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @Inject
    EmbeddedServer server;

    BrowserPage page;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=vi");
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void phone() {
        page = new BrowserPage(chromium, server, WAIT);
        page.onPhone();
    }

    @Test
    void aPrintableGuideHasTheShortAnswerStepsDocumentsFeeTimeUpdateDateAndAQrCodeThatOpensTheChatOnIt()
            throws Exception {
        browser.get(page.url("/huong-dan/dang-ky-khai-sinh"));

        WebElement guide = browser.findElement(By.cssSelector("article.guide[data-topic='dang-ky-khai-sinh']"));
        assertThat(guide.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng ký khai sinh");
        assertThat(guide.findElement(By.cssSelector(".short")).getText()).isNotBlank();
        assertThat(guide.findElements(By.cssSelector("ol li"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(guide.findElements(By.cssSelector("ul li"))).isNotEmpty();
        assertThat(guide.findElement(By.cssSelector("dd.fee")).getText()).isNotBlank();
        assertThat(guide.findElement(By.cssSelector("dd.time")).getText()).isNotBlank();
        assertThat(guide.findElement(By.cssSelector(".updated")).getText()).matches("Cập nhật: \\d{2}/\\d{2}/\\d{4}");
        assertThat(page.widthFits()).isTrue();

        WebElement qr = guide.findElement(By.cssSelector(".qr img"));
        page.waitFor(d -> ((Long) page.js("return arguments[0].naturalWidth;", qr)) > 0);
        assertThat(decodeQr(qr.getAttribute("src"))).isEqualTo("https://dvc.tinh.gov.vn/?chu-de=dang-ky-khai-sinh");
        saveScreenshot("guide-phone.png");
    }

    @Test
    void theGuideListGroupsTopicsByFieldAndPrintsAllOfAField() {
        browser.get(page.url("/huong-dan"));
        WebElement field = browser.findElement(By.cssSelector("section[data-field='ho-tich']"));
        List<WebElement> topics = field.findElements(By.cssSelector("li a"));
        assertThat(topics).extracting(WebElement::getText).contains("Đăng ký khai sinh", "Đăng ký kết hôn");

        field.findElement(By.cssSelector("a.print-all")).click();
        page.waitFor(d -> d.getCurrentUrl().endsWith("/huong-dan/linh-vuc/ho-tich"));
        assertThat(browser.findElements(By.cssSelector("article.guide"))).hasSize(topics.size());
        // One guide per printed page.
        assertThat(page.js("return getComputedStyle(document.querySelector('article.guide')).breakAfter;")).isEqualTo("page");
        assertThat(printedA4Pages()).as("each guide fits one A4 page").isEqualTo(topics.size());
    }

    /** Pages of the current page printed as Chromium prints it, with the page's own @page size and margins. */
    private int printedA4Pages() {
        String pdf = new String(java.util.Base64.getDecoder().decode((String) browser.executeCdpCommand(
                "Page.printToPDF", Map.of("preferCSSPageSize", true)).get("data")), java.nio.charset.StandardCharsets.ISO_8859_1);
        // The page tree's root is the only /Pages node in a PDF this short; its /Count is the number of pages.
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("/Count (\\d+)").matcher(pdf);
        assertThat(count.find()).as("a page count in the PDF").isTrue();
        return Integer.parseInt(count.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/huong-dan", "/huong-dan/dang-ky-khai-sinh", "/gop-y/tra-cuu", "/minh-bach",
            "/khao-sat/dang-ky-khai-sinh"})
    void axeFindsNoSeriousOrCriticalViolation(String path) throws IOException {
        browser.get(page.url(path));
        if (path.equals("/")) {
            page.waitFor(d -> !d.findElements(By.cssSelector(".welcome")).isEmpty());
        }
        assertThat(chromium.seriousAxeViolations()).as(path).isEmpty();
        assertThat(page.widthFits()).as(path + " fits 390 px").isTrue();
    }

    @Test
    void theChatWithAShortAnswerAndItsPartButtonsPassesAxe() throws IOException {
        browser.get(page.url("/"));
        page.js("localStorage.clear();");
        browser.navigate().refresh();
        page.waitFor(d -> !d.findElements(By.cssSelector(".welcome")).isEmpty());
        WebElement input = browser.findElement(By.id("question"));
        input.sendKeys("dang ky khai sinh cho con");
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        page.waitFor(d -> !d.findElements(By.cssSelector(".msg.bot .parts button")).isEmpty()
                && d.findElement(By.id("send")).isEnabled());

        assertThat(chromium.seriousAxeViolations()).isEmpty();
        assertThat(page.widthFits()).isTrue();
        saveScreenshot("chat-phone.png");
    }

    private static String decodeQr(String src) throws Exception {
        HttpResponse<byte[]> png = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(src)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    /** Kept in target/screenshots for the README's pictures (docs/img). */
    private static void saveScreenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
