package vn.dvcassistant.app.web;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless Chromium every browser test drives: the system's Chromium and chromedriver (as `.ci/run`
 * installs them), the flags that keep it quiet and offline, and a profile of its own that is deleted on
 * close. A test adds only what it needs ("--window-size=390,844", "--lang=vi").
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static HeadlessChromium start(String... extraArguments) throws IOException {
        // Fails rather than skips: a skipped browser test would let a broken page through unseen.
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver are installed (apt-get install chromium chromium-driver)").isTrue();
        Path profile = Files.createTempDirectory("dvc-chromium-profile");
        List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath()));
        arguments.addAll(List.of(extraArguments));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * axe-core's serious and critical violations on the page shown, one line each ("rule: selectors"); empty
     * when there are none. axe-core comes from {@code npm ci} in app/src/test/js, which `.ci/run` does.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAxeViolations() throws IOException {
        assertThat(Files.isReadable(AXE)).as(AXE + " is installed (npm ci in app/src/test/js; .ci/run does it)").isTrue();
        driver.executeScript(Files.readString(AXE));
        return (List<String>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); })"
                + " .catch(function (e) { done(['axe failed: ' + e]); });");
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
