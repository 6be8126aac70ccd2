package io.liangshai.metadata;

/** What the version index says about an uploaded record version. */
public enum VersionVerdict {
  /** Not seen before: accepted, and now claimed for this content. */
  NEW,
  /** Seen with the same content: an exact duplicate, ignored. */
  DUPLICATE,
  /** Seen with other content: rejected. */
  CONFLICT
}
