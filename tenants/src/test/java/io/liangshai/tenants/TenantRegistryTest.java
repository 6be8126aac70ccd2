package io.liangshai.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TenantRegistryTest {

  private final TenantRegistry zhejiang = TenantRegistryLoader.loadDefault();

  @Test
  void loadsTheShippedProvinceWithItsCitiesAndCounties() {
    assertThat(zhejiang.all()).hasSize(102);
    assertThat(zhejiang.province().code()).isEqualTo("330000");
    assertThat(zhejiang.province().name()).isEqualTo("浙江省");
    assertThat(zhejiang.atLevel(TenantLevel.CITY)).hasSize(11);
    assertThat(zhejiang.atLevel(TenantLevel.COUNTY)).hasSize(90);
  }

  @Test
  void peerGroupsComeFromTheRegistry() {
    assertThat(zhejiang.groups()).contains("cities", "counties", "mountain26", "non_mountain");
    assertThat(zhejiang.members("mountain26")).hasSize(26);
    assertThat(zhejiang.members("cities")).hasSize(11);
    assertThat(zhejiang.members("counties")).hasSize(90);
    assertThat(zhejiang.members("no_such_group")).isEmpty();
  }

  @Test
  void scopeIsSelfAndDescendants() {
    assertThat(zhejiang.isSelfOrDescendant("330500", "330522")).isTrue();
    assertThat(zhejiang.isSelfOrDescendant("330500", "330500")).isTrue();
    assertThat(zhejiang.isSelfOrDescendant("330522", "330500")).isFalse();
    assertThat(zhejiang.isSelfOrDescendant("330522", "330521")).isFalse();
    assertThat(zhejiang.isSelfOrDescendant("330100", "330522")).isFalse();
    assertThat(zhejiang.isSelfOrDescendant("330000", "331127")).isTrue();
    assertThat(zhejiang.isSelfOrDescendant("330000", "999999")).isFalse();
  }

  @Test
  void ancestorsRunFromTheTenantUpToTheProvince() {
    assertThat(zhejiang.selfAndAncestors("330522"))
        .extracting(Tenant::code)
        .containsExactly("330522", "330500", "330000");
    assertThat(zhejiang.selfAndDescendants("330500"))
        .extracting(Tenant::code)
        .startsWith("330500")
        .contains("330522");
  }

  @Test
  void loadsAnotherProvincesListInTheSameFormat() throws Exception {
    TenantRegistry jiangsu =
        jiangsu(
            "jiangsu.csv",
            "320100,南京市,city,320000,cities",
            "320102,玄武区,county,320100,counties;urban");
    assertThat(jiangsu.province().name()).isEqualTo("江苏省");
    assertThat(jiangsu.members("urban")).extracting(Tenant::code).containsExactly("320102");
  }

  @Test
  void rejectsAnUnknownParentNamingTheLine() {
    assertThatThrownBy(() -> jiangsu("bad.csv", "320102,玄武区,county,320199,counties"))
        .hasMessageContaining("bad.csv")
        .hasMessageContaining("unknown parent 320199");
  }

  @Test
  void rejectsAWrongHeader() {
    String csv = "code,name,level\n320000,江苏省,province\n";
    assertThatThrownBy(() -> TenantRegistryLoader.load(new StringReader(csv), "bad.csv"))
        .hasMessageContaining("header must be code,name,level,parent_code,groups");
  }

  @Test
  void rejectsDuplicateCodes() {
    assertThatThrownBy(
            () ->
                jiangsu(
                    "dup.csv", "320100,南京市,city,320000,cities", "320100,南京市,city,320000,cities"))
        .hasMessageContaining("320100 appears twice");
  }

  /** A registry read from {@code source}: the header, Jiangsu province, then {@code lines}. */
  private static TenantRegistry jiangsu(String source, String... lines) throws Exception {
    String csv =
        "code,name,level,parent_code,groups\n320000,江苏省,province,,\n"
            + String.join("\n", lines)
            + "\n";
    return TenantRegistryLoader.load(new StringReader(csv), source);
  }
}
