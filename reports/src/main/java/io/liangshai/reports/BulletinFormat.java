package io.liangshai.reports;

import java.util.Locale;
import java.util.Optional;

/** The files a bulletin is published as. */
public enum BulletinFormat {
  PDF("application/pdf"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String contentType;

  BulletinFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** {@code pdf} or {@code xlsx}: the file extension and the stored name. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<BulletinFormat> byExtension(String extension) {
    for (BulletinFormat format : values()) {
      if (format.extension().equals(extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
