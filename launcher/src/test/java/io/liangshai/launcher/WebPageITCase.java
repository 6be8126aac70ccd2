package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.core.record.CaseField;
import io.liangshai.core.record.CaseStatus;
import io.liangshai.core.record.ErrorCode;
import io.liangshai.core.record.Uscc;
import io.liangshai.core.testing.SampleFeed;
import io.liangshai.core.vocabulary.Vocabulary;
import io.liangshai.launcher.web.Browser;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page in a real browser (Debian's headless Chromium) over the whole platform in this JVM,
 * loaded with the sample feed: what the page shows is what the API answers for the signed-in key.
 * Screenshots of every view go to {@code docs/screenshots/}. Each test signs in and opens its own
 * view, so the tests run in any order.
 */
@org.junit.jupiter.api.Tag(LongSuite.TAG)
class WebPageITCase {

  static final String ADMIN_KEY = "admin-key-for-the-web-page-itcase";
  static final String COUNTY = "330381"; // 瑞安市, a county-level city of 温州市
  static final String OTHER_COUNTY = "330382"; // 乐清市
  static final String LEAGUE = "#/league?period=2024-01&group=counties&scheme=standard";
  static final long MAX_SCREENSHOT_BYTES = 400 * 1024;

  @RegisterExtension static final PlatformExtension PLATFORM = new PlatformExtension(ADMIN_KEY);

  static String url;
  static String countyKey;
  static Browser browser;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startThePlatformWithTheSampleFeedAndABrowser() throws Exception {
    url = PLATFORM.baseUrl();
    PlatformClient client = new PlatformClient(url);
    FeedUploader uploader = new FeedUploader(client, ADMIN_KEY);
    List<String> batches = new ArrayList<>();
    for (FeedUploader.Batch b : uploader.batches(SampleFeed.rows(), 7, 1000)) {
      batches.add(FeedUploader.send(client, b).get("batch_id").asText());
    }
    Figures.awaitProcessed(url, ADMIN_KEY, batches, Duration.ofMinutes(3));
    countyKey = client.issueKey(ADMIN_KEY, COUNTY, "web page itcase");
    browser = new Browser(url);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aWrongKeyIsRefusedAtSignIn() throws Exception {
    browser.viewport(Browser.LAPTOP);
    browser.driver().get(url + "/");
    browser.js("sessionStorage.clear()");
    browser.driver().navigate().refresh();
    browser.await("the sign-in form", d -> d.findElement(By.id("key")).isDisplayed());
    screenshot("01-sign-in");

    browser.find(By.id("key")).sendKeys("ls_not-a-key-of-this-platform");
    browser.find(By.id("sign-in-button")).click();

    browser.await("the refusal", d -> d.findElement(By.id("sign-in-error")).isDisplayed());
    assertThat(browser.text(By.id("sign-in-error"))).contains("密钥无效");
    assertThat(browser.find(By.id("nav")).isDisplayed()).isFalse();
    assertThat(browser.js("return sessionStorage.getItem('liangshai.key')")).isNull();
  }

  @Test
  void theProvinceSeesTheLeagueTablesExactlyAsTheApiRanksThem() throws Exception {
    browser.viewport(Browser.LAPTOP);
    browser.signIn(ADMIN_KEY);
    assertThat(browser.text(By.id("who-name"))).contains("浙江省");

    assertLeagueTableEqualsTheApis("2024-01");
    assertLeagueTableEqualsTheApis("2024-02");

    assertThat(browser.findAll(By.cssSelector("#league-table td.change.up"))).isNotEmpty();
    assertThat(browser.findAll(By.cssSelector("#league-table td.change.down"))).isNotEmpty();
    assertThat(browser.findAll(By.cssSelector("#funnel-chart canvas"))).isNotEmpty();
    screenshot("02-league-table");
    browser.scrollTo(By.id("funnel"));
    screenshot("03-funnel-plot");
    browser.scrollTop();
  }

  /** Tenant order, rank, score, change arrow and funnel colour of every row, as the API answers. */
  private static void assertLeagueTableEqualsTheApis(String period) throws Exception {
    browser.open(LEAGUE.replace("2024-01", period));
    JsonNode api =
        get(ADMIN_KEY, "/api/v1/rankings?period=" + period + "&group=counties&scheme=standard");
    List<WebElement> rows = browser.findAll(By.cssSelector("#league-table tbody tr"));
    assertThat(rows).hasSize(api.get("rows").size()).hasSizeGreaterThan(80);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode expected = api.get("rows").get(i);
      WebElement row = rows.get(i);
      String tenant = expected.get("tenant").asText();
      assertThat(row.getAttribute("data-tenant")).as("%s row %d", period, i + 1).isEqualTo(tenant);
      assertThat(cell(row, "rank"))
          .as("rank of %s", tenant)
          .isEqualTo(expected.get("rank").isNull() ? "—" : expected.get("rank").asText());
      if (expected.get("score").isNull()) {
        assertThat(cell(row, "score")).as("score of %s", tenant).isEqualTo("—");
      } else {
        assertThat(new BigDecimal(cell(row, "score")))
            .as("score of %s", tenant)
            .isEqualByComparingTo(expected.get("score").decimalValue());
      }
      JsonNode change = expected.get("rank_change");
      if (change != null && !change.isNull() && change.asInt() != 0) {
        int d = change.asInt();
        assertThat(cell(row, "change"))
            .as("rank change of %s", tenant)
            .isEqualTo((d > 0 ? "↑" : "↓") + Math.abs(d));
      }
      for (String rate :
          List.of("resolution_rate", "overdue_rate", "recurrence_rate", "satisfaction_rate")) {
        JsonNode funnel = expected.get("rates").get(rate).get("funnel");
        WebElement td = row.findElement(By.cssSelector("td[data-rate='" + rate + "']"));
        assertThat(td.getAttribute("data-funnel") == null ? "none" : td.getAttribute("data-funnel"))
            .as("%s funnel signal of %s", rate, tenant)
            .isEqualTo(funnel == null || funnel.isNull() ? "none" : funnel.asText());
      }
    }
  }

  @Test
  void theLeagueTableSortsAndExportsWhatItShows() throws Exception {
    openOnALaptop(ADMIN_KEY, LEAGUE);
    JsonNode api = get(ADMIN_KEY, "/api/v1/rankings?period=2024-01&group=counties&scheme=standard");
    double best = -1;
    for (JsonNode r : api.get("rows")) {
      JsonNode v = r.get("rates").get("satisfaction_rate").get("value");
      if (r.get("eligible").asBoolean() && !v.isNull()) {
        best = Math.max(best, v.asDouble());
      }
    }

    browser.find(By.cssSelector("#league-table th.col-satisfaction_rate button")).click();
    WebElement first = browser.findAll(By.cssSelector("#league-table tbody tr")).get(0);
    String shown =
        first.findElement(By.cssSelector("td[data-rate='satisfaction_rate'] .v")).getText();
    assertThat(shown).isEqualTo(String.format("%.1f%%", best * 100));
    String firstTenant = first.getAttribute("data-tenant");
    String firstName = first.findElement(By.cssSelector("td.name a")).getText();

    Path csv = browser.download(By.id("export-csv"), ".csv");
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
    assertThat(lines).hasSize(api.get("rows").size() + 1);
    assertThat(lines.get(0)).startsWith("排名,排名升降,上期排名,地区代码,地区,得分,受理量,办结率(%)");
    assertThat(lines.get(1)).contains("," + firstTenant + "," + firstName + ",");

    Path xlsx = browser.download(By.id("export-xlsx"), ".xlsx");
    JsonNode firstRow = null;
    for (JsonNode r : api.get("rows")) {
      if (r.get("tenant").asText().equals(firstTenant)) {
        firstRow = r;
      }
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("晾晒榜单");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("排名");
      assertThat(sheet.getLastRowNum()).isEqualTo(api.get("rows").size());
      assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(firstTenant);
      assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo(firstName);
      assertThat(sheet.getRow(1).getCell(5).getNumericCellValue())
          .isEqualTo(firstRow.get("score").asDouble());
    }
  }

  @Test
  void aCountySeesOnlyItsOwnCasesAndNotAnotherCountys() throws Exception {
    browser.viewport(Browser.LAPTOP);
    browser.signIn(countyKey);
    assertThat(browser.text(By.id("who-name"))).contains("瑞安市");

    browser.open("#/tenant/" + COUNTY + "?period=2024-01");
    browser.await("the cases table", d -> !d.findElements(By.id("cases-table")).isEmpty());
    JsonNode own = get(countyKey, "/api/v1/cases?tenant=" + COUNTY + "&period=2024-01&limit=1");
    assertThat(browser.find(By.id("cases-table")).getAttribute("data-total"))
        .isEqualTo(own.get("total").asText());
    List<WebElement> caseRows =
        browser.findAll(By.cssSelector("#cases-table tbody tr[data-tenant]"));
    assertThat(caseRows).hasSize((int) Math.min(50, own.get("total").asLong())).isNotEmpty();
    assertThat(caseRows)
        .allSatisfy(r -> assertThat(r.getAttribute("data-tenant")).isEqualTo(COUNTY));
    List<String> pickable =
        new Select(browser.find(By.cssSelector("#view select[name=tenant]")))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    assertThat(pickable).containsExactly(COUNTY);

    new Select(browser.find(By.cssSelector("#cases select[name=status]"))).selectByValue("closed");
    JsonNode closed =
        get(countyKey, "/api/v1/cases?tenant=" + COUNTY + "&period=2024-01&status=closed&limit=1");
    browser.await(
        "the closed cases",
        d ->
            closed
                .get("total")
                .asText()
                .equals(d.findElement(By.id("cases-table")).getAttribute("data-total")));
    assertThat(browser.findAll(By.cssSelector("#cases-table tbody .status")))
        .allSatisfy(s -> assertThat(s.getText()).isEqualTo(Vocabulary.label(CaseStatus.CLOSED)));

    browser.open("#/tenant/" + OTHER_COUNTY + "?period=2024-01");
    assertThat(browser.findAll(By.id("cases-forbidden"))).hasSize(1);
    assertThat(browser.findAll(By.id("cases-table"))).isEmpty();
    assertThat(browser.findAll(By.cssSelector("tr[data-case]"))).isEmpty();
    assertThat(status(countyKey, "/api/v1/cases?tenant=" + OTHER_COUNTY + "&period=2024-01"))
        .as("the API refuses another county's cases")
        .isEqualTo(403);

    browser.open("#/tenant/" + COUNTY + "?period=2024-W09");
    assertThat(browser.findAll(By.cssSelector("#trends .chart.trend[data-rate] canvas")))
        .hasSize(4);
    assertThat(browser.findAll(By.cssSelector("#indicators [data-anomaly]"))).hasSize(5);
    screenshot("04-tenant-trends");
    browser.scrollTo(By.id("cases"));
    screenshot("05-tenant-cases");
    List<WebElement> uploads = browser.findAll(By.cssSelector("#batches details.batch"));
    assertThat(uploads).as("the county's recent uploads").isNotEmpty();
    browser.js("arguments[0].open = true", uploads.get(0));
    browser.scrollTo(By.id("batches"));
    screenshot("06-tenant-batches");
  }

  @Test
  void aCsvWithBadRowsShowsEachRowsErrorInTheTable() throws Exception {
    openOnALaptop(countyKey, "#/upload");
    String first17 = "91" + COUNTY + "MA2AB3CD1";
    String uscc = first17 + Uscc.checkCharacter(first17);
    String wrongCheck = first17 + (Uscc.checkCharacter(first17) == '0' ? '1' : '0');
    String csv =
        String.join(
            "\n",
            "case_id,tenant_code,updated_at,enterprise_uscc,channel,category,received_at,status,closed_at",
            "web-ok-1,"
                + COUNTY
                + ",2024-03-06T10:00:00+08:00,"
                + uscc
                + ",hotline_12345,policy,2024-03-05T09:00:00+08:00,received,",
            "web-bad-uscc,"
                + COUNTY
                + ",2024-03-06T10:00:00+08:00,"
                + wrongCheck
                + ",hotline_12345,policy,2024-03-05T09:00:00+08:00,received,",
            "web-bad-closed,"
                + COUNTY
                + ",2024-03-06T10:00:00+08:00,"
                + uscc
                + ",service_window,finance,2024-03-05T09:00:00+08:00,closed,",
            "web-bad-scope,"
                + OTHER_COUNTY
                + ",2024-03-06T10:00:00+08:00,"
                + uscc
                + ",hotline_12345,talent,2024-03-05T09:00:00+08:00,received,",
            "");
    chooseFile("瑞安市-2024-03.csv", csv, "upload-file", "upload-outcome");
    assertCounted("count", "1", "3");
    String batchId = browser.find(By.id("upload-outcome")).getAttribute("data-batch");
    JsonNode batch = get(countyKey, "/api/v1/batches/" + batchId);
    List<WebElement> errorRows = browser.findAll(By.cssSelector("#upload-errors tbody tr"));
    assertThat(errorRows).hasSize(batch.get("errors").size()).hasSize(3);
    for (int i = 0; i < errorRows.size(); i++) {
      JsonNode e = batch.get("errors").get(i);
      WebElement row = errorRows.get(i);
      assertThat(row.getAttribute("data-row")).isEqualTo(e.get("row").asText());
      assertThat(row.findElement(By.cssSelector(".mono")).getText())
          .isEqualTo(e.get("case_id").asText());
      assertThat(row.findElement(By.cssSelector(".field-name")).getText())
          .contains(e.get("field").asText())
          .contains(Vocabulary.label(CaseField.byWireName(e.get("field").asText()).orElseThrow()));
      WebElement message = row.findElement(By.cssSelector(".message"));
      Map<String, String> params = new LinkedHashMap<>();
      e.get("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
      assertThat(message.getText())
          .isEqualTo(
              Vocabulary.text(ErrorCode.byWireName(e.get("code").asText()).orElseThrow(), params));
      assertThat(message.getAttribute("title")).isEqualTo(e.get("message").asText());
    }
    assertThat(errorRows.get(0).findElement(By.cssSelector(".message")).getText())
        .startsWith("统一社会信用代码校验位应为「" + Uscc.checkCharacter(first17) + "」");
    assertThat(errorRows.stream().map(r -> r.getAttribute("data-row")).toList())
        .containsExactly("2", "3", "4");
    assertThat(errorRows.get(0).getText()).contains("统一社会信用代码");
    assertThat(errorRows.get(1).getText()).contains("办结时间");
    assertThat(errorRows.get(2).getText()).contains(Vocabulary.label(CaseField.TENANT_CODE));
    browser.await(
        "the batch counted", d -> d.findElement(By.id("batch-state")).getText().equals("已计入指标"));
    screenshot("07-upload-errors");

    // the same file dropped on the zone: the valid row is now a duplicate, the others still wrong
    browser.js(
        "const file = new File([arguments[0]], 'again.csv', {type: 'text/csv'});"
            + "const dt = new DataTransfer(); dt.items.add(file);"
            + "document.getElementById('drop-zone').dispatchEvent("
            + "new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
        csv);
    browser.await(
        "the dropped file's outcome",
        d -> !batchId.equals(d.findElement(By.id("upload-outcome")).getAttribute("data-batch")));
    assertThat(browser.text(By.cssSelector("#count-accepted .v"))).isEqualTo("0");
    assertThat(browser.text(By.cssSelector("#count-ignored .v"))).isEqualTo("1");
    assertThat(browser.findAll(By.cssSelector("#upload-errors tbody tr"))).hasSize(3);

    Path template = browser.download(By.id("template-xlsx"), ".xlsx");
    assertThat(template.getFileName().toString()).isEqualTo("问题件上报模板.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(template))) {
      assertThat(workbook.getNumberOfSheets()).as("the template is a workbook").isPositive();
    }
  }

  @Test
  void theProvincePreviewsPublishesCorrectsAndOpensABulletin() throws Exception {
    openOnALaptop(ADMIN_KEY, "#/bulletins?period=2024-02");
    browser.find(By.cssSelector("input[name='w-satisfaction_rate']")).clear();
    browser.find(By.cssSelector("input[name='w-satisfaction_rate']")).sendKeys("0.5");
    browser.find(By.id("preview-button")).click();
    browser.await(
        "the preview", d -> !d.findElements(By.cssSelector("#preview-out table.league")).isEmpty());
    assertThat(browser.findAll(By.cssSelector("#preview-out table.league")))
        .as("one table per peer group")
        .hasSize(4);

    String first = publish();
    assertThat(get(ADMIN_KEY, "/api/v1/bulletins").get("rows").findValuesAsText("id"))
        .contains(first);
    browser.await(
        "the new bulletin in the list",
        d ->
            !d.findElements(By.cssSelector("#bulletins-table tr[data-bulletin='" + first + "']"))
                .isEmpty());

    // the same period again: the page offers a correction, which replaces the first
    browser.find(By.id("publish-button")).click();
    browser.driver().switchTo().alert().accept();
    browser.await("the offer to correct", d -> !d.findElements(By.id("correct-button")).isEmpty());
    browser.find(By.id("correct-button")).click();
    browser.driver().switchTo().alert().accept();
    browser.await("the correction", d -> !d.findElements(By.id("published")).isEmpty());
    String correction = browser.find(By.id("published")).getAttribute("data-bulletin");
    assertThat(correction).isNotEqualTo(first);
    WebElement corrected =
        browser.await(
            "the corrected bulletin marked",
            d -> {
              var row = d.findElements(By.cssSelector("tr[data-bulletin='" + first + "']"));
              return !row.isEmpty() && row.get(0).getText().contains("已被更正") ? row.get(0) : null;
            });
    assertThat(corrected.getText()).contains("2024年2月");

    String main = browser.driver().getWindowHandle();
    browser
        .find(By.cssSelector("tr[data-bulletin='" + correction + "'] button[data-open='pdf']"))
        .click();
    String pdfWindow =
        browser.await(
            "the PDF in a new window",
            d ->
                d.getWindowHandles().stream()
                    .filter(w -> !w.equals(main))
                    .findFirst()
                    .orElse(null));
    browser.driver().switchTo().window(pdfWindow);
    browser.await("the PDF loaded", d -> d.getCurrentUrl().startsWith("blob:"));
    browser.driver().close();
    browser.driver().switchTo().window(main);

    browser.scrollTop();
    screenshot("08-bulletins");

    browser.signIn(countyKey);
    browser.open("#/bulletins");
    assertThat(
            browser.findAll(By.cssSelector("#bulletins-table tr[data-bulletin]")).stream()
                .map(r -> r.getAttribute("data-bulletin")))
        .contains(first, correction);
    assertThat(browser.findAll(By.id("bulletin-publish")))
        .as("only the province publishes")
        .isEmpty();
  }

  /** Publishes through the page for the period shown; returns the bulletin id. */
  private static String publish() {
    browser.find(By.id("publish-button")).click();
    browser.driver().switchTo().alert().accept();
    browser.await(
        "the published bulletin",
        d ->
            !d.findElements(By.id("published")).isEmpty()
                || !d.findElements(By.cssSelector("#preview-out .notice-error")).isEmpty());
    assertThat(browser.findAll(By.cssSelector("#preview-out .notice-error"))).isEmpty();
    return browser.find(By.id("published")).getAttribute("data-bulletin");
  }

  @Test
  void aCityPicksItselfAndItsCountiesOnly() throws Exception {
    String city = "330300"; // 温州市
    String cityKey = new PlatformClient(url).issueKey(ADMIN_KEY, city, "web page itcase");
    openOnALaptop(cityKey, "#/tenant/" + COUNTY + "?period=2024-01");
    List<String> pickable =
        new Select(browser.find(By.cssSelector("#view select[name=tenant]")))
            .getOptions().stream().map(o -> o.getAttribute("value")).toList();
    List<String> expected = new ArrayList<>(List.of(city));
    for (JsonNode t : get(cityKey, "/api/v1/tenants").get("rows")) {
      if (city.equals(t.get("parent").asText(null))) {
        expected.add(t.get("code").asText());
      }
    }
    assertThat(pickable).containsExactlyInAnyOrderElementsOf(expected).hasSizeGreaterThan(5);
    browser.await("the cases table", d -> !d.findElements(By.id("cases-table")).isEmpty());
    assertThat(browser.find(By.id("cases-table")).getAttribute("data-total"))
        .isEqualTo(
            get(cityKey, "/api/v1/cases?tenant=" + COUNTY + "&period=2024-01&limit=1")
                .get("total")
                .asText());
  }

  @Test
  void theLeagueTableAndTheTenantViewFitAPhone() throws Exception {
    browser.viewport(Browser.PHONE);
    browser.signIn(countyKey);
    browser.open(LEAGUE.replace("2024-01", "2024-02"));
    assertThat(browser.findAll(By.cssSelector("#league-table tbody tr"))).hasSizeGreaterThan(80);
    assertThat(browser.findAll(By.cssSelector("#league-table tr.own")))
        .as("the county's own row is marked")
        .hasSize(1);
    for (JsonNode r :
        get(countyKey, "/api/v1/rankings?period=2024-02&group=counties&scheme=standard")
            .get("rows")) {
      if (r.get("tenant").asText().equals(COUNTY) && r.get("eligible").asBoolean()) {
        assertThat(browser.text(By.id("my-rank")))
            .startsWith("瑞安市：第 " + r.get("rank").asText() + " 名");
      }
    }
    Object overflow = browser.js("return document.documentElement.scrollWidth > window.innerWidth");
    assertThat(overflow).as("the page itself does not scroll sideways on a phone").isEqualTo(false);
    screenshot("phone-league");
    browser.open("#/tenant/" + COUNTY + "?period=2024-W09");
    assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth"))
        .isEqualTo(false);
    screenshot("phone-tenant");
    browser.viewport(Browser.LAPTOP);
  }

  @Test
  void theProvinceDefinesAnIndicatorPreviewsItAndSeesItInTheLeagueTable() throws Exception {
    openOnALaptop(ADMIN_KEY, "#/indicators?period=2024-01");
    List<String> listed =
        browser.findAll(By.cssSelector("#indicator-table tbody tr")).stream()
            .map(r -> r.getAttribute("data-code"))
            .toList();
    List<String> expectedCodes = new ArrayList<>();
    get(ADMIN_KEY, "/api/v1/indicators")
        .get("rows")
        .forEach(r -> expectedCodes.add(r.get("code").asText()));
    assertThat(listed).isEqualTo(expectedCodes).contains("resolution_rate");
    assertThat(cell(row("#indicator-table", "resolution_rate"), "target")).isEqualTo("≥ 90.0%");

    String code = "web_policy_closed";
    browser.find(By.id("indicator-code")).sendKeys(code);
    browser.find(By.id("indicator-name")).sendKeys("政策类问题办结率");
    browser.find(By.id("indicator-target")).sendKeys("0.5");
    browser.find(By.cssSelector("input[name='denominator.category'][value='policy']")).click();
    new Select(browser.find(By.name("numerator.closed"))).selectByValue("true");
    browser.find(By.name("weight.resolution_rate")).sendKeys("1");
    browser.find(By.id("indicator-preview-button")).click();
    browser.await(
        "the preview", d -> !d.findElements(By.cssSelector("#preview-table tbody tr")).isEmpty());

    // the same draft through the API: the page shows what the preview route answers
    String draft =
        "{\"code\":\""
            + code
            + "\",\"name\":\"政策类问题办结率\",\"kind\":\"case_ratio\","
            + "\"direction\":\"higher_better\",\"target\":0.5,"
            + "\"denominator\":{\"category\":[\"policy\"]},\"numerator\":{\"closed\":true}}";
    String scheme =
        "{\"indicators\":[{\"rate\":\""
            + code
            + "\",\"weight\":1,\"direction\":\"higher_better\"},"
            + "{\"rate\":\"resolution_rate\",\"weight\":1,\"direction\":\"higher_better\"}]}";
    JsonNode preview =
        post(
            "/api/v1/rankings/preview",
            "{\"period\":\"2024-01\",\"group\":\"counties\",\"scheme\":"
                + scheme
                + ",\"indicators\":["
                + draft
                + "]}",
            200);
    assertTableShows("#preview-table", preview, code);
    assertThat(get(ADMIN_KEY, "/api/v1/indicators").toString()).doesNotContain(code);

    browser.find(By.id("indicator-save")).click();
    browser.await("the saved indicator", d -> !d.findElements(By.id("indicator-saved")).isEmpty());
    browser.await(
        "the indicator in the list",
        d ->
            !d.findElements(By.cssSelector("#indicator-table tr[data-code='" + code + "']"))
                .isEmpty());
    JsonNode stored = null;
    for (JsonNode r : get(ADMIN_KEY, "/api/v1/indicators").get("rows")) {
      if (r.get("code").asText().equals(code)) {
        stored = r;
      }
    }
    assertThat(stored).isNotNull();
    assertThat(stored.get("current_version").asInt()).isEqualTo(1);
    assertThat(stored.get("denominator").toString()).isEqualTo("{\"category\":[\"policy\"]}");
    assertThat(stored.get("numerator").toString()).isEqualTo("{\"closed\":true}");
    WebElement listedRow = row("#indicator-table", code);
    assertThat(cell(listedRow, "doc")).contains("问题类别为政策").contains("已办结：是");
    assertThat(cell(listedRow, "target")).isEqualTo("≥ 50.0%");
    screenshot("09-indicators");

    browser.find(By.id("scheme-id")).sendKeys("web_eight_x");
    browser.find(By.id("scheme-name")).sendKeys("网页 8+X 方案");
    browser.find(By.id("scheme-save")).click();
    browser.await("the saved scheme", d -> !d.findElements(By.id("scheme-saved")).isEmpty());
    browser.find(By.id("scheme-league-link")).click();
    browser.awaitRendered("#/league?period=2024-01&group=counties&scheme=web_eight_x");
    JsonNode table =
        get(ADMIN_KEY, "/api/v1/rankings?period=2024-01&group=counties&scheme=web_eight_x");
    assertThat(table.get("scheme").get("id").asText()).isEqualTo("web_eight_x");
    assertTableShows("#league-table", table, code);
    assertThat(browser.find(By.cssSelector("#league-table thead")).getText()).contains("政策类问题办结率");
    long below = 0;
    for (JsonNode r : table.get("rows")) {
      JsonNode t = r.get("targets").get(code);
      if (t != null && !t.get("met").isNull() && !t.get("met").asBoolean()) {
        below++;
      }
    }
    assertThat(
            browser
                .find(By.cssSelector("#league-targets li[data-code='" + code + "']"))
                .getAttribute("data-below"))
        .isEqualTo(String.valueOf(below));
    screenshot("10-league-8x");

    // 地区详情: the county's custom value and targets as /metrics answers them
    browser.open("#/tenant/" + COUNTY + "?period=2024-01&group=counties");
    JsonNode metrics = get(ADMIN_KEY, "/api/v1/metrics?period=2024-01&tenant=" + COUNTY);
    JsonNode value = metrics.get("indicators").get(code);
    WebElement tile =
        browser.find(By.cssSelector("#custom-indicators [data-indicator='" + code + "']"));
    assertShownRatio(tile.findElement(By.cssSelector(".v")).getText(), value.get("value"), COUNTY);
    assertThat(tile.getAttribute("data-met"))
        .isEqualTo(metrics.get("targets").get(code).get("met").asText());
    assertThat(
            browser
                .find(By.cssSelector("#indicators [data-rate='resolution_rate']"))
                .getAttribute("data-met"))
        .isEqualTo(metrics.get("targets").get("resolution_rate").get("met").asText());
    assertTrendIsTheApis(code, "2024-02");

    // retired in the page: the API says so, the list marks it
    browser.open("#/indicators?period=2024-01");
    browser.js("window.confirm = () => true;");
    browser.find(By.cssSelector("button.retire[data-code='" + code + "']")).click();
    browser.await(
        "the retired mark",
        d ->
            Boolean.TRUE.equals(
                browser.js(
                    "const tr = document.querySelector(`#indicator-table tr[data-code='${arguments[0]}']`);"
                        + " return !!tr && tr.textContent.includes('已停用');",
                    code)));
    for (JsonNode r : get(ADMIN_KEY, "/api/v1/indicators").get("rows")) {
      if (r.get("code").asText().equals(code)) {
        assertThat(r.get("retired").asBoolean()).isTrue();
      }
    }
  }

  /**
   * Row order, score and the custom indicator's value and target mark, as the API answered; the
   * shown table is read in one script (one round trip instead of several per row).
   */
  @SuppressWarnings("unchecked")
  private static void assertTableShows(String table, JsonNode api, String code) {
    List<Map<String, Object>> rows =
        (List<Map<String, Object>>)
            browser.js(
                "return [...document.querySelectorAll(arguments[0] + ' tbody tr')].map((tr) => {"
                    + " const td = tr.querySelector(`td[data-rate='${arguments[1]}']`);"
                    + " const v = td.querySelector('.v');"
                    + " return {tenant: tr.dataset.tenant,"
                    + " score: tr.querySelector('td.score').textContent.trim(),"
                    + " text: td.textContent, value: v ? v.textContent : null,"
                    + " met: td.dataset.met === undefined ? null : td.dataset.met}; });",
                table,
                code);
    assertThat(rows).hasSize(api.get("rows").size()).hasSizeGreaterThan(80);
    int withValue = 0;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode expected = api.get("rows").get(i);
      Map<String, Object> row = rows.get(i);
      String tenant = expected.get("tenant").asText();
      assertThat(row.get("tenant")).as("row %d", i + 1).isEqualTo(tenant);
      if (!expected.get("score").isNull()) {
        assertThat(new BigDecimal((String) row.get("score")))
            .as("score of %s", tenant)
            .isEqualByComparingTo(expected.get("score").decimalValue());
      }
      JsonNode detail = expected.get("rates").get(code);
      if (detail.get("value").isNull()) {
        assertThat(row.get("text")).as(tenant).isEqualTo("—");
        continue;
      }
      withValue++;
      assertShownRatio((String) row.get("value"), detail.get("value"), tenant);
      JsonNode target = expected.get("targets").get(code);
      assertThat(row.get("met")).as(tenant).isEqualTo(target.get("met").asText());
      assertThat((String) row.get("text"))
          .as(tenant)
          .contains(target.get("met").asBoolean() ? "达标" : "未达标");
    }
    assertThat(withValue).as("the sample feed has policy cases in many counties").isGreaterThan(10);
  }

  private static void assertShownRatio(String shown, JsonNode value, String tenant) {
    assertThat(shown).as(tenant).endsWith("%");
    assertThat(Double.parseDouble(shown.substring(0, shown.length() - 1)))
        .as("%s shows %s for %s", tenant, shown, value)
        .isCloseTo(value.asDouble() * 100, org.assertj.core.api.Assertions.within(0.05 + 1e-9));
  }

  @Test
  void aCountyUploadsAReportedValueInThePage() throws Exception {
    String code = "web_policy_payout";
    post(
        "/api/v1/indicators",
        "{\"code\":\""
            + code
            + "\",\"name\":\"政策兑现率\",\"kind\":\"reported\","
            + "\"direction\":\"higher_better\",\"target\":0.9}",
        201);
    openOnALaptop(countyKey, "#/indicators");
    assertThat(browser.findAll(By.id("indicator-form"))).as("only the province defines").isEmpty();
    assertThat(browser.findAll(By.cssSelector("#indicator-table tr[data-code='" + code + "']")))
        .hasSize(1);
    String csv =
        String.join(
            "\n",
            "indicator,tenant_code,period,numerator,denominator",
            code + "," + COUNTY + ",2024-01,8,10",
            code + "," + OTHER_COUNTY + ",2024-01,5,10",
            code + "," + COUNTY + ",2024-02,12,10",
            "");
    chooseFile("瑞安市-政策兑现率.csv", csv, "indicator-values-file", "values-outcome");
    assertCounted("values", "1", "2");
    List<WebElement> errors = browser.findAll(By.cssSelector("#values-errors tbody tr"));
    assertThat(errors.stream().map(r -> r.getAttribute("data-row")).toList())
        .containsExactly("2", "3");
    assertThat(errors.get(0).findElement(By.cssSelector(".message")).getAttribute("data-code"))
        .isEqualTo(ErrorCode.TENANT_OUT_OF_SCOPE.wireName());
    assertThat(errors.get(0).getText())
        .contains(OTHER_COUNTY)
        .contains(Vocabulary.term("reported_field", "tenant_code"));
    assertThat(errors.get(1).findElement(By.cssSelector(".message")).getAttribute("data-code"))
        .isEqualTo(ErrorCode.REPORTED_NUMERATOR_ABOVE_DENOMINATOR.wireName());
    assertThat(errors.get(1).findElement(By.cssSelector(".message")).getText())
        .isEqualTo(
            Vocabulary.text(
                ErrorCode.REPORTED_NUMERATOR_ABOVE_DENOMINATOR,
                Map.of("numerator", "12", "denominator", "10")));
    screenshot("11-indicator-values-upload");

    JsonNode value =
        get(countyKey, "/api/v1/metrics?period=2024-01&tenant=" + COUNTY)
            .get("indicators")
            .get(code);
    assertThat(value.get("numerator").asLong()).isEqualTo(8);
    assertThat(value.get("denominator").asLong()).isEqualTo(10);
    browser.open("#/tenant/" + COUNTY + "?period=2024-01");
    WebElement tile =
        browser.find(By.cssSelector("#custom-indicators [data-indicator='" + code + "']"));
    assertThat(tile.findElement(By.cssSelector(".v")).getText()).isEqualTo("80.0%");
    assertThat(tile.getAttribute("data-met")).isEqualTo("false");
    assertThat(tile.getText()).contains("未达标");
  }

  /** Signs in with {@code key} in a laptop-sized window and opens the page's {@code route}. */
  private static void openOnALaptop(String key, String route) {
    browser.viewport(Browser.LAPTOP);
    browser.signIn(key);
    browser.open(route);
  }

  /**
   * Writes {@code csv} as {@code fileName} in the platform's data folder, chooses it in the page's
   * file input {@code input} and waits until the upload's outcome {@code outcome} shows.
   */
  private static void chooseFile(String fileName, String csv, String input, String outcome)
      throws IOException {
    Path file = PLATFORM.dataDir().resolve(fileName);
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    browser.find(By.id(input)).sendKeys(file.toString());
    browser.await("the upload's outcome", d -> !d.findElements(By.id(outcome)).isEmpty());
  }

  /** The outcome shown counts {@code accepted} and {@code rejected} rows ({@code #<prefix>-…}). */
  private static void assertCounted(String prefix, String accepted, String rejected) {
    assertThat(browser.text(By.cssSelector("#" + prefix + "-accepted .v")))
        .as("accepted")
        .isEqualTo(accepted);
    assertThat(browser.text(By.cssSelector("#" + prefix + "-rejected .v")))
        .as("rejected")
        .isEqualTo(rejected);
  }

  private static WebElement row(String table, String code) {
    return browser.find(By.cssSelector(table + " tbody tr[data-code='" + code + "']"));
  }

  /** POSTs JSON with the admin key; the answer, after checking its status. */
  private static JsonNode post(String path, String json, int expected) throws Exception {
    HttpResponse<String> r = Figures.post(url, ADMIN_KEY, path, json);
    assertThat(r.statusCode()).as("POST %s → %s", path, r.body()).isEqualTo(expected);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
  }

  @Test
  void aCountySignsItsMonthOffAndTheProvinceSeesTheFlagList() throws Exception {
    openOnALaptop(countyKey, "#/governance?period=2024-01");
    String own = "#governance-table tr[data-tenant='" + COUNTY + "']";
    browser.await(
        "the county's sign-off button",
        d -> !d.findElements(By.cssSelector(own + " button.sign-off")).isEmpty());
    assertThat(browser.findAll(By.cssSelector("#governance-table tbody tr")))
        .as("a county's grid is itself only")
        .hasSize(1);
    browser.find(By.cssSelector(own + " button.sign-off")).click();
    browser.await(
        "the county signed off",
        d -> d.findElement(By.cssSelector(own + " .signoff-state")).getText().startsWith("已确认"));
    JsonNode signed = get(countyKey, "/api/v1/signoffs?period=2024-01").get("rows").get(0);
    assertThat(signed.get("tenant").asText()).isEqualTo(COUNTY);
    assertThat(signed.get("signed_off").asBoolean()).isTrue();
    assertThat(signed.get("signed_by").asText()).isEqualTo(COUNTY);
    screenshot("09-governance-county");

    browser.signOut();
    browser.signIn(ADMIN_KEY);
    browser.open("#/governance?period=2024-01");
    browser.await(
        "the flags", d -> !d.findElements(By.cssSelector("#flags-table, #flags-empty")).isEmpty());
    List<String> answered = new ArrayList<>();
    get(ADMIN_KEY, "/api/v1/flags?period=2024-01")
        .get("rows")
        .forEach(r -> answered.add(r.get("tenant").asText() + " " + r.get("flag").asText()));
    List<String> shown =
        browser.findAll(By.cssSelector("#flags-table tbody tr")).stream()
            .map(r -> r.getAttribute("data-tenant") + " " + r.getAttribute("data-flag"))
            .toList();
    assertThat(shown).containsExactlyElementsOf(answered);
    assertThat(browser.findAll(By.id("flags-empty"))).hasSize(answered.isEmpty() ? 1 : 0);
    assertThat(browser.text(By.cssSelector(own + " .signoff-state"))).startsWith("已确认");
    assertThat(browser.findAll(By.cssSelector("#governance-table tbody tr")))
        .as("the province's grid: every tenant")
        .hasSize(get(ADMIN_KEY, "/api/v1/reporting?period=2024-01").get("rows").size());
  }

  @Test
  void theProvinceBrowsesTheCommonProblemsAndOpensAGroupsCases() throws Exception {
    openOnALaptop(ADMIN_KEY, "#/problems?period=2024-01&tenant=330300");
    JsonNode groups = get(ADMIN_KEY, "/api/v1/common-problems?period=2024-01&tenant=330300");
    assertThat(groups.get("rows").size()).isGreaterThan(2);
    List<WebElement> rows =
        assertRowsShown(
            "#problems-table tbody tr[data-id]",
            groups.get("rows"),
            Map.of("@data-id", "id", "label", "label", "cases", "cases"));
    rows.get(0).findElement(By.cssSelector("button")).click();
    browser.await(
        "the group's cases",
        d -> !d.findElements(By.cssSelector("#problems-table .case-list li")).isEmpty());
    assertThat(browser.findAll(By.cssSelector("#problems-table .case-list li")))
        .hasSize(groups.get("rows").get(0).get("cases").asInt());
    screenshot("problems");
  }

  @Test
  void theLeagueTableShowsEachTenantsFlagsAndAFlagsEvidenceOpensTheCase() throws Exception {
    openOnALaptop(ADMIN_KEY, LEAGUE);
    browser.await(
        "the league table", d -> !d.findElements(By.cssSelector("#league tbody tr")).isEmpty());
    java.util.Map<String, Integer> answered = new java.util.TreeMap<>();
    JsonNode flags = get(ADMIN_KEY, "/api/v1/flags?period=2024-01").get("rows");
    flags.forEach(r -> answered.merge(r.get("tenant").asText(), 1, Integer::sum));
    java.util.Map<String, Integer> shown = new java.util.TreeMap<>();
    java.util.Set<String> rows = new java.util.HashSet<>();
    for (WebElement tr : browser.findAll(By.cssSelector("#league tbody tr[data-tenant]"))) {
      rows.add(tr.getAttribute("data-tenant"));
      for (WebElement mark : tr.findElements(By.cssSelector("a.flag-mark"))) {
        shown.put(
            tr.getAttribute("data-tenant"), Integer.parseInt(mark.getAttribute("data-flags")));
        assertThat(mark.getAttribute("href")).endsWith("#/governance?period=2024-01");
      }
    }
    answered.keySet().retainAll(rows);
    assertThat(shown).isEqualTo(answered);

    browser.open("#/governance?period=2024-01");
    browser.await(
        "the flags", d -> !d.findElements(By.cssSelector("#flags-table, #flags-empty")).isEmpty());
    List<WebElement> evidence = browser.findAll(By.cssSelector("#flags-table td.evidence a"));
    int linked = 0;
    for (JsonNode r : flags) {
      linked += r.get("evidence").size();
    }
    assertThat(evidence).hasSize(linked);
    JsonNode open = null;
    for (JsonNode r : flags) {
      for (JsonNode id : r.get("evidence")) {
        String q = "?tenant=" + r.get("tenant").asText() + "&period=2024-01&case_id=" + id.asText();
        if (open == null && get(ADMIN_KEY, "/api/v1/cases" + q).get("total").asInt() == 1) {
          open = r;
          browser
              .find(By.cssSelector("#flags-table td.evidence a[data-case='" + id.asText() + "']"))
              .click();
          browser.await(
              "the case opened from the evidence",
              d ->
                  d.findElements(By.cssSelector("tr[data-case='" + id.asText() + "']")).size() == 1
                      && d.findElements(By.cssSelector("tr[data-case]")).size() == 1);
        }
      }
    }
    assertThat(open == null)
        .as("a flag's evidence case opened (none when no flag: %s)", flags)
        .isEqualTo(flags.isEmpty());
  }

  @Test
  void aCountySeesItsWarningsAndTheProvinceTheSummaryPerTenant() throws Exception {
    openOnALaptop(countyKey, "#/warnings");
    browser.await(
        "the county's warnings", d -> !d.findElements(By.cssSelector("#warnings-list")).isEmpty());
    JsonNode page = get(countyKey, "/api/v1/warnings?tenant=" + COUNTY + "&limit=200");
    assertThat(page.get("total").asInt()).as("the sample feed leaves open cases").isPositive();
    assertThat(browser.find(By.id("warnings-table")).getAttribute("data-total"))
        .isEqualTo(page.get("total").asText());
    List<WebElement> shown = browser.findAll(By.cssSelector("#warnings-table tbody tr"));
    assertThat(shown).hasSize(page.get("rows").size());
    for (int i = 0; i < shown.size(); i++) {
      JsonNode r = page.get("rows").get(i);
      assertThat(shown.get(i).getAttribute("data-case")).isEqualTo(r.get("case_id").asText());
      assertThat(shown.get(i).getAttribute("data-state")).isEqualTo(r.get("state").asText());
      assertThat(shown.get(i).getAttribute("class")).isEqualTo("state-" + r.get("state").asText());
      assertThat(cell(shown.get(i), "reasons"))
          .as("the model's reasons in the vocabulary's Chinese")
          .isNotEmpty()
          .doesNotContainPattern("[a-z]{3,}");
    }
    assertThat(browser.findAll(By.cssSelector("#warnings-table .badge.state-overdue")))
        .hasSize(
            (int)
                stream(page.get("rows"))
                    .filter(r -> r.get("state").asText().equals("overdue"))
                    .count());
    screenshot("warnings-county");

    browser.signOut();
    browser.signIn(ADMIN_KEY);
    browser.open("#/warnings");
    browser.await(
        "the province's summary",
        d -> !d.findElements(By.cssSelector("#warnings-summary-table")).isEmpty());
    JsonNode summary = get(ADMIN_KEY, "/api/v1/warnings/summary");
    assertRowsShown(
        "#warnings-summary-table tbody tr",
        summary.get("rows"),
        Map.of("@data-tenant", "tenant", "open", "open", "state-overdue", "overdue"));
    screenshot("warnings-province");
    browser
        .find(
            By.cssSelector("#warnings-summary-table tr[data-tenant='" + COUNTY + "'] a.open-list"))
        .click();
    browser.await(
        "the county's list opened from the summary",
        d -> !d.findElements(By.cssSelector("#warnings-list")).isEmpty());
    assertThat(browser.find(By.id("warnings-table")).getAttribute("data-total"))
        .isEqualTo(page.get("total").asText());
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  /**
   * The rows {@code selector} finds are the API's {@code answered} rows, one for one and in order;
   * {@code columns} says which field of its answer each row shows where: in its cell of that class
   * ({@code label}), or in an attribute of the row ({@code @data-id}). The rows shown.
   */
  private static List<WebElement> assertRowsShown(
      String selector, JsonNode answered, Map<String, String> columns) {
    List<WebElement> shown = browser.findAll(By.cssSelector(selector));
    assertThat(shown).as(selector).hasSize(answered.size());
    for (int i = 0; i < shown.size(); i++) {
      WebElement row = shown.get(i);
      for (Map.Entry<String, String> column : columns.entrySet()) {
        String where = column.getKey();
        String text =
            where.startsWith("@") ? row.getAttribute(where.substring(1)) : cell(row, where);
        assertThat(text)
            .as("%s: row %d, %s", selector, i, where)
            .isEqualTo(answered.get(i).get(column.getValue()).asText());
      }
    }
    return shown;
  }

  private static String cell(WebElement row, String cls) {
    return row.findElement(By.cssSelector("td." + cls)).getText().strip();
  }

  private static void screenshot(String name) throws Exception {
    Path file = screenshotsDir().resolve(name + ".png");
    long bytes = browser.screenshot(file);
    assertThat(bytes).as("%s stays small enough to commit", file).isLessThan(MAX_SCREENSHOT_BYTES);
  }

  /** docs/screenshots of the checkout, found from the working directory (the module's). */
  private static Path screenshotsDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("docs/SPEC.md"))) {
        return p.resolve("docs/screenshots");
      }
    }
    throw new IllegalStateException("no docs/SPEC.md above " + Path.of("").toAbsolutePath());
  }

  /**
   * 近 12 期趋势 of a defined indicator in 地区详情 (province key): the county's point of each of the 12
   * months up to {@code period} is its {@code /metrics} value, the dashed line the median of the
   * values of the counties group's members in {@code /metrics?level=county} (computed here).
   */
  private static void assertTrendIsTheApis(String code, String period) throws Exception {
    browser.open("#/tenant/" + COUNTY + "?period=" + period + "&group=counties");
    WebElement box =
        browser.find(By.cssSelector("#trends .chart.trend[data-indicator='" + code + "']"));
    assertThat(box.findElements(By.tagName("canvas"))).hasSize(1);
    JsonNode own =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(box.getAttribute("data-own"));
    JsonNode median =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(box.getAttribute("data-median"));
    java.util.Set<String> counties = new java.util.HashSet<>();
    io.liangshai.tenants.TenantRegistryLoader.loadDefault()
        .members("counties")
        .forEach(t -> counties.add(t.code()));
    java.time.YearMonth last = java.time.YearMonth.parse(period);
    assertThat(own.size()).isEqualTo(12);
    int points = 0;
    for (int i = 0; i < 12; i++) {
      String month = last.minusMonths(11 - i).toString();
      JsonNode mine =
          get(ADMIN_KEY, "/api/v1/metrics?period=" + month + "&tenant=" + COUNTY)
              .get("indicators")
              .get(code);
      assertPoint(own.get(i), mine.get("value"), "own " + month);
      List<Double> values = new ArrayList<>();
      for (JsonNode r :
          get(ADMIN_KEY, "/api/v1/metrics?period=" + month + "&level=county").get("rows")) {
        JsonNode v = r.get("indicators").get(code).get("value");
        if (counties.contains(r.get("tenant").asText()) && !v.isNull()) {
          values.add(v.asDouble());
        }
      }
      values.sort(Double::compare);
      int n = values.size();
      Double expected =
          n == 0
              ? null
              : n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
      JsonNode shown = median.get(i);
      if (expected == null) {
        assertThat(shown.isNull()).as("median %s", month).isTrue();
      } else {
        assertThat(shown.asDouble()).as("median %s", month).isCloseTo(expected, within(1e-12));
      }
      points += mine.get("value").isNull() ? 0 : 1;
    }
    assertThat(points).as("the sample feed's January and February").isEqualTo(2);
    browser.scrollTo(By.cssSelector("#trends .chart.trend[data-indicator='" + code + "']"));
    screenshot("12-tenant-trend-8x");
  }

  private static void assertPoint(JsonNode shown, JsonNode api, String what) {
    if (api.isNull()) {
      assertThat(shown.isNull()).as(what).isTrue();
    } else {
      assertThat(shown.asDouble()).as(what).isCloseTo(api.asDouble(), within(1e-12));
    }
  }

  private static JsonNode get(String key, String path) throws Exception {
    return Figures.get(url, key, path);
  }

  private static int status(String key, String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
