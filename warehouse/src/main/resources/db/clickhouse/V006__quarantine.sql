-- Landed lines the stream job set aside instead of failing on them (SPEC §2 bounds should keep
-- them out; this is for the bug nobody has met yet): the batch, the line of its records file
-- (1-based; the header is line 1), the tenant and case when known, the operator that could not
-- process it, why, and the line itself (capped). A replay after a restart writes the same key
-- again, and the replacing merge keeps one row; readers count distinct (batch_id, line).
-- batch_id is '' for a line of a records file written before headers existed whose trailer was
-- never read.
CREATE TABLE IF NOT EXISTS quarantine
(
    batch_id    String,
    line        UInt64,
    tenant_code LowCardinality(String),
    case_id     String,
    operator    LowCardinality(String),
    reason      String,
    content     String,
    at          DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY (batch_id, line, operator);
