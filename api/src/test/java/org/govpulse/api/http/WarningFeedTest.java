package org.govpulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.govpulse.api.ServedFixture;
import org.govpulse.api.TestApi;
import org.govpulse.api.feed.CsvExport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The warnings feed: order, cursor pagination, filters, and the Atom and CSV renderings. */
class WarningFeedTest extends ServedFixture {

  private List<String> ids(String query) {
    JsonNode page = TestApi.json(api.get("/api/v1/warnings" + query, api.viewer));
    List<String> out = new ArrayList<>();
    page.get("items").forEach(w -> out.add(w.get("warning_id").asText()));
    return out;
  }

  @Test
  void pages_follow_the_cursor_without_gaps_or_repeats_latest_change_first() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = TestApi.json(api.get("/api/v1/warnings?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
          api.viewer));
      page.get("items").forEach(w -> seen.add(w.get("warning_id").asText()));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    // w-1 and w-5 changed at the same instant: the id breaks the tie
    assertThat(seen).containsExactly("w-1", "w-5", "w-2", "w-3", "w-4", "w-6");
    assertThat(TestApi.json(api.get("/api/v1/warnings", api.viewer)).get("last_sequence").asLong()).isEqualTo(8);
  }

  @Test
  void filters_select_by_level_region_department_status_kind_and_since() {
    assertThat(ids("?level=red")).containsExactly("w-1", "w-5");
    assertThat(ids("?level=red,orange")).containsExactly("w-1", "w-5", "w-2");
    assertThat(ids("?region=JZ02")).containsExactly("w-5", "w-2");
    assertThat(ids("?department=EEB")).containsExactly("w-2", "w-4", "w-6");
    assertThat(ids("?status=acknowledged,resolved")).containsExactly("w-3", "w-4");
    assertThat(ids("?kind=target_risk&level=yellow")).containsExactly("w-3");
    assertThat(ids("?since=2026-02-15")).containsExactly("w-1", "w-5", "w-2", "w-3");
    assertThat(ids("?since=2026-03-01T09:30:00Z")).containsExactly("w-1", "w-5");
    assertThat(ids("?since=2026-03-01T17:30:00%2B08:00")).containsExactly("w-1", "w-5");
    assertThat(ids("?department=EEB&limit=1&cursor=" + TestApi.json(api.get("/api/v1/warnings?department=EEB&limit=1",
        api.viewer)).get("next_cursor").asText())).containsExactly("w-4");
  }

  @Test
  void a_bad_filter_or_cursor_gets_400() {
    assertThat(api.get("/api/v1/warnings?status=closed", api.viewer).statusCode()).isEqualTo(400);
    assertThat(api.get("/api/v1/warnings?since=yesterday", api.viewer).body()).contains("ISO-8601");
    assertThat(api.get("/api/v1/warnings?cursor=bm9wZQ", api.viewer).body()).contains("next_cursor");
    assertThat(api.get("/api/v1/warnings?limit=501", api.viewer).statusCode()).isEqualTo(400);
  }

  @Test
  void one_warning_comes_with_its_history_in_order() {
    JsonNode w = TestApi.json(api.get("/api/v1/warnings/w-3", api.viewer));
    assertThat(w.get("status").asText()).isEqualTo("acknowledged");
    assertThat(w.get("history")).extracting(e -> e.get("event_type").asText())
        .containsExactly("raised", "acknowledged");
    assertThat(w.get("history").get(1).get("comment").asText()).isEqualTo("checking with the bureau");
    assertThat(w.get("evidence").get("forecast").asText()).isEqualTo("/api/v1/forecasts/JZ03/GDP");
  }

  @Test
  void the_atom_feed_is_atom_with_chinese_or_english_entries_and_absolute_links() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/warnings/feed.atom?level=red", api.viewer);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("application/atom+xml"));
    Document zh = xml(r.body());
    Element feed = zh.getDocumentElement();
    assertThat(feed.getLocalName()).isEqualTo("feed");
    assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertThat(entries.getLength()).isEqualTo(2);
    Element first = (Element) entries.item(0);
    assertThat(text(first, "title")).isEqualTo("[红色] 江州JZ01预警w-1");
    assertThat(text(first, "id")).isEqualTo("tag:govpulse,2026:warning:w-1");
    assertThat(text(first, "updated")).isEqualTo("2026-03-01T10:00:00Z");
    Element link = (Element) first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
    assertThat(link.getAttribute("href")).isEqualTo(api.base() + "/api/v1/warnings/w-1");
    Document en = xml(api.get("/api/v1/warnings/feed.atom?lang=en&limit=1", api.viewer).body());
    assertThat(text(en.getDocumentElement(), "title")).isEqualTo("GovPulse warnings");
    assertThat(text((Element) en.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0), "title"))
        .isEqualTo("[red] Warning w-1 in JZ01");
    assertThat(api.get("/api/v1/warnings/feed.atom?lang=fr", api.viewer).statusCode()).isEqualTo(400);
  }

  @Test
  void the_csv_export_is_utf8_with_a_bom_and_round_trips_chinese_commas_and_quotes() {
    HttpResponse<byte[]> r = api.send(HttpRequest.newBuilder(URI.create(api.base()
        + "/api/v1/warnings/export.csv?department=EEB")).header("Authorization", "Bearer " + api.viewer).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(t ->
        assertThat(t).contains("attachment"));
    byte[] body = r.body();
    assertThat(Arrays.copyOf(body, 3)).isEqualTo(CsvExport.BOM);
    List<List<String>> rows = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    assertThat(rows.get(0)).isEqualTo(CsvExport.HEADER);
    assertThat(rows).hasSize(4);
    List<String> w2 = rows.get(1);
    assertThat(w2.get(CsvExport.HEADER.indexOf("warning_id"))).isEqualTo("w-2");
    assertThat(w2.get(CsvExport.HEADER.indexOf("level_zh"))).isEqualTo("橙色");
    assertThat(w2.get(CsvExport.HEADER.indexOf("region_name_zh"))).isEqualTo("东湖区");
    assertThat(w2.get(CsvExport.HEADER.indexOf("explanation_zh"))).isEqualTo("预警：w-2，需要关注, 包括逗号和\"引号\"");
  }

  private static Document xml(String body) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Element parent, String name) {
    NodeList l = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
    return l.item(0).getTextContent();
  }

  /** RFC 4180, as a spreadsheet reads it. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }
}
