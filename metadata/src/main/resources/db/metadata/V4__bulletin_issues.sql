-- Issue numbers handed out per bulletin series (numbering scope 'bulletin'); the primary key makes
-- a shared number impossible even for a writer that bypasses the numbering table.
CREATE TABLE bulletin_issues (
  series_id    text        NOT NULL,
  issue_no     int         NOT NULL CHECK (issue_no > 0),
  allocated_at timestamptz NOT NULL,
  PRIMARY KEY (series_id, issue_no)
);
