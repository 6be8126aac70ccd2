package io.liangshai.clickhouse.local.front;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * The one user of the front, {@value #USER}, and its per-start password: every request must carry
 * them the ways a ClickHouse server takes them — HTTP Basic ({@code Authorization: Basic
 * base64(user:password)}), the {@code X-ClickHouse-User}/{@code X-ClickHouse-Key} headers, or the
 * {@code user}/{@code password} URL parameters. Anything else is refused as a server refuses it:
 * HTTP 401, {@code Code: 516 ... Authentication failed}.
 */
final class FrontCredentials {

  static final String USER = "default";
  static final int AUTHENTICATION_FAILED = 516;

  private final byte[] password;

  FrontCredentials(String password) {
    if (Objects.requireNonNull(password, "password").isEmpty()) {
      throw new IllegalArgumentException("the front needs a non-empty password");
    }
    this.password = password.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Accepts the request's credentials or throws.
   *
   * @throws FrontException 401 with code 516 when they are missing or wrong
   */
  void check(Headers headers, RequestParameters params) {
    String user;
    String key;
    String authorization = headers.getFirst("Authorization");
    if (authorization != null) {
      String[] basic = basic(authorization);
      user = basic[0];
      key = basic[1];
    } else if (headers.containsKey("X-ClickHouse-User")
        || headers.containsKey("X-ClickHouse-Key")) {
      user = headers.getFirst("X-ClickHouse-User");
      key = headers.getFirst("X-ClickHouse-Key");
    } else {
      user = params.transport().get("user");
      key = params.transport().get("password");
    }
    String name = user == null || user.isEmpty() ? USER : user;
    boolean passwordMatches =
        key != null && MessageDigest.isEqual(password, key.getBytes(StandardCharsets.UTF_8));
    if (!name.equals(USER) || !passwordMatches) {
      throw failed(name);
    }
  }

  private static String[] basic(String authorization) {
    String value = authorization.strip();
    if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw failed(USER);
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw failed(USER);
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? new String[] {decoded, ""}
        : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static FrontException failed(String user) {
    return new FrontException(
        AUTHENTICATION_FAILED,
        401,
        "Code: 516. DB::Exception: "
            + user
            + ": Authentication failed: password is incorrect, or there is no user with such name."
            + " (AUTHENTICATION_FAILED)");
  }
}
