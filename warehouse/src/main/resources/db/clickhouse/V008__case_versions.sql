-- Every version of a case the stream job accepted (SPEC §10), not only the latest: what a case
-- looked like in each batch that carried it, so that a closed_at rewritten between two accepted
-- versions stays visible after the log's retention. An older version arriving late is here too;
-- a rejected conflict never reaches the landing zone, so never here. One row per (tenant, case,
-- updated_at, batch): a replay after a restart writes the same key again and the replacing merge
-- keeps one row; the same version carried by two batches is two rows (both batches held it).
-- period_month is this version's own month of received_at (Asia/Shanghai); ancestors as in
-- case_facts (the case's tenant, its city and the province).
CREATE TABLE IF NOT EXISTS case_versions
(
    tenant_code  LowCardinality(String),
    case_id      String,
    updated_at   DateTime64(6, 'UTC'),
    batch_id     String,
    ancestors    Array(LowCardinality(String)),
    status       LowCardinality(String),
    received_at  DateTime64(6, 'UTC'),
    closed_at    Nullable(DateTime64(6, 'UTC')),
    period_month LowCardinality(String)
)
ENGINE = ReplacingMergeTree
ORDER BY (tenant_code, case_id, updated_at, batch_id);
