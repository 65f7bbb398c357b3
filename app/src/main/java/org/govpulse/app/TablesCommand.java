package org.govpulse.app;

import java.util.concurrent.Callable;
import org.govpulse.core.cli.ConfigOptions;
import org.govpulse.core.config.GovPulseConfig;
import org.govpulse.core.delta.Warehouse;
import org.govpulse.core.table.TableContract;
import org.govpulse.core.table.TableReference;
import org.govpulse.core.table.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govpulse tables}: every table with its row count and Delta version. */
@Command(name = "tables", mixinStandardHelpOptions = true,
    description = "List every table of the warehouse with its row count and Delta version.")
public final class TablesCommand implements Callable<Integer> {
  @Mixin
  ConfigOptions options = new ConfigOptions();

  @Option(names = "--doc", description = "Print the table reference (docs/tables.md) instead; needs no warehouse.")
  boolean doc;

  @Override
  public Integer call() {
    if (doc) {
      System.out.print(TableReference.markdown(Tables.all()));
      return 0;
    }
    GovPulseConfig config = options.load();
    return Sessions.with(config, "govpulse-tables", spark -> {
      Warehouse warehouse = new Warehouse(spark, config.warehouse());
      System.out.println("warehouse " + config.warehouse());
      System.out.printf("%-32s %12s %8s  %s%n", "table", "rows", "version", "written by");
      for (TableContract t : Tables.all()) {
        if (warehouse.exists(t)) {
          System.out.printf("%-32s %12d %8d  %s%n", t.qualifiedName(), warehouse.read(t).count(),
              warehouse.version(t).orElseThrow(), t.producedBy());
        } else {
          System.out.printf("%-32s %12s %8s  %s%n", t.qualifiedName(), "-", "-", "not yet written (" + t.producedBy()
              + ")");
        }
      }
      return 0;
    });
  }
}
