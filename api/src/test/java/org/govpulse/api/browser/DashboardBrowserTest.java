package org.govpulse.api.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govpulse.core.table.Col.*;

import java.io.IOException;
import java.util.Optional;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.FixtureWarehouse;
import org.govpulse.core.table.WarningTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard in a real headless Chromium, served by the real API over the fixture warehouse: what a user sees.
 * Skipped when Chromium or chromedriver is not installed, unless GOVPULSE_REQUIRE_BROWSER=1 (CI), where that fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest extends ServedFixture {
  static final String REQUIRE = "GOVPULSE_REQUIRE_BROWSER";
  private Browser browser;
  private String skipped;

  @BeforeAll
  void startTheBrowser() throws IOException {
    Optional<Browser.Install> install = Browser.find();
    String missing = "No headless browser: install Debian's chromium and chromium-driver "
        + "(apt-get install -y chromium chromium-driver) to run the dashboard test";
    if (install.isEmpty()) {
      if ("1".equals(System.getenv(REQUIRE))) {
        Assertions.fail(missing + "; " + REQUIRE + "=1 requires it");
      }
      skipped = missing + " (set " + REQUIRE + "=1 to make this a failure)";
      System.err.println("DashboardBrowserTest skipped: " + skipped);
      return;
    }
    browser = new Browser(install.get(), dir);
    browser.open(api.base() + "/dashboard/#key=" + api.viewer);
  }

  @BeforeEach
  void needsTheBrowser() {
    Assumptions.assumeTrue(browser != null, skipped);
  }

  @AfterAll
  void stopTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String count(String css) {
    return "document.querySelectorAll('" + css + "').length";
  }

  @Test
  @Order(1)
  void the_dashboard_lists_the_open_warnings_in_chinese_with_the_chart_scorecard_and_findings() {
    browser.await(count("#warnings-list li") + " === 5");
    assertThat(browser.script("return document.title").asText()).isEqualTo("GovPulse 政务绩效预警");
    assertThat(browser.texts("#warnings-list li .wtitle")).as("open and acknowledged, latest change first")
        .containsExactlyInAnyOrder("红色江州JZ01预警w-1", "红色江州JZ02预警w-5", "橙色江州JZ02预警w-2",
            "黄色江州JZ03预警w-3", "黄色江州JZ03预警w-6");
    assertThat(browser.texts("#warnings-list li[data-warning-id='w-1'] .wmeta").get(0)).contains("江城区")
        .contains("未处理");
    assertThat(browser.texts("#warnings-list li[data-warning-id='w-4']")).as("resolved").isEmpty();
    // a missing font draws every character as the same box: then three different characters look like one repeated
    assertThat(browser.script("const font = getComputedStyle(document.querySelector('#warnings-list .wtitle')).font;"
        + "const draw = s => { const c = document.createElement('canvas'); c.width = 240; c.height = 60;"
        + "const g = c.getContext('2d'); g.font = font; g.fillText(s, 0, 40); return c.toDataURL(); };"
        + "return draw('江城区') !== draw('江江江');").asBoolean())
        .as("Chinese is drawn with real glyphs").isTrue();

    // the chart opens on the series of the first target-risk warning: 36 actuals and the 12 stored steps
    browser.await("document.getElementById('chart').dataset.steps === '12'");
    assertThat(browser.script("return document.getElementById('chart').dataset.points").asText()).isEqualTo("36");
    assertThat(browser.texts("#chart-note").get(0)).isEqualTo("办事等待天数 · 天");
    browser.await(count("#scorecard .tier") + " === 3");
    assertThat(browser.texts("#scorecard tr[data-entity='JZ01'] td")).contains("江城区", "81.5");
    assertThat(browser.texts("#findings li")).hasSize(3);
    assertThat(browser.texts("#stream-status").get(0)).isIn("实时", "连接中");
  }

  @Test
  @Order(2)
  void choosing_a_level_shows_only_warnings_of_that_level() {
    browser.await(count("#warnings-list li") + " === 5");
    browser.click("#level-filter option[value='red']");
    browser.await(count("#warnings-list li") + " === 2");
    assertThat(browser.script("return [...document.querySelectorAll('#warnings-list li')]"
        + ".every(e => e.dataset.level === 'red')").asBoolean()).isTrue();
    assertThat(browser.texts("#warnings-list li .wtitle")).allSatisfy(t -> assertThat(t).startsWith("红色"));
    browser.click("#level-filter option[value='']");
    browser.await(count("#warnings-list li") + " === 5");
  }

  @Test
  @Order(3)
  void a_new_warning_appears_live_without_reloading() {
    browser.await("document.getElementById('stream-status').dataset.state === 'live'");
    warehouse.append(WarningTables.WARNINGS, FixtureWarehouse.warning("w-7", "JZ03", "AQ_GOOD", "EEB", "data_quality",
        "red", "open", FixtureWarehouse.T0.plusSeconds(600)));
    warehouse.append(WarningTables.WARNING_EVENTS, FixtureWarehouse.event(9, "w-7", "raised", "red", "open",
        FixtureWarehouse.T0.plusSeconds(600), "system", null));
    browser.await("document.querySelector(\"#warnings-list li[data-warning-id='w-7']\")");
    assertThat(browser.texts("#warnings-list li[data-warning-id='w-7'] .wtitle").get(0))
        .isEqualTo("红色江州JZ03预警w-7");
    assertThat(browser.texts("#warnings-list li .wtitle").get(0)).as("the newest first").endsWith("w-7");
  }

  @Test
  @Order(4)
  void the_english_switch_translates_the_page_and_the_warnings() {
    browser.click("#lang");
    browser.await("document.querySelector('h1 span').innerText === 'Government performance and early warnings'");
    assertThat(browser.texts("#warnings-list li[data-warning-id='w-1'] .wtitle").get(0))
        .isEqualTo("redWarning w-1 in JZ01");
    assertThat(browser.texts("#warnings-list li[data-warning-id='w-1'] .wmeta").get(0))
        .contains("Jiangcheng District");
    assertThat(browser.texts("#chart-note").get(0)).isEqualTo("Waiting days · 天");
  }
}
