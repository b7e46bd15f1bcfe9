package vn.dvcassistant.app.web;

import io.micronaut.runtime.server.EmbeddedServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dvcassistant.app.security.StaffSession;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the browser tests do to the service's pages again and again, in one place: its addresses, waiting, a
 * script in the page, a 390 px phone, the staff login and the chat. One per test class, on that class's Chromium
 * and server; {@code wait} is how long that class lets any wait take (a loaded machine wants more for some).
 */
public final class BrowserPage {

    private final ChromeDriver browser;
    private final EmbeddedServer server;
    private final Duration wait;

    public BrowserPage(HeadlessChromium chromium, EmbeddedServer server, Duration wait) {
        this.browser = chromium.driver();
        this.server = server;
        this.wait = wait;
    }

    public String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    public void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, wait).until(condition);
    }

    public Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    /** A 390 x 844 viewport, the phone of the issue, whatever room the headless window's frame takes. */
    public void onPhone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Nothing on the page makes it scroll sideways (on a phone: it fits the 390 px). */
    public boolean widthFits() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    /** Logs in on the login page with the test password of {@link StaffSession} and waits for the staff pages. */
    public void logIn(String username) {
        browser.get(url("/dang-nhap"));
        browser.findElement(By.cssSelector("form[action='/login'] #username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(StaffSession.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
        waitFor(ExpectedConditions.urlContains("/quan-tri"));
    }

    // ---- The chat page.

    /** A new citizen: the chat page with nothing kept from before (no session id), its greeting shown. */
    public void freshChat() {
        // Any page of the service's origin will do to clear its storage before the chat page reads it.
        browser.get(url("/chat.css"));
        js("window.localStorage.clear();");
        browser.get(url("/"));
        waitForBotMessages(1);
    }

    /** Types the question, sends it with Enter and waits for the reply. */
    public void ask(String question) {
        int before = botMessages().size();
        WebElement input = browser.findElement(By.id("question"));
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        waitForBotMessages(before + 1);
    }

    /** Waits until the assistant has said {@code count} messages and the page takes a question again. */
    public List<WebElement> waitForBotMessages(int count) {
        new WebDriverWait(browser, wait).until(d -> botMessages().size() >= count
                && browser.findElement(By.id("send")).isEnabled());
        return botMessages();
    }

    public List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector("#conversation .msg.bot"));
    }

    public WebElement lastBotMessage() {
        List<WebElement> messages = botMessages();
        return messages.get(messages.size() - 1);
    }
}
