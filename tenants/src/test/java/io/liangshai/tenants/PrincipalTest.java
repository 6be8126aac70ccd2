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

  /**
   * A county reaches only itself, a city itself and its counties, the province everything; the
   * province administers every key, a city its counties' keys, a county none.
   */
  @ParameterizedTest(name = "{0} → {1}: reaches {2}, administers its keys {3}")
  @CsvSource({
    "330000, 330127, true, true",
    "330000, 330000, true, true",
    "330500, 330522, true, true",
    "330500, 330500, true, false",
    "330500, 330127, false, false",
    "330500, 330100, false, false",
    "330500, 330000, false, false",
    "330500, 999999, false, false",
    "330522, 330522, true, false",
    "330522, 330521, false, false",
    "330522, 330500, false, false",
    "330522, 330127, false, false",
  })
  void scopesAndKeyAdministrationFollowTheTenantTree(
      String caller, String tenant, boolean reaches, boolean administers) {
    assertThat(of(caller).canAccess(tenant)).as("reaches").isEqualTo(reaches);
    assertThat(of(caller).canAdministerKeysOf(tenant)).as("administers").isEqualTo(administers);
  }

  @Test
  void aCountyAdministersNoKeys() {
    assertThat(of("330522").administersKeys()).isFalse();
  }
}
