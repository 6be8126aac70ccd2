-- Published ranking bulletins (晾晒通报). A row is inserted once, at publication, and never changed:
-- a correction is a new row with the next issue number naming the one it corrects. `snapshot` is the
-- frozen figures (JSON) the files were rendered from; the *_sha256 columns are the SHA-256 (hex) of
-- the snapshot and of the two files as published.
CREATE TABLE IF NOT EXISTS bulletins
(
    id              String,
    series          LowCardinality(String),
    issue_no        UInt32,
    period          String,
    groups          Array(String),
    scheme          String,
    created_at      DateTime64(3, 'UTC'),
    created_by      String,
    corrects        Nullable(String),
    snapshot        String,
    snapshot_sha256 String,
    pdf_sha256      String,
    xlsx_sha256     String
)
ENGINE = MergeTree
ORDER BY (series, issue_no, id);

-- The rendered files of each bulletin (kind pdf or xlsx), base64; a reader takes the one whose sha256 its bulletin row
-- names, so a retried publication can never serve other bytes.
CREATE TABLE IF NOT EXISTS bulletin_files
(
    bulletin_id String,
    kind        LowCardinality(String),
    sha256      String,
    bytes       UInt64,
    content     String
)
ENGINE = MergeTree
ORDER BY (bulletin_id, kind, sha256);
