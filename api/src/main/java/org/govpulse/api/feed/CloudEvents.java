package org.govpulse.api.feed;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govpulse.api.service.WarningView;

/**
 * Warning events as CloudEvents 1.0 in structured JSON mode, and their signature: HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, sent as {@code webhook-signature: v1,<base64>} (the Standard
 * Webhooks scheme), so a receiver can check both origin and freshness.
 */
public final class CloudEvents {
  /** The media type of a structured CloudEvent. */
  public static final String MEDIA_TYPE = "application/cloudevents+json";
  /** The source attribute of every event. */
  public static final String SOURCE = "/govpulse/warnings";
  /** Prefix of the type attribute; the event type follows (org.govpulse.warning.raised). */
  public static final String TYPE_PREFIX = "org.govpulse.warning.";

  private CloudEvents() {}

  /** The CloudEvent of a warning event. */
  public static Map<String, Object> of(WarningView.Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("specversion", "1.0");
    m.put("id", e.eventId());
    m.put("source", SOURCE);
    m.put("type", TYPE_PREFIX + e.type());
    m.put("subject", e.data().get("warning_id"));
    m.put("time", e.at().toString());
    m.put("datacontenttype", "application/json");
    m.put("govpulsesequence", e.sequence());
    m.put("data", e.data());
    return m;
  }

  /** The value of the webhook-signature header for a message. */
  public static String signature(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
