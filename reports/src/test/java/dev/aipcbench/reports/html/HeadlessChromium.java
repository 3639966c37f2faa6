package dev.aipcbench.reports.html;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Debian chromium and chromium-driver packages driven by Selenium, headless, offline, with a
 * fresh profile. Paths default to /usr/bin/chromium and /usr/bin/chromedriver (override with
 * -Daipcbench.chromium / -Daipcbench.chromedriver). A missing browser fails the test with what to
 * install: these tests are the report's acceptance and must never pass by being skipped.
 */
public final class HeadlessChromium implements AutoCloseable {
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static HeadlessChromium start(Path profile) throws IOException {
        Path chromium = Path.of(System.getProperty("aipcbench.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("aipcbench.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
            fail("headless Chromium is needed to test report.html: " + (Files.isExecutable(chromium) ? "" : chromium
                    + " not found; ") + (Files.isExecutable(chromedriver) ? "" : chromedriver + " not found; ")
                    + "install it with: apt-get install -y chromium chromium-driver");
        }
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // The network is closed: without these Chromium floods the log with refused connections.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // Naming the driver keeps Selenium Manager (which would download one) out of it.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(Path file) {
        driver.get(file.toUri().toString());
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Console messages at SEVERE (errors, failed loads, policy violations) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** A screenshot of the whole page (the window grown to the page's height, up to {@code maxHeight}). */
    public Path screenshot(Path file, int maxHeight) throws IOException {
        long height = (Long) script("return document.documentElement.scrollHeight;");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(height + 120, maxHeight)));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(before);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
