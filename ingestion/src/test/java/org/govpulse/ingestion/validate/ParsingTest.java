package org.govpulse.ingestion.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ParsingTest {

  @Test
  void placeholders_are_not_numbers_and_separators_are_tolerated() {
    assertThat(Numbers.parse("1,234.5").value()).isEqualTo(1234.5);
    assertThat(Numbers.parse("3‰").impliedUnit()).isEqualTo("‰");
    for (String s : new String[] {"N/A", "-", "—", "暂无", "无", "", "NaN", "Infinity", "0x10", "12abc"}) {
      assertThat(Numbers.parse(s)).as(s).isNull();
    }
    assertThat(Numbers.parseSimple("35.5")).isEqualTo(35.5);
    assertThat(Numbers.parseSimple("-0.25")).isEqualTo(-0.25);
    assertThat(Numbers.parseSimple("abc")).isNaN();
    assertThat(Numbers.parseSimple("1e3")).isEqualTo(1000.0);
  }

  @Test
  void times_without_offset_are_read_at_the_given_offset() {
    assertThat(Timestamps.parseInstant("2024-03-01 09:00:00", ZoneOffset.ofHours(8)))
        .isEqualTo(Instant.parse("2024-03-01T01:00:00Z"));
    assertThat(Timestamps.parseInstant("2024-03-01T09:00:00+08:00", ZoneOffset.UTC))
        .isEqualTo(Instant.parse("2024-03-01T01:00:00Z"));
    assertThat(Timestamps.parseInstant("2024/3/5 8:30", Timestamps.CHINA))
        .isEqualTo(Instant.parse("2024-03-05T00:30:00Z"));
    assertThat(Timestamps.parseInstant("2024年3月30日", Timestamps.CHINA))
        .isEqualTo(Instant.parse("2024-03-29T16:00:00Z"));
    assertThat(Timestamps.parseInstant("2024-02-30 10:00:00", Timestamps.CHINA)).isNull();
    assertThat(Timestamps.parseInstant("2024-03-01T25:00:00Z", Timestamps.CHINA)).isNull();
    assertThat(Timestamps.parseInstant("soon", Timestamps.CHINA)).isNull();
  }

  @Test
  void units_convert_within_their_family_only() {
    Units.Unit pct = Units.find("%").orElseThrow();
    Units.Unit permille = Units.find("per mille").orElseThrow();
    assertThat(Units.convert(0.31, pct, permille)).isEqualTo(3.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Units.find("ug/m3")).contains(Units.find("µg/m³").orElseThrow());
    assertThat(Units.find("μg/m³")).isPresent();
    assertThat(Units.compatible(Units.find("万元").orElseThrow(), pct)).isFalse();
    assertThat(Units.find("furlongs")).isEmpty();
  }

  @Test
  void region_names_match_with_or_without_their_administrative_suffix() {
    assertThat(Names.key("江城区")).isEqualTo(Names.key("江城"));
    assertThat(Names.key(" Jiangcheng District ")).isEqualTo("jiangcheng");
    assertThat(PostValidator.language("公交太慢了")).isEqualTo("zh");
    assertThat(PostValidator.language("The bus was late again")).isEqualTo("en");
    assertThat(PostValidator.language("12345热线 service 很好 but the app crashed")).isEqualTo("mixed");
  }
}
