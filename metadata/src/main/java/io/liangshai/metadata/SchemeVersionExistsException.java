package io.liangshai.metadata;

/** A second definition of a stored {@code id@version}: refused, the first one stays. */
public final class SchemeVersionExistsException extends IllegalStateException {

  public SchemeVersionExistsException(String ref) {
    super("scheme " + ref + " is already defined; a version is never replaced, create a new one");
  }
}
