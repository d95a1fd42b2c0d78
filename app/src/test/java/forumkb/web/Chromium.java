package forumkb.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The system's headless Chromium, driven through its chromedriver (see .ci/run). */
public final class Chromium {

	public static final Path BINARY = Path.of("/usr/bin/chromium");
	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	public static boolean available() {
		return Files.isExecutable(BINARY);
	}

	private static ChromeDriver shared;

	/**
	 * The test JVM's one browser, as if new: no cookies, a window {@code width} CSS
	 * pixels wide, no emulated screen or colour scheme left by the class before. A start
	 * costs seconds of CPU, so the browser test classes share one, quit when the JVM
	 * ends.
	 */
	public static synchronized ChromeDriver shared(int width) {
		if (shared == null) {
			ChromeDriver browser = start(width);
			Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
			shared = browser;
		}
		shared.get("about:blank");
		shared.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		shared.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		shared.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
		shared.manage().window().setSize(new Dimension(width, 900));
		return shared;
	}

	public static ChromeDriver start(int width) {
		ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--window-size=" + width + ",900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Set to true to refresh the README's screenshots in docs/; otherwise they are
	 * written to app/target/screenshots/, so a test run leaves the tracked files as they
	 * were.
	 */
	static final String UPDATE_DOCS_PROPERTY = "forumkb.screenshots.update";

	/**
	 * A full-page PNG of what the browser shows, {@code width} CSS pixels wide, into
	 * app/target/screenshots/, or into docs/ when {@value #UPDATE_DOCS_PROPERTY} is true.
	 */
	public static void screenshot(ChromeDriver browser, int width, String name) throws Exception {
		Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Number height = (Number) ((Map<?, ?>) metrics.get("cssContentSize")).get("height");
		Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", Math.ceil(height.doubleValue()), "scale", 1)));
		Path folder = screenshotFolder();
		Files.createDirectories(folder);
		Files.write(folder.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
	}

	static Path screenshotFolder() throws Exception {
		Path module = moduleDir();
		return Boolean.getBoolean(UPDATE_DOCS_PROPERTY) ? module.getParent().resolve("docs")
				: module.resolve("target").resolve("screenshots");
	}

	/** app/target/test-classes → app/, whatever the working directory is. */
	private static Path moduleDir() throws Exception {
		File classes = new File(Chromium.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return classes.toPath().getParent().getParent();
	}

}
