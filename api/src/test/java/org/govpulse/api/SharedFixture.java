package org.govpulse.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * A test class that only reads, served by one API over one fixture warehouse shared by every such class of the test
 * JVM: the first class starts it, JUnit closes it after the last test. Classes that write to the warehouse or need
 * other settings extend {@link ServedFixture} and get their own.
 */
@ExtendWith(SharedFixture.Starter.class)
public abstract class SharedFixture {
  protected TestApi api;

  /** GET with a key, the answer as JSON (a problem body too). */
  protected JsonNode get(String path, String key) {
    return TestApi.json(api.get(path, key));
  }

  /** GET with a key that must answer with problem details of this status; the problem. */
  protected JsonNode problem(String path, String key, int status) {
    return TestApi.problem(api.get(path, key), status);
  }

  /** Hands the shared server to each test instance, starting it the first time. */
  public static final class Starter implements TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Starter.class);

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) {
      ((SharedFixture) instance).api = context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(Served.class, k -> new Served(), Served.class).api;
    }
  }

  /** The server and its folder, closed by JUnit when the test plan ends. */
  private static final class Served implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final Path dir;
    final TestApi api;

    Served() {
      try {
        dir = Files.createTempDirectory("govpulse-api-tests-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      FixtureWarehouse.create(dir.resolve("warehouse"));
      api = TestApi.start(dir.resolve("warehouse"));
    }

    @Override
    public void close() throws IOException {
      api.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
