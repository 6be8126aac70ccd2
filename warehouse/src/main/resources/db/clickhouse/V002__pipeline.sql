-- Every accepted batch: who sent it, what it held, what became of its rows.
CREATE TABLE IF NOT EXISTS batches
(
    batch_id      String,
    tenant_code   LowCardinality(String),
    key_id        String,
    received_at   DateTime64(3, 'UTC'),
    content_type  String,
    bytes         UInt64,
    sha256        String,
    accepted      UInt32,
    ignored       UInt32,
    rejected      UInt32,
    errors        String
)
ENGINE = ReplacingMergeTree
ORDER BY batch_id;

-- Written by the stream job once every figure reflects a batch (after a completed checkpoint).
CREATE TABLE IF NOT EXISTS processed_batches
(
    batch_id     String,
    processed_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
ORDER BY batch_id;

-- The current facts of every case (latest version), for drill-down and overdue_open.
-- Replays are idempotent: the row with the greatest version wins.
CREATE TABLE IF NOT EXISTS case_facts
(
    tenant_code       LowCardinality(String),
    case_id           String,
    ancestors         Array(LowCardinality(String)),
    updated_at        DateTime64(6, 'UTC'),
    enterprise_uscc   String,
    enterprise_name   Nullable(String),
    channel           LowCardinality(String),
    category          LowCardinality(String),
    status            LowCardinality(String),
    received_at       DateTime64(6, 'UTC'),
    deadline          DateTime64(6, 'UTC'),
    deadline_derived  UInt8,
    closed_at         Nullable(DateTime64(6, 'UTC')),
    escalation_level  LowCardinality(String),
    reassigned_count  UInt32,
    leader_instructed UInt8,
    satisfaction      LowCardinality(Nullable(String)),
    description       Nullable(String),
    recurrence        UInt8,
    overdue_closed    UInt8,
    period_month      LowCardinality(String),
    period_quarter    LowCardinality(String),
    period_year       LowCardinality(String),
    period_week       LowCardinality(String),
    version           UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant_code, case_id);

-- SPEC §3 counts per tenant (county, city = own + counties, province = all) and period.
-- Maintained by the stream job with retractions; the row with the greatest version wins.
CREATE TABLE IF NOT EXISTS tenant_period_counts
(
    period_kind       LowCardinality(String),
    period            String,
    tenant_code       LowCardinality(String),
    received          Int64,
    closed            Int64,
    overdue_closed    Int64,
    recurrences       Int64,
    rated             Int64,
    satisfied         Int64,
    dissatisfied      Int64,
    reassigned        Int64,
    leader_instructed Int64,
    escalated         Int64,
    version           UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (period_kind, period, tenant_code);
