-- Scoring schemes: a version is written once and never replaced; only its retirement is recorded.
CREATE TABLE scheme_versions (
  id         text        NOT NULL,
  version    int         NOT NULL CHECK (version > 0),
  name       text        NOT NULL,
  definition text        NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text,
  retired_at timestamptz,
  PRIMARY KEY (id, version)
);
