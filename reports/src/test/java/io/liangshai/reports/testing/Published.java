package io.liangshai.reports.testing;

import io.liangshai.reports.Bulletin;
import io.liangshai.reports.BulletinFormat;
import io.liangshai.reports.BulletinStore;
import io.liangshai.reports.snapshot.BulletinSnapshot;
import io.liangshai.reports.snapshot.SnapshotJson;

/** A published bulletin and what the store holds of it: its snapshot, its PDF and its workbook. */
public record Published(Bulletin bulletin, BulletinSnapshot snapshot, byte[] pdf, byte[] xlsx) {

  /** What {@code store} holds of {@code bulletin}; each must be there. */
  public static Published read(BulletinStore store, Bulletin bulletin) {
    return new Published(
        bulletin,
        SnapshotJson.read(store.snapshot(bulletin).orElseThrow()),
        store.file(bulletin, BulletinFormat.PDF).orElseThrow(),
        store.file(bulletin, BulletinFormat.XLSX).orElseThrow());
  }
}
