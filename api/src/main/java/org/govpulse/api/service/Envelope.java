package org.govpulse.api.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shape of list answers: {@code {"items": [...], "count": n, ...context}}. */
public final class Envelope {
  private Envelope() {}

  /** Items with their count and optional context pairs (key, value, key, value...). */
  public static Map<String, Object> of(List<?> items, Object... context) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < context.length; i += 2) {
      m.put((String) context[i], context[i + 1]);
    }
    m.put("count", items.size());
    m.put("items", items);
    return m;
  }
}
