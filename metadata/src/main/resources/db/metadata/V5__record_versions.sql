-- The ingest version index: the content hash accepted for each (tenant, case, updated_at). A claim
-- is an INSERT .. ON CONFLICT DO NOTHING inside the upload's transaction, so two uploads of the
-- same version never both see it as new.
CREATE TABLE record_versions (
  tenant_code  text        NOT NULL,
  case_id      text        NOT NULL,
  updated_at   timestamptz NOT NULL,
  content_hash text        NOT NULL,
  batch_id     text        NOT NULL,
  PRIMARY KEY (tenant_code, case_id, updated_at)
);

-- Batches whose versions are committed; the greatest id is the index's committed_through.
CREATE TABLE committed_batches (
  batch_id     text        PRIMARY KEY,
  committed_at timestamptz NOT NULL
);
