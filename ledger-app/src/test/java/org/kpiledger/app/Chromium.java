package org.kpiledger.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named by path so that nothing is ever downloaded
 * ({@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} name others). Without them the browser tests are skipped on a
 * workstation and fail on CI ({@code CI=true}), where {@code .ci/run} installs them.
 */
final class Chromium {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String BINARY = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
    private static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    private Chromium() {
    }

    static ChromeDriver start() {
        boolean installed = new File(BINARY).canExecute() && new File(DRIVER).canExecute();
        if (!installed) {
            String missing = "Chromium (" + BINARY + ") and chromedriver (" + DRIVER + ") are needed for the browser "
                    + "tests: apt-get install chromium chromium-driver fonts-ipafont-gothic";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1400,1000", "--lang=ja",
                    "--user-data-dir=" + Files.createTempDirectory("kpi-ledger-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a screenshot of the whole page as a build artifact, {@code target/screenshots/name.png}. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Object height = driver.executeScript("return document.documentElement.scrollHeight");
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1400,
                    "height", Math.min(((Number) height).intValue(), 8000), "deviceScaleFactor", 1, "mobile", false));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
