-- API keys: only a SHA-256 of each key is stored. One row per key version; the newest wins.
CREATE TABLE IF NOT EXISTS api_keys
(
    key_id      String,
    tenant_code LowCardinality(String),
    name        String,
    key_hash    String,
    created_at  DateTime64(3, 'UTC'),
    created_by  String,
    revoked_at  Nullable(DateTime64(3, 'UTC')),
    version     UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY key_id;

-- Append-only record of every upload and administrative act.
CREATE TABLE IF NOT EXISTS audit_log
(
    at           DateTime64(3, 'UTC'),
    actor_tenant LowCardinality(String),
    key_id       String,
    action       LowCardinality(String),
    object       String,
    detail       String
)
ENGINE = MergeTree
ORDER BY (actor_tenant, at);
