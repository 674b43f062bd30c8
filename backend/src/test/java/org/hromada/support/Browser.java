package org.hromada.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real, headless Chromium from the Debian packages {@code chromium} and
 * {@code chromium-driver}, driven by Selenium, with a fresh profile, at a phone's size
 * (360 x 740) unless told otherwise. Screenshots go to target/field-app-screenshots/
 * unless told otherwise.
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "field-app-screenshots");

	private static final Path CHROMIUM = Path.of(System.getProperty("hromada.test.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("hromada.test.chromedriver", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final Path profile;

	private final Path screenshots;

	private Browser(ChromeDriver driver, Path profile, Path screenshots) {
		this.driver = driver;
		this.profile = profile;
		this.screenshots = screenshots;
	}

	/**
	 * Skips the calling tests (a visible skip, never a pass) where Chromium is missing.
	 */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"The field app's browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
						+ ": install them with `sudo apt-get install -y chromium chromium-driver` (Debian, Ubuntu), "
						+ "or name other binaries with -Dhromada.test.chromium=... -Dhromada.test.chromedriver=...");
	}

	public static Browser open() {
		return open(360, 740, SCREENSHOTS);
	}

	/**
	 * A browser at another size (the coordinator console's desk, 1366 x 768), keeping its
	 * screenshots in the given folder.
	 */
	public static Browser open(int width, int height, Path screenshots) {
		try {
			Path profile = Files.createTempDirectory("hromada-chromium-");
			ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
			// Headless, and nothing that talks to the internet on its own.
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
			driver.manage().window().setSize(new Dimension(width, height));
			return new Browser(driver, profile, screenshots);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void get(String url) {
		this.driver.get(url);
	}

	/** Waits for the condition; on a time-out, the screen is kept as failure-*.png. */
	public <T> T await(Function<WebDriver, T> condition) {
		return await(condition, Duration.ofSeconds(40));
	}

	/** As {@link #await(Function)}, for a condition that may take longer by design. */
	public <T> T await(Function<WebDriver, T> condition, Duration within) {
		try {
			return new WebDriverWait(this.driver, within).ignoring(StaleElementReferenceException.class)
				.until(condition);
		}
		catch (TimeoutException ex) {
			screenshot("failure-" + System.currentTimeMillis());
			throw ex;
		}
	}

	public WebElement element(String css) {
		return await((d) -> d.findElements(By.cssSelector(css))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null));
	}

	public void click(String css) {
		await((d) -> {
			WebElement element = element(css);
			if (element.isEnabled()) {
				element.click();
				return true;
			}
			return null;
		});
	}

	/** Types into (or chooses in) the app's field bound to {@code path}. */
	public void fill(String path, String value) {
		WebElement field = element("[name=\"" + path + "\"]");
		if ("select".equals(field.getTagName())) {
			new Select(field).selectByValue(value);
		}
		else {
			field.clear();
			field.sendKeys(value);
		}
	}

	public String text(String css) {
		return element(css).getText();
	}

	public void awaitText(String css, String expected) {
		awaitText(css, expected, Duration.ofSeconds(40));
	}

	public void awaitText(String css, String expected, Duration within) {
		await((d) -> d.findElements(By.cssSelector(css)).stream().anyMatch((e) -> e.getText().contains(expected)),
				within);
	}

	/**
	 * DevTools network emulation: offline (requests fail, navigator.onLine false) or back
	 * online.
	 */
	public void offline(boolean offline) {
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	/**
	 * The throttled connection of the performance figures: 400 kbit/s each way, 400 ms
	 * latency.
	 */
	public void throttle() {
		int bytesPerSecond = 400 * 1000 / 8;
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
				"downloadThroughput", bytesPerSecond, "uploadThroughput", bytesPerSecond));
	}

	public Path screenshot(String name) {
		try {
			Files.createDirectories(this.screenshots);
			Path file = this.screenshots.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs axe-core (from its WebJar) on the page and fails on any serious or critical
	 * violation, naming each with the elements at fault.
	 */
	public void assertAccessible(String screen) {
		if (!Boolean.TRUE.equals(this.driver.executeScript("return typeof window.axe === 'object'"))) {
			this.driver.executeScript(axeSource());
		}
		Object violations = this.driver.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { resultTypes: ['violations'] })
						  .then((result) => done(result.violations
						    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
						    .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', '))))
						  .catch((e) => done(['axe failed: ' + e]));
						""");
		assertThat((List<?>) violations).as("serious or critical accessibility violations on " + screen).isEmpty();
	}

	private static String axeSource() {
		String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Everything the app's origin keeps in the browser, as text: every record of every
	 * IndexedDB database, localStorage, sessionStorage, and every response in Cache
	 * Storage.
	 */
	public String storedData() {
		return (String) this.driver.executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						(async () => {
						  const parts = [];
						  for (const info of await indexedDB.databases()) {
						    const db = await new Promise((ok, ko) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
						    for (const store of db.objectStoreNames) {
						      const all = await new Promise((ok, ko) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
						      parts.push('indexedDB ' + info.name + '/' + store + ' ' + JSON.stringify(all));
						    }
						    db.close();
						  }
						  parts.push('localStorage ' + JSON.stringify({ ...localStorage }));
						  parts.push('sessionStorage ' + JSON.stringify({ ...sessionStorage }));
						  for (const name of await caches.keys()) {
						    const cache = await caches.open(name);
						    for (const request of await cache.keys()) {
						      parts.push('cache ' + name + ' ' + request.url + ' ' + await (await cache.match(request)).text());
						    }
						  }
						  return parts.join('\\n');
						})().then(done, (e) => done('scan failed: ' + e));
						""");
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary profile is harmless
		}
	}

}
