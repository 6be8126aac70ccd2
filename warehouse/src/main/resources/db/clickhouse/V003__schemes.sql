-- Scoring schemes (评价方案) of league tables, one row per (id, version). A version is never
-- edited: a changed scheme is the next version of its id. Retiring a version writes the same row
-- again with retired_at set and a greater row_version; the greatest row_version wins.
-- `definition` is the scheme as JSON: minimum_volume, normalisation and the indicators with
-- their weights, directions and goalposts. The built-in `standard` (version 1) is not stored.
CREATE TABLE IF NOT EXISTS schemes
(
    id          String,
    version     UInt32,
    name        String,
    definition  String,
    created_at  DateTime64(3, 'UTC'),
    created_by  String,
    retired_at  Nullable(DateTime64(3, 'UTC')),
    row_version UInt64
)
ENGINE = ReplacingMergeTree(row_version)
ORDER BY (id, version);
