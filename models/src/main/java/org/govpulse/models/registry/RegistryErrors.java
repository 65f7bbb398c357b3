package org.govpulse.models.registry;

import java.util.Collection;
import org.govpulse.core.error.Errors;
import org.govpulse.core.error.GovPulseException;

/** Every user-facing message of the model registry, in one place: what is wrong, why, and how to fix it. */
final class RegistryErrors {
  private RegistryErrors() {}

  static GovPulseException badReference(String text) {
    return Errors.invalidInput("'" + text + "' is not a model reference",
        "models are named NAME or NAME:vN (lower-case letters, digits and _; N a version number)",
        "Write for example sentiment or sentiment:v2; `./govpulse models list` shows what is registered");
  }

  static GovPulseException unknownName(String name, Collection<String> known) {
    return Errors.notFound("No model named '" + name + "' is registered",
        known.isEmpty() ? "the registry is empty" : "the registry has " + String.join(", ", known),
        known.isEmpty() ? "Train one first, e.g. `./govpulse models train-sentiment --data FILE` or "
            + "`./govpulse models train`" : "Use one of those names (`./govpulse models list`)");
  }

  static GovPulseException unknownVersion(String name, int version, Collection<Integer> versions) {
    return Errors.notFound("Model " + name + " has no version v" + version,
        "its versions are " + versions.stream().map(v -> "v" + v).toList(),
        "Pick one of those (`./govpulse models list`)");
  }

  static GovPulseException noProduction(String name) {
    return Errors.conflict("Model " + name + " has no production version",
        "every version is a candidate or archived",
        "Promote one with `./govpulse models promote " + name + ":vN`");
  }

  static GovPulseException nothingToRollBackTo(String name, String current) {
    return Errors.conflict("Model " + name + " cannot be rolled back from " + current,
        "no earlier version was in production (or every earlier one was rolled back already)",
        "Promote the version you want with `./govpulse models promote " + name + ":vN`");
  }

  static GovPulseException artifactMissing(String id, String path) {
    return Errors.notFound("The artifact of model " + id + " is missing: " + path,
        "meta.models lists this version but its file was deleted, or the warehouse was copied without its models/ "
            + "folder",
        "Restore that folder, or promote another version (`./govpulse models promote NAME:vN`) or train again");
  }

  static GovPulseException artifactUnreadable(String path, Throwable cause) {
    return Errors.internal("Cannot read the model artifact " + path, cause);
  }

  static GovPulseException artifactUnwritable(String path, Throwable cause) {
    return Errors.internal("Cannot write the model artifact " + path, cause);
  }

  static GovPulseException wrongKind(String id, String kind, String expected) {
    return Errors.invalidInput("Model " + id + " is a " + kind + ", not a " + expected,
        "each job loads models of its own kind", "Name a " + expected + " model (`./govpulse models list`)");
  }
}
