package org.govpulse.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A test class served by one API over the fixture warehouse; override {@link #settings()} to configure it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServedFixture {
  @TempDir
  protected static Path dir;
  protected TestApi api;
  protected FixtureWarehouse warehouse;

  /** Settings of the server: Setting, value pairs. */
  protected Object[] settings() {
    return new Object[0];
  }

  protected ApiServer.Options options() {
    return ApiServer.Options.defaults();
  }

  @BeforeAll
  void startTheApi() {
    warehouse = FixtureWarehouse.create(dir.resolve("warehouse"));
    api = TestApi.start(dir.resolve("warehouse"), options(), settings());
  }

  @AfterAll
  void stopTheApi() {
    api.close();
  }
}
