package vn.dvcassistant.app.web;

import io.micronaut.runtime.server.EmbeddedServer;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dvcassistant.app.security.StaffSession;

import java.time.Duration;
import java.util.Map;

/**
 * What the browser tests do to the service's pages again and again, in one place: its addresses, waiting, a
 * script in the page, a 390 px phone and the staff login. One per test class, on that class's Chromium
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

}
