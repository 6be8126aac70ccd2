package io.liangshai.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Scopes and key administration: province everything, city itself and its counties. */
class PrincipalTest {

  private static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();

  private static Principal of(String code) {
    return new Principal(REGISTRY.get(code), "k_test", REGISTRY);
  }

  @Test
  void aCountyReachesOnlyItself() {
    Principal county = of("330522");
    assertThat(county.canAccess("330522")).isTrue();
    assertThat(county.canAccess("330521")).isFalse();
    assertThat(county.canAccess("330500")).isFalse();
    assertThat(county.canAccess("330127")).isFalse();
  }

  @Test
  void aCityReachesItselfAndItsCountiesOnly() {
    Principal city = of("330500");
    assertThat(city.canAccess("330500")).isTrue();
    assertThat(city.canAccess("330522")).isTrue();
    assertThat(city.canAccess("330127")).isFalse();
    assertThat(city.canAccess("330100")).isFalse();
    assertThat(city.canAccess("330000")).isFalse();
  }

  @Test
  void theProvinceAdministersEveryKeyACityItsCountiesKeysAndACountyNone() {
    assertThat(of("330000").canAdministerKeysOf("330127")).isTrue();
    assertThat(of("330000").canAdministerKeysOf("330000")).isTrue();
    Principal city = of("330500");
    assertThat(city.canAdministerKeysOf("330522")).isTrue();
    assertThat(city.canAdministerKeysOf("330500")).isFalse();
    assertThat(city.canAdministerKeysOf("330127")).isFalse();
    assertThat(city.canAdministerKeysOf("330100")).isFalse();
    assertThat(city.canAdministerKeysOf("999999")).isFalse();
    assertThat(of("330522").administersKeys()).isFalse();
    assertThat(of("330522").canAdministerKeysOf("330522")).isFalse();
  }
}
