package io.liangshai.api;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a file name any browser saves right: an ASCII
 * fallback in {@code filename} and the real (Chinese) name in {@code filename*}, UTF-8 and
 * percent-encoded as RFC 5987 / RFC 6266 say.
 */
final class ContentDisposition {

  private static final String ATTR_CHARS = "!#$&+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ContentDisposition() {}

  /** {@code attachment; filename="ascii"; filename*=UTF-8''%E6%B5%99…}. */
  static String attachment(String name, String asciiFallback) {
    return "attachment; filename=\""
        + asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_")
        + "\"; filename*=UTF-8''"
        + encode(name);
  }

  /** RFC 5987 {@code value-chars}: attr-chars as they are, every other byte as %XX. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || ATTR_CHARS.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }
}
