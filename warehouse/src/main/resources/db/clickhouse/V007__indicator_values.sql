-- Values of `reported` indicators uploaded by tenants (SPEC §7), one row per upload of one
-- (indicator, tenant, month): the later upload replaces the earlier (greatest version wins).
-- A fraction has numerator and denominator and no value; a bare value has value (its exact
-- decimal text) and no numerator or denominator. Rollups to cities, quarters and years are
-- computed when read (core ReportedRollup), not stored.
CREATE TABLE IF NOT EXISTS indicator_values
(
    indicator   LowCardinality(String),
    tenant_code LowCardinality(String),
    period      LowCardinality(String),
    form        LowCardinality(String),
    numerator   Nullable(Int64),
    denominator Nullable(Int64),
    value       Nullable(String),
    batch_id    String,
    uploaded_at DateTime64(6, 'UTC'),
    version     UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (indicator, tenant_code, period);
