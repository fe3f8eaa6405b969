-- attune records store, schema version 2 (docs/postgresql.md, "Report digests").

-- A session's record_sha256 is the SHA-256 of its record_text, so anything keyed on the hash (sync's
-- "unchanged" answer, report digests) is keyed on the text itself.
ALTER TABLE sessions ADD CONSTRAINT sessions_record_sha256_matches
  CHECK (record_sha256 = encode(sha256(convert_to(record_text, 'UTF8')), 'hex'));

-- What `attune report` needs of a session, made by a supervisor's attune after checking the record
-- in full and signed under the programme key (`hmac` over `digest`). A report uses a digest only
-- while its record_sha256 is the session's and the session has no review lines; anything else is
-- checked in full again, and the digest made then replaces the stale one.
CREATE TABLE report_digests (
  session_id text NOT NULL,
  trainee text NOT NULL,
  FOREIGN KEY (session_id, trainee) REFERENCES sessions (id, trainee) ON DELETE CASCADE,
  format text NOT NULL,
  rubric_sha256 text NOT NULL CHECK (rubric_sha256 ~ '^[0-9a-f]{64}$'),
  record_sha256 text NOT NULL CHECK (record_sha256 ~ '^[0-9a-f]{64}$'),
  digest text NOT NULL,
  hmac text NOT NULL,
  made_by text NOT NULL DEFAULT current_user,
  made_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, format, rubric_sha256)
);
CREATE INDEX report_digests_trainee ON report_digests (trainee);

-- A trainee reads the digests of their own sessions but never writes one: a digest stands in for the
-- record's full check, so only those who review the trainee (and attune_admin) make them.
GRANT SELECT ON report_digests TO attune_trainee;
GRANT SELECT, INSERT, UPDATE ON report_digests TO attune_supervisor, attune_admin;
GRANT DELETE ON report_digests TO attune_admin;

ALTER TABLE report_digests ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_digests FORCE ROW LEVEL SECURITY;
CREATE POLICY report_digests_read ON report_digests FOR SELECT USING (attune_visible(trainee));
CREATE POLICY report_digests_write ON report_digests FOR INSERT
  WITH CHECK (attune_supervises(trainee) AND made_by = current_user::text);
CREATE POLICY report_digests_replace ON report_digests FOR UPDATE USING (attune_supervises(trainee))
  WITH CHECK (attune_supervises(trainee) AND made_by = current_user::text);
CREATE POLICY report_digests_delete ON report_digests FOR DELETE USING (attune_is_admin());
