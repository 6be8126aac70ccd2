package io.liangshai.reports;

import io.liangshai.core.ranking.Scheme;
import java.util.Optional;

/**
 * Finds the scheme version a reference names: {@code strict} (its newest active version) or {@code
 * strict@2} (exactly that version). The API's scheme store is one; {@link #builtIn()} knows only
 * {@code standard}.
 */
@FunctionalInterface
public interface SchemeResolver {

  Optional<Scheme> resolve(String ref);

  /** Only the built-in {@code standard} (version 1). */
  static SchemeResolver builtIn() {
    return ref ->
        "standard".equals(ref) || "standard@1".equals(ref)
            ? Optional.of(Scheme.standard())
            : Optional.empty();
  }
}
