-- Scheduled bulletins held until the month is signed off (SPEC §10, schedule option
-- wait_for_signoff): one row per series and period the scheduler held. `missing` holds the codes of
-- the cities and counties without a sign-off in force at the last check, comma-separated; a row is
-- released (released_at, released_as: signed_off, last_day, not_waiting or published) when the
-- period's bulletin appears, and kept after that as the record of the hold.
CREATE TABLE bulletin_holds (
  series_id   text        NOT NULL,
  period      text        NOT NULL,
  held_since  timestamptz NOT NULL,
  until_at    timestamptz NOT NULL,
  missing     text        NOT NULL,
  checked_at  timestamptz NOT NULL,
  released_at timestamptz,
  released_as text,
  PRIMARY KEY (series_id, period)
);
