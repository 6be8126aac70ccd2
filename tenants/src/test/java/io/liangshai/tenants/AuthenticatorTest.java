package io.liangshai.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liangshai.tenants.keys.ApiKey;
import io.liangshai.tenants.keys.KeyLookup;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The key caches: positive, negative, and stale while the key store fails. */
class AuthenticatorTest {

  private static final TenantRegistry REGISTRY = TenantRegistryLoader.loadDefault();
  private static final String ADMIN = "admin-key-of-this-test";

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Map<String, ApiKey> stored = new HashMap<>();
  private final AtomicInteger queries = new AtomicInteger();
  private final AtomicBoolean down = new AtomicBoolean();
  private final KeyLookup store =
      secret -> {
        queries.incrementAndGet();
        if (down.get()) {
          throw new SQLException("Connection refused");
        }
        return Optional.ofNullable(stored.get(secret));
      };
  private final Authenticator auth =
      new Authenticator(REGISTRY, store, ADMIN, null, now::get, Runnable::run);

  /** Refreshes held until the test runs them, as a store that has not answered yet. */
  private final Deque<Runnable> pending = new ArrayDeque<>();

  private final Authenticator aheadAuth =
      new Authenticator(REGISTRY, store, ADMIN, null, now::get, pending::add);

  private void store(String secret, String keyId) {
    stored.put(
        secret,
        new ApiKey(keyId, "330522", "test", Instant.EPOCH, "admin", Optional.<Instant>empty()));
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void anUnknownKeyCostsOneQueryWithinTheNegativeTtl() throws Exception {
    for (int i = 0; i < 100; i++) {
      assertThat(auth.authenticate("ls_random")).isEmpty();
    }
    assertThat(queries).hasValue(1);
    assertThat(auth.lookups()).isEqualTo(1);
    assertThat(auth.needsLookup("ls_random")).isFalse();
    advance(Authenticator.NEGATIVE_TTL);
    assertThat(auth.needsLookup("ls_random")).isTrue();
    assertThat(auth.authenticate("ls_random")).isEmpty();
    assertThat(queries).hasValue(2);
  }

  @Test
  void aKeyIssuedAfterAMissWorksAtOnceOnTheIssuingInstance() throws Exception {
    assertThat(auth.authenticate("ls_new")).isEmpty();
    store("ls_new", "k_new");
    auth.issued("ls_new");
    assertThat(auth.authenticate("ls_new")).map(Principal::keyId).contains("k_new");
  }

  @Test
  void aFoundKeyIsHonouredFromTheCacheWhileTheStoreFailsForTheGraceTime() throws Exception {
    store("ls_known", "k_known");
    assertThat(auth.authenticate("ls_known")).isPresent();
    down.set(true);
    advance(Authenticator.CACHE_TTL.multipliedBy(2));
    assertThat(auth.authenticate("ls_known")).map(Principal::keyId).contains("k_known");
    int asked = queries.get();
    assertThat(auth.authenticate("ls_known")).isPresent();
    assertThat(queries).as("the failing store is not asked again within the TTL").hasValue(asked);
    advance(Authenticator.STALE_GRACE);
    assertThatThrownBy(() -> auth.authenticate("ls_known")).isInstanceOf(SQLException.class);
  }

  @Test
  void anUnknownKeyFailsWithTheStoreWhenItIsDown() {
    down.set(true);
    assertThatThrownBy(() -> auth.authenticate("ls_unseen"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void forgettingARevokedKeyActsAtOnceEvenWhileTheStoreIsDown() throws Exception {
    store("ls_revoked", "k_revoked");
    assertThat(auth.authenticate("ls_revoked")).isPresent();
    auth.forget("k_revoked");
    down.set(true);
    assertThatThrownBy(() -> auth.authenticate("ls_revoked")).isInstanceOf(SQLException.class);
  }

  @Test
  void theAdminKeyNeverAsksTheStore() throws Exception {
    down.set(true);
    assertThat(auth.authenticate(ADMIN)).map(Principal::keyId).contains(Principal.ADMIN_KEY_ID);
    assertThat(auth.needsLookup(ADMIN)).isFalse();
    assertThat(queries).hasValue(0);
  }

  @Test
  void aKnownKeyPastItsTtlIsAnsweredWithoutWaitingForTheStore() throws Exception {
    store("ls_known", "k_known");
    assertThat(aheadAuth.authenticate("ls_known")).isPresent();
    assertThat(queries).hasValue(1);
    advance(Authenticator.CACHE_TTL.multipliedBy(2));
    for (int i = 0; i < 10; i++) {
      assertThat(aheadAuth.authenticate("ls_known")).map(Principal::keyId).contains("k_known");
    }
    assertThat(queries).as("no request waited on the store").hasValue(1);
    assertThat(pending).as("one refresh queued for the key, however many requests").hasSize(1);
    pending.poll().run();
    assertThat(queries).hasValue(2);
    assertThat(aheadAuth.needsLookup("ls_known")).isFalse();
  }

  @Test
  void aKeyRevokedOnAnotherInstanceIsRefusedOnceTheRefreshHasAnswered() throws Exception {
    store("ls_gone", "k_gone");
    assertThat(aheadAuth.authenticate("ls_gone")).isPresent();
    stored.remove("ls_gone"); // revoked by another instance
    advance(Authenticator.CACHE_TTL);
    assertThat(aheadAuth.authenticate("ls_gone"))
        .as("honoured until the store answers")
        .isPresent();
    pending.poll().run();
    assertThat(aheadAuth.authenticate("ls_gone")).isEmpty();
    assertThat(pending).isEmpty();
  }

  @Test
  void aKnownKeyPastTheGraceTimeWaitsForTheStoreAgain() throws Exception {
    store("ls_old", "k_old");
    assertThat(aheadAuth.authenticate("ls_old")).isPresent();
    advance(Authenticator.STALE_GRACE);
    down.set(true);
    assertThatThrownBy(() -> aheadAuth.authenticate("ls_old")).isInstanceOf(SQLException.class);
    assertThat(pending).isEmpty();
  }
}
