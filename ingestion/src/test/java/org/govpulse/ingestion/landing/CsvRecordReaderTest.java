package org.govpulse.ingestion.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<CsvRecordReader.CsvRecord> read(String text) throws Exception {
    CsvRecordReader r = new CsvRecordReader(new StringReader(text));
    List<CsvRecordReader.CsvRecord> out = new ArrayList<>();
    for (CsvRecordReader.CsvRecord rec = r.next(); rec != null; rec = r.next()) {
      out.add(rec);
    }
    return out;
  }

  @Test
  void quoted_fields_keep_commas_quotes_and_line_breaks_and_line_numbers_follow_the_file() throws Exception {
    List<CsvRecordReader.CsvRecord> recs = read("a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n2,\"two\nlines\",4\n5,6,7");
    assertThat(recs).hasSize(4);
    assertThat(recs.get(1).fields()).containsExactly("1", "x, \"y\"", "3");
    assertThat(recs.get(1).raw()).isEqualTo("1,\"x, \"\"y\"\"\",3");
    assertThat(recs.get(2).fields()).containsExactly("2", "two\nlines", "4");
    assertThat(recs.get(2).startLine()).isEqualTo(4);
    assertThat(recs.get(3).startLine()).isEqualTo(6);
    assertThat(recs).allSatisfy(r -> assertThat(r.malformed()).isNull());
  }

  @Test
  void broken_quoting_is_reported_not_swallowed() throws Exception {
    assertThat(read("a,b\n1,x\"y\n").get(1).malformed()).contains("quote appears inside");
    assertThat(read("a,b\n\"1\"z,2\n").get(1).malformed()).contains("text follows a closing quote");
    assertThat(read("a,b\n1,\"open\n").get(1).malformed()).contains("not closed");
  }

  @Test
  void empty_fields_and_trailing_commas_count_as_fields() throws Exception {
    assertThat(read("a,b,c\n,,\n").get(1).fields()).containsExactly("", "", "");
  }
}
