package org.govpulse.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodParserTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "2024-03|2024-03", "2024-3|2024-03", "2024/03|2024-03", "2024.03|2024-03", "202403|2024-03",
      "2024年3月|2024-03", "2024年03月|2024-03", "Mar 2024|2024-03", "March 2024|2024-03", "2024M03|2024-03",
      "２０２４年３月|2024-03",
      "2024Q1|2024-Q1", "2024-Q1|2024-Q1", "2024 Q1|2024-Q1", "2024q1|2024-Q1", "2024年第一季度|2024-Q1",
      "2024年1季度|2024-Q1", "2024年一季度|2024-Q1", "Q1 2024|2024-Q1", "2024年第四季度|2024-Q4",
      "2024|2024", "2024年|2024", "2024年度|2024", "FY2024|2024"})
  void every_documented_spelling_normalises_to_the_canonical_period(String spelling, String canonical) {
    assertThat(PeriodParser.parse(spelling)).map(Period::toString).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-13", "2024-00", "2024Q5", "2024年第五季度", "3024", "1899-01", "yesterday", "",
      "2021-2025", "Foo 2024"})
  void impossible_or_unreadable_periods_give_nothing(String spelling) {
    assertThat(PeriodParser.parse(spelling)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void periods_know_their_dates_neighbours_and_parents() {
    Period m = Period.month(2024, 2);
    assertThat(m.end()).hasToString("2024-02-29");
    assertThat(m.plus(11)).hasToString("2025-01");
    assertThat(m.plus(-2)).hasToString("2023-12");
    assertThat(m.within(Frequency.QUARTERLY)).hasToString("2024-Q1");
    assertThat(Period.quarter(2024, 4).end()).hasToString("2024-12-31");
    assertThat(Period.quarter(2025, 1).minus(Period.quarter(2023, 3))).isEqualTo(6);
    assertThat(Period.month(2024, 3).isWithin(Period.year(2024))).isTrue();
  }
}
