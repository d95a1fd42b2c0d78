package forumkb.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The system's headless Chromium, driven through its chromedriver (see .ci/run). */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    static ChromeDriver start(int width) {
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--window-size=" + width + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
