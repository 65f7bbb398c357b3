package org.govpulse.ingestion.landing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Detects the encoding of a landing file: UTF-8 when the bytes are valid UTF-8 (with or without a byte-order mark),
 * otherwise GB18030, the superset of GBK and GB2312 that Chinese-locale Excel writes.
 */
public final class Encodings {
  public static final Charset GB18030 = Charset.forName("GB18030");
  public static final String UTF8_NAME = "UTF-8";
  public static final String GB18030_NAME = "GB18030";

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ASCII_MASK = 0x8080808080808080L;

  private Encodings() {}

  /** The detected charset of the bytes. */
  public static Charset detect(byte[] bytes) {
    return isValidUtf8(bytes, 0, bytes.length) ? StandardCharsets.UTF_8 : GB18030;
  }

  /** Length of a UTF-8 byte-order mark at the start, 0 if none. */
  public static int bomLength(byte[] bytes) {
    return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
        ? 3 : 0;
  }

  /** Strict UTF-8 validation (no overlongs, no surrogates, no code points above U+10FFFF). */
  public static boolean isValidUtf8(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      // Landing files are mostly ASCII: skip eight ASCII bytes at a time.
      while (i + Long.BYTES <= to && ((long) LONGS.get(b, i) & ASCII_MASK) == 0) {
        i += Long.BYTES;
      }
      if (i >= to) {
        break;
      }
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + n >= to) {
        return false;
      }
      int cp = c & (0x3F >> n);
      for (int k = 1; k <= n; k++) {
        int cc = b[i + k] & 0xFF;
        if ((cc & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += n + 1;
    }
    return true;
  }
}
