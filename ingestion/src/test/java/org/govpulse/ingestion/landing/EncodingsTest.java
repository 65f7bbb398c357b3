package org.govpulse.ingestion.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingsTest {

  @Test
  void chinese_text_is_detected_as_utf8_or_gb18030_by_its_bytes() {
    String text = "地区,指标,数值\n江城区,城镇调查失业率,5.2\n";
    assertThat(Encodings.detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
    assertThat(Encodings.detect(text.getBytes(Encodings.GB18030))).isEqualTo(Encodings.GB18030);
    assertThat(Encodings.detect("plain ascii".getBytes(StandardCharsets.US_ASCII))).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void a_bom_is_skipped_and_the_header_still_matches() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "sensor_id,ts,metric,value\nAQ01,2024-01-01T00:00:00Z,pm25,3\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    assertThat(Encodings.bomLength(all)).isEqualTo(3);
    LandingRecords.LandingRecord rec = LandingRecords.readAll(LandingFormats.SENSORS, all).get(0);
    assertThat(rec.parseError()).isNull();
    assertThat(rec.values()).containsExactly("AQ01", "2024-01-01T00:00:00Z", "pm25", "3");
  }

  @Test
  void overlong_and_truncated_utf8_sequences_are_not_utf8() {
    assertThat(Encodings.isValidUtf8(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)).isFalse();
    assertThat(Encodings.isValidUtf8(new byte[] {(byte) 0xE6, (byte) 0xB1}, 0, 2)).isFalse();
    assertThat(Encodings.isValidUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)).isFalse();
  }

  @Test
  void a_non_utf8_byte_after_a_long_ascii_run_is_found_wherever_it_falls() {
    String ascii = "sensor_id,ts,metric,value\nAQ01,2024-01-01T00:00:00Z,pm25,3\n";
    for (int at = 0; at <= 17; at++) {
      byte[] bytes = (ascii.substring(0, ascii.length() - at) + "江" + ascii.substring(ascii.length() - at))
          .getBytes(Encodings.GB18030);
      assertThat(Encodings.isValidUtf8(bytes, 0, bytes.length)).as("GB18030 byte at %d from the end", at).isFalse();
      byte[] utf8 = (ascii.substring(0, ascii.length() - at) + "江" + ascii.substring(ascii.length() - at))
          .getBytes(StandardCharsets.UTF_8);
      assertThat(Encodings.isValidUtf8(utf8, 0, utf8.length)).as("UTF-8 character at %d from the end", at).isTrue();
      assertThat(Encodings.isValidUtf8(utf8, 0, utf8.length - at - 1)).as("truncated at %d", at).isFalse();
    }
  }

  @Test
  void a_header_without_a_required_column_marks_every_record() {
    byte[] file = "region,indicator,value,submitted_at\nJZ01,GDP,1,2024-01-01\n".getBytes(StandardCharsets.UTF_8);
    LandingRecords.LandingRecord rec = LandingRecords.readAll(LandingFormats.REPORTS, file).get(0);
    assertThat(rec.parseError()).startsWith("missing_column").contains("period");
  }
}
