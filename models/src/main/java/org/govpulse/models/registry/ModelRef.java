package org.govpulse.models.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a registered model as users write it: {@code NAME} (its production version, else its latest) or
 * {@code NAME:vN}.
 *
 * @param name model name
 * @param version the version, or null for "production, else latest"
 */
public record ModelRef(String name, Integer version) {
  private static final Pattern FORM = Pattern.compile("([a-z0-9_]+)(?::v(\\d+))?");

  /** Parses {@code NAME} or {@code NAME:vN}. */
  public static ModelRef parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw RegistryErrors.badReference(text);
    }
    return new ModelRef(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)));
  }

  /** The version, when one was given. */
  public Optional<Integer> explicitVersion() {
    return Optional.ofNullable(version);
  }

  @Override
  public String toString() {
    return version == null ? name : RegisteredModel.id(name, version);
  }
}
