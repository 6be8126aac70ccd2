-- The last number handed out per (scope, key): scheme versions per scheme id, issue numbers per
-- bulletin series. Taken with one INSERT .. ON CONFLICT DO UPDATE .. RETURNING, whose row lock
-- serialises concurrent takers across connections and processes.
CREATE TABLE numbering (
  scope      text NOT NULL,
  key        text NOT NULL,
  last_value int  NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (scope, key)
);
