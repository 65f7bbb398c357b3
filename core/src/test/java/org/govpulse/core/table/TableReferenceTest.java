package org.govpulse.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TableReferenceTest {

  @Test
  void docs_tables_md_matches_the_table_contracts() throws Exception {
    Path doc = Path.of("..", "docs", "tables.md");
    String expected = TableReference.markdown(Tables.all());
    assertThat(Files.readString(doc, StandardCharsets.UTF_8))
        .as("docs/tables.md is stale: regenerate it with `./govpulse tables --doc > docs/tables.md`")
        .isEqualTo(expected);
  }

  @Test
  void every_table_has_a_unique_location_and_documented_columns() {
    assertThat(Tables.all()).extracting(TableContract::qualifiedName).doesNotHaveDuplicates();
    for (TableContract t : Tables.all()) {
      assertThat(t.columns()).as(t.qualifiedName()).allSatisfy(c -> assertThat(c.doc()).isNotBlank());
      assertThat(t.description()).as(t.qualifiedName()).isNotBlank();
    }
  }
}
