package io.liangshai.clickhouse.local.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class HttpCompressionTest {

  private static final byte[] DATA =
      "1\t行\n\n2\t\\N\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

  @Test
  void decodesGzipAndLeavesPlainBodiesAlone() throws IOException {
    assertThat(decode("gzip", gzip(DATA))).isEqualTo(DATA);
    assertThat(decode(" X-GZIP ", gzip(DATA))).isEqualTo(DATA);
    assertThat(decode(null, DATA)).isEqualTo(DATA);
    assertThat(decode("identity", DATA)).isEqualTo(DATA);
  }

  @Test
  void reportsDataThatIsNotOfItsEncodingAsCode354() {
    byte[] gzip = gzip(DATA);
    for (byte[] bad : new byte[][] {Arrays.copyOf(gzip, gzip.length / 2), DATA, new byte[0]}) {
      assertThatThrownBy(() -> decode("gzip", bad))
          .isInstanceOfSatisfying(FrontException.class, e -> assertThat(e.code()).isEqualTo(354))
          .hasMessageContaining("not valid gzip data");
    }
  }

  @Test
  void refusesEncodingsItCannotReadWithCode48() {
    assertThatThrownBy(() -> decode("br", DATA))
        .isInstanceOfSatisfying(FrontException.class, e -> assertThat(e.code()).isEqualTo(48))
        .hasMessageContaining("Content-Encoding 'br' is not supported");
  }

  @Test
  void compressesAnswersOnlyWhenAskedAsAServerDoes() throws IOException {
    assertThat(HttpCompression.responseEncoding("1", "gzip, deflate, br")).isEqualTo("gzip");
    assertThat(HttpCompression.responseEncoding("1", "deflate")).isEqualTo("deflate");
    assertThat(HttpCompression.responseEncoding("1", "br")).isEmpty();
    assertThat(HttpCompression.responseEncoding("0", "gzip")).isEmpty();
    assertThat(HttpCompression.responseEncoding(null, "gzip")).isEmpty();
    assertThat(HttpCompression.responseEncoding("1", null)).isEmpty();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream encoded = HttpCompression.encodeResponse("deflate", out)) {
      encoded.write(DATA);
    }
    assertThat(decode("deflate", out.toByteArray())).isEqualTo(DATA);
  }

  private static byte[] decode(String encoding, byte[] body) throws IOException {
    try (InputStream in = HttpCompression.decodeRequest(encoding, new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
