package io.liangshai.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a scheme as callers write it: {@code strict} (its newest version that is not
 * retired) or {@code strict@2} (exactly version 2, retired or not, as a bulletin pins it).
 *
 * @param id the scheme id
 * @param version the pinned version, or null for the newest active one
 */
public record SchemeRef(String id, Integer version) {

  private static final Pattern REF =
      Pattern.compile("([a-z][a-z0-9_-]{0,63})(?:@([1-9]\\d{0,8}))?");

  /**
   * @throws ApiException 400 naming {@code what} when {@code text} is not {@code id} or {@code
   *     id@version}
   */
  static SchemeRef parse(String text, String what) {
    Matcher m = REF.matcher(text);
    if (!m.matches()) {
      throw ApiException.badRequest(
          what
              + " must be a scheme id (a-z, 0-9, '_', '-') optionally followed by @version,"
              + " e.g. standard or standard@1");
    }
    return new SchemeRef(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)));
  }

  @Override
  public String toString() {
    return version == null ? id : id + "@" + version;
  }
}
