-- Sign-offs of a tenant's month (SPEC §10): who approved the tenant's figures for the month, when,
-- and the §3 counts they approved (overdue_open excluded). Signing again adds a row; the newest row
-- not withdrawn is the month's sign-off. A withdrawal is recorded on its row, never deleted.
CREATE TABLE signoffs (
  id                bigserial   PRIMARY KEY,
  tenant_code       text        NOT NULL,
  period            text        NOT NULL,
  signed_at         timestamptz NOT NULL,
  signed_by_tenant  text        NOT NULL,
  signed_by_key     text        NOT NULL,
  received          bigint      NOT NULL,
  closed            bigint      NOT NULL,
  overdue_closed    bigint      NOT NULL,
  recurrences       bigint      NOT NULL,
  rated             bigint      NOT NULL,
  satisfied         bigint      NOT NULL,
  dissatisfied      bigint      NOT NULL,
  reassigned        bigint      NOT NULL,
  leader_instructed bigint      NOT NULL,
  escalated         bigint      NOT NULL,
  withdrawn_at      timestamptz,
  withdrawn_by_key  text
);
CREATE INDEX signoffs_by_period ON signoffs (period, tenant_code);
