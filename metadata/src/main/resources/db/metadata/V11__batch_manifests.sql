-- The manifest of every batch taken since this version (what became of it, as answered to its
-- uploader: the JSON ingest's BatchManifests writes), inserted in the transaction that commits the
-- batch's claims, so every API instance answers GET /api/v1/batches/{id} for a batch any instance
-- took. The landing zone's batches/BATCH.json is a copy of it; a batch committed before this
-- version has only that file.
CREATE TABLE batch_manifests (
  batch_id    text        PRIMARY KEY,
  tenant_code text        NOT NULL,
  received_at timestamptz NOT NULL,
  recovered   boolean     NOT NULL,
  manifest    jsonb       NOT NULL
);
