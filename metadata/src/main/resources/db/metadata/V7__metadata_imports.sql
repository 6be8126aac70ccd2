-- What was moved into these tables from an older store (the ClickHouse tables of the release before
-- PostgreSQL): one row per item the first time it was imported. kind is 'key' (ref: key id),
-- 'scheme' (ref: id@version) or 'bulletin-series' (ref: series@last issue number). The import runs
-- at every start and adds a row only for what it actually stored, so this is its history.
CREATE TABLE metadata_imports (
  kind        text        NOT NULL,
  ref         text        NOT NULL,
  source      text        NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (kind, ref)
);
