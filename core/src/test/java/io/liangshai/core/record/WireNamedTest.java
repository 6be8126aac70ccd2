package io.liangshai.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.core.governance.QualityFlag;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wire names, looked up from the per-enum tables, against the rule they come from. */
class WireNamedTest {

  @Test
  void everyConstantTravelsAsItsLowerCaseName() {
    for (Channel c : Channel.values()) {
      assertThat(c.wireName()).isEqualTo(c.name().toLowerCase(Locale.ROOT));
      assertThat(WireNamed.parse(Channel.class, c.wireName())).contains(c);
    }
    for (CaseField f : CaseField.values()) {
      assertThat(CaseField.byWireName(f.name().toLowerCase(Locale.ROOT))).contains(f);
    }
  }

  @Test
  void anOverriddenWireNameIsTheOneLookedUp() {
    for (QualityFlag flag : QualityFlag.values()) {
      assertThat(WireNamed.parse(QualityFlag.class, flag.wireName())).contains(flag);
    }
  }

  @Test
  void onlyTheExactWireNameMatches() {
    assertThat(WireNamed.parse(Channel.class, "HOTLINE_12345")).isEmpty();
    assertThat(WireNamed.parse(Channel.class, "hotline_12345 ")).isEmpty();
    assertThat(WireNamed.parse(Channel.class, null)).isEqualTo(Optional.empty());
    assertThat(WireNamed.parse(Channel.class, "hotline_12345")).contains(Channel.HOTLINE_12345);
    assertThatThrownBy(() -> WireNamed.require(Category.class, "nope"))
        .hasMessageContaining("expected one of " + WireNamed.allowed(Category.class));
  }
}
