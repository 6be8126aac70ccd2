package io.liangshai.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.testing.ZhejiangTenants;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantHierarchyTest {

  private final TenantHierarchy zhejiang = ZhejiangTenants.hierarchy();

  @Test
  void walksFromACountyThroughItsCityToTheProvince() {
    assertThat(zhejiang.selfAndAncestors("330522")).containsExactly("330522", "330500", "330000");
    assertThat(zhejiang.ancestors("330522")).containsExactly("330500", "330000");
    assertThat(zhejiang.selfAndAncestors("330000")).containsExactly("330000");
    assertThat(zhejiang.ancestors("330000")).isEmpty();
  }

  @Test
  void namesEveryCodeOnceWhetherChildOrParent() {
    TenantHierarchy small = TenantHierarchy.of(Map.of("330522", "330500", "330500", "330000"));

    assertThat(small.codes()).containsExactly("330000", "330500", "330522");
    assertThat(small.parent("330522")).contains("330500");
    assertThat(small.parent("330000")).isEmpty();
  }

  @Test
  void refusesAHierarchyWithACycle() {
    assertThatThrownBy(() -> TenantHierarchy.of(Map.of("330100", "330200", "330200", "330100")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle through 330");
  }
}
