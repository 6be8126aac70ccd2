package io.liangshai.metadata;

import static io.liangshai.metadata.MetadataFixture.CLOCK;
import static io.liangshai.metadata.MetadataFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.liangshai.metadata.testing.MetadataExtension;
import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.IssuedKey;
import io.liangshai.tenants.keys.KeyHashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresApiKeyStoreITCase {

  @RegisterExtension static final MetadataExtension METADATA = new MetadataExtension();

  private final PostgresApiKeyStore keys = new PostgresApiKeyStore(METADATA.dataSource(), CLOCK);

  @Test
  void anIssuedKeyIsFoundByItsSecretWhichIsStoredOnlyHashed() throws Exception {
    IssuedKey issued = keys.issue("330100", "12345 对接", "admin");

    assertThat(keys.findActive(issued.secret())).contains(issued.key());
    assertThat(keys.findActive(issued.secret() + "x")).isEmpty();
    assertThat(issued.key().createdAt()).isEqualTo(NOW);
    try (Connection c = METADATA.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT key_hash FROM api_keys WHERE key_id = ?")) {
      ps.setString(1, issued.key().keyId());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1))
            .isEqualTo(KeyHashing.sha256Hex(issued.secret()))
            .doesNotContain(issued.secret());
      }
    }
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() throws Exception {
    IssuedKey issued = keys.issue("330200", "张三", "admin");

    assertThat(keys.revoke(issued.key().keyId())).isTrue();
    assertThat(keys.revoke(issued.key().keyId())).as("already revoked").isFalse();
    assertThat(keys.revoke("k_unknown")).isFalse();
    assertThat(keys.findActive(issued.secret())).isEmpty();
    assertThat(keys.find(issued.key().keyId()).orElseThrow().revokedAt()).contains(NOW);
  }

  @Test
  void rotationReplacesAKeyForTheSameTenantAndName() throws Exception {
    IssuedKey old = keys.issue("330300", "对接", "admin");

    IssuedKey replacement = keys.rotate(old.key().keyId(), "k_admin").orElseThrow();

    assertThat(keys.findActive(old.secret())).isEmpty();
    assertThat(keys.findActive(replacement.secret())).contains(replacement.key());
    assertThat(replacement.key().tenantCode()).isEqualTo("330300");
    assertThat(replacement.key().name()).isEqualTo("对接");
    assertThat(replacement.key().createdBy()).isEqualTo("k_admin");
    assertThat(keys.list("330300"))
        .extracting(ApiKey::keyId)
        .containsExactlyInAnyOrder(old.key().keyId(), replacement.key().keyId());
    assertThat(keys.rotate(old.key().keyId(), "k_admin"))
        .as("revoked keys do not rotate")
        .isEmpty();
  }

  @Test
  void concurrentRotationsOfOneKeyReplaceItOnce() throws Exception {
    IssuedKey old = keys.issue("330400", "shared", "admin");

    List<Optional<IssuedKey>> results =
        Concurrently.run(6, t -> () -> keys.rotate(old.key().keyId(), "k_" + t));

    assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
    assertThat(keys.list("330400")).hasSize(2).filteredOn(ApiKey::isActive).hasSize(1);
  }

  @Test
  void importsAKeyMadeElsewhereWithItsHashOnce() throws Exception {
    ApiKey moved =
        new ApiKey("k_0123456789abcdef", "330500", "moved", NOW, "admin", Optional.empty());
    String secret = KeyHashing.newSecret();

    assertThat(keys.importKey(moved, KeyHashing.sha256Hex(secret))).isTrue();
    assertThat(keys.importKey(moved, KeyHashing.sha256Hex("other"))).isFalse();
    assertThat(keys.findActive(secret)).contains(moved);
  }

  @Test
  void concurrentImportsOfOneKeyStoreItOnceAndNeverFail() throws Exception {
    // Two starts importing the same key race between the insert's check of its conflict target and
    // its index entries; with key_id alone as the target, the loser failed on key_hash. Many rounds
    // make the window likely to be hit (it was, in CI's upgrade test).
    for (int round = 0; round < 100; round++) {
      ApiKey moved =
          new ApiKey(
              String.format("k_%016x", round), "330700", "moved", NOW, "admin", Optional.empty());
      String hash = KeyHashing.sha256Hex(KeyHashing.newSecret());

      List<Boolean> stored = Concurrently.run(4, t -> () -> keys.importKey(moved, hash));

      assertThat(stored).as("round %d", round).containsOnlyOnce(true);
    }
    assertThat(keys.list("330700")).hasSize(100);
  }
}
