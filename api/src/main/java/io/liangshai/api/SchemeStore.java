package io.liangshai.api;

import io.liangshai.core.ranking.Scheme;
import java.util.List;
import java.util.Optional;

/**
 * Where scoring schemes are kept, plus the built-in {@link Scheme#standard()} as version 1 of
 * {@code standard}, which is not stored and can be neither overwritten nor retired. A version is
 * never edited: {@link #create} adds version n+1 of an id, {@link #retire} marks versions retired.
 * The routes see only this interface ({@link MetadataSchemeStore} keeps schemes in PostgreSQL).
 */
public interface SchemeStore {

  /** The id of the built-in scheme. */
  String STANDARD = "standard";

  static boolean isBuiltIn(String id) {
    return STANDARD.equals(id);
  }

  /** Every version of every scheme, {@code standard} first, then by id and version. */
  List<SchemeVersion> all();

  /** Every version of {@code id}, oldest first; empty when there is no such scheme. */
  List<SchemeVersion> versions(String id);

  /**
   * The version {@code ref} names: exactly {@code id@n} (even when retired, so a pinned bulletin
   * stays reproducible), or the newest version of {@code id} that is not retired.
   */
  default Optional<SchemeVersion> find(SchemeRef ref) {
    List<SchemeVersion> versions = versions(ref.id());
    if (ref.version() != null) {
      return versions.stream().filter(v -> v.scheme().version() == ref.version()).findFirst();
    }
    return versions.stream().filter(v -> !v.isRetired()).reduce((older, newer) -> newer);
  }

  /** A scheme reference for the bulletins: {@code id} or {@code id@version}; empty if unknown. */
  default Optional<Scheme> resolve(String ref) {
    SchemeRef parsed;
    try {
      parsed = SchemeRef.parse(ref, "scheme");
    } catch (ApiException e) {
      return Optional.empty();
    }
    return find(parsed).map(SchemeVersion::scheme);
  }

  /**
   * Stores {@code draft} as the next version of its id (1 for a new id), whatever version the draft
   * carries; two creates of one id get distinct versions.
   *
   * @throws IllegalArgumentException for the built-in id
   */
  SchemeVersion create(Scheme draft, String createdBy);

  /**
   * Retires version {@code version} of {@code id}, or every active version when {@code version} is
   * null; a version already retired keeps its first retirement time.
   *
   * @return every version of {@code id} afterwards; empty when there is no such scheme or version
   * @throws IllegalArgumentException for the built-in id
   */
  List<SchemeVersion> retire(String id, Integer version);
}
