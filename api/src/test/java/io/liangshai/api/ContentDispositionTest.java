package io.liangshai.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void carriesAnAsciiNameAndTheChineseNameEncodedPerRfc5987() {
    String name = "浙江省涉企问题高效闭环解决机制晾晒通报（2024年1月第1期）.pdf";
    String header = ContentDisposition.attachment(name, "monthly-0001.pdf");

    assertThat(header)
        .startsWith("attachment; filename=\"monthly-0001.pdf\"; filename*=UTF-8''%E6%B5%99");
    String encoded = header.substring(header.indexOf("''") + 2);
    assertThat(encoded).matches("[A-Za-z0-9%!#$&+\\-.^_`|~]+");
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(name);
  }

  @Test
  void neverLetsQuotesOrSpacesIntoTheAsciiName() {
    assertThat(ContentDisposition.attachment("a b.pdf", "a \"b\";.pdf"))
        .startsWith("attachment; filename=\"a__b__.pdf\"")
        .contains("filename*=UTF-8''a%20b.pdf");
  }
}
