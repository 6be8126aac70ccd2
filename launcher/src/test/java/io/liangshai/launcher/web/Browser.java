package io.liangshai.launcher.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver — nothing is downloaded: the
 * driver's path is given, so Selenium Manager never runs. When Chromium or its driver is missing
 * the constructor throws: a browser test must fail, never skip.
 */
public final class Browser implements AutoCloseable {

  /** A viewport: the office laptop and the phone the page is made for. */
  public record Viewport(String name, int width, int height, boolean mobile) {}

  public static final Viewport LAPTOP = new Viewport("laptop", 1366, 768, false);
  public static final Viewport PHONE = new Viewport("phone", 390, 844, true);

  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path downloads;
  private final Path profile;

  public Browser(String baseUrl) throws IOException {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
    Path chromium = executable("LIANGSHAI_CHROMIUM", "/usr/bin/chromium");
    Path chromedriver = executable("LIANGSHAI_CHROMEDRIVER", "/usr/bin/chromedriver");
    System.setProperty("webdriver.chrome.driver", chromedriver.toString());
    this.profile = Files.createTempDirectory("liangshai-chromium-");
    this.downloads = Files.createTempDirectory("liangshai-downloads-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
        "--lang=zh-CN",
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false,
            "intl.accept_languages",
            "zh-CN,zh"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    viewport(LAPTOP);
  }

  private static Path executable(String env, String fallback) {
    String configured = System.getenv(env);
    Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          path
              + " is missing: the browser tests need Debian's Chromium and its driver"
              + " (apt-get install -y chromium chromium-driver fonts-noto-cjk; .ci/run does it)"
              + " or "
              + env
              + " pointing at one");
    }
    return path;
  }

  /**
   * Emulates a viewport (CSS pixels, device pixel ratio 1) so screenshots have exactly its size.
   */
  public void viewport(Viewport v) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            v.width(),
            "height",
            v.height(),
            "deviceScaleFactor",
            1,
            "mobile",
            v.mobile()));
  }

  /**
   * Opens a route of the page (e.g. {@code #/league?period=2024-01}) and waits until it has
   * rendered.
   */
  public void open(String route) {
    String hash = route.startsWith("#") ? route : "#" + route;
    driver.get(baseUrl + "/" + hash);
    awaitRendered(hash);
  }

  /** Waits until the view has finished rendering the given route. */
  public void awaitRendered(String hash) {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.withMessage(() -> "the page did not finish rendering " + hash + ": " + text(By.id("view")))
        .until(
            d -> {
              WebElement view = d.findElement(By.id("view"));
              return hash.equals(view.getAttribute("data-route"))
                  && "ready".equals(view.getAttribute("data-state"));
            });
  }

  /** Opens the page signed out and signs in with a key; waits until the first view is ready. */
  public void signIn(String key) {
    driver.get(baseUrl + "/");
    js("sessionStorage.clear()");
    driver.navigate().refresh();
    await("the sign-in form", d -> d.findElement(By.id("key")).isDisplayed());
    driver.findElement(By.id("key")).sendKeys(key);
    driver.findElement(By.id("sign-in-button")).click();
    await(
        "the first view after signing in",
        d ->
            d.findElement(By.id("sign-in")).getAttribute("hidden") != null
                && "ready".equals(d.findElement(By.id("view")).getAttribute("data-state")));
  }

  public void signOut() {
    driver.findElement(By.id("sign-out")).click();
    await("the sign-in form", d -> d.findElement(By.id("key")).isDisplayed());
  }

  public <T> T await(
      String what, java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> what + " did not show")
        .until(condition);
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  public String text(By by) {
    List<WebElement> found = driver.findElements(by);
    return found.isEmpty() ? "(nothing at " + by + ")" : found.get(0).getText();
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Scrolls an element to the top of the viewport. */
  public void scrollTo(By by) {
    js(
        "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -8);",
        driver.findElement(by));
  }

  public void scrollTop() {
    js("window.scrollTo(0, 0)");
  }

  /** Saves a PNG of the viewport; returns its size in bytes. */
  public long screenshot(Path file) throws IOException {
    js("document.activeElement && document.activeElement.blur && document.activeElement.blur()");
    sleep(400); // let charts finish drawing and scrolling settle
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(file.getParent());
    Files.write(file, png);
    return png.length;
  }

  /**
   * Clicks what downloads a file and waits for a file whose name ends with {@code suffix} to finish
   * downloading; returns it. Earlier downloads are removed first.
   */
  public Path download(By button, String suffix) throws IOException {
    try (var files = Files.list(downloads)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    driver.findElement(button).click();
    return await(
        "a download ending in " + suffix,
        d -> {
          try (var files = Files.list(downloads)) {
            return files
                .filter(p -> p.getFileName().toString().endsWith(suffix))
                .findFirst()
                .orElse(null);
          } catch (IOException e) {
            return null;
          }
        });
  }

  public ChromeDriver driver() {
    return driver;
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    driver.quit();
    deleteQuietly(profile);
    deleteQuietly(downloads);
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temporary directory; the OS cleans it up
    }
  }
}
