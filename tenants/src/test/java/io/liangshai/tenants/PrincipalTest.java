package io.liangshai.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scopes and key administration: province everything, city itself and its counties. */
class PrincipalTest {

  private static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();

  private static Principal of(String code) {
    return new Principal(REGISTRY.get(code), "k_test", REGISTRY);
  }

  /** A county reaches only itself; a city itself and its counties only. */
  @ParameterizedTest(name = "{0} reaches {1}: {2}")
  @CsvSource({
    "330522, 330522, true",
    "330522, 330521, false",
    "330522, 330500, false",
    "330522, 330127, false",
    "330500, 330500, true",
    "330500, 330522, true",
    "330500, 330127, false",
    "330500, 330100, false",
    "330500, 330000, false",
  })
  void aCountyReachesOnlyItselfACityItselfAndItsCountiesOnly(
      String caller, String tenant, boolean reaches) {
    assertThat(of(caller).canAccess(tenant)).isEqualTo(reaches);
  }

  /** The province administers every key, a city its counties' keys, a county none. */
  @ParameterizedTest(name = "{0} administers the keys of {1}: {2}")
  @CsvSource({
    "330000, 330127, true",
    "330000, 330000, true",
    "330500, 330522, true",
    "330500, 330500, false",
    "330500, 330127, false",
    "330500, 330100, false",
    "330500, 999999, false",
    "330522, 330522, false",
  })
  void theProvinceAdministersEveryKeyACityItsCountiesKeysAndACountyNone(
      String caller, String tenant, boolean administers) {
    assertThat(of(caller).canAdministerKeysOf(tenant)).isEqualTo(administers);
  }

  @Test
  void aCountyAdministersNoKeys() {
    assertThat(of("330522").administersKeys()).isFalse();
  }
}
