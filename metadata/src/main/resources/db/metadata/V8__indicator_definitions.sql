-- 8+X indicator definitions (SPEC §7): like schemes, a version is written once and never replaced;
-- only its retirement is recorded. A built-in code's versions hold its changed name and target.
CREATE TABLE indicator_definitions (
  code       text        NOT NULL,
  version    int         NOT NULL CHECK (version > 0),
  definition text        NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text,
  retired_at timestamptz,
  PRIMARY KEY (code, version)
);
