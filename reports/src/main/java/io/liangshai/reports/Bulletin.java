package io.liangshai.reports;

import io.liangshai.core.lang.Required;
import java.time.Instant;
import java.util.List;

/**
 * A published bulletin (晾晒通报) as listed: what it covers and how to check its files. Its snapshot
 * and files never change after publication.
 *
 * @param id e.g. {@code monthly-0003}
 * @param series e.g. {@code monthly}
 * @param issueNo 第N期 within the series
 * @param period e.g. {@code 2024-01}
 * @param groups the peer groups it ranks, in bulletin order
 * @param scheme the scheme version it ranks by, {@code id@version}
 * @param createdAt when it was published
 * @param createdBy who published it: {@code tenant/key} or {@code scheduler}
 * @param corrects the id of the bulletin it corrects, or null
 * @param snapshotSha256 SHA-256 (hex) of the frozen snapshot JSON
 * @param pdfSha256 SHA-256 (hex) of the PDF
 * @param xlsxSha256 SHA-256 (hex) of the XLSX
 */
public record Bulletin(
    String id,
    String series,
    int issueNo,
    String period,
    List<String> groups,
    String scheme,
    Instant createdAt,
    String createdBy,
    String corrects,
    String snapshotSha256,
    String pdfSha256,
    String xlsxSha256) {

  public Bulletin {
    Required.nonNull(
        "id series period groups scheme createdAt createdBy",
        id,
        series,
        period,
        groups,
        scheme,
        createdAt,
        createdBy);
    groups = List.copyOf(groups);
  }

  /** The SHA-256 the stored file of {@code format} must have. */
  public String sha256(BulletinFormat format) {
    return format == BulletinFormat.PDF ? pdfSha256 : xlsxSha256;
  }
}
