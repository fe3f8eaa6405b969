-- attune records store, schema version 2 (docs/postgresql.md, "Report digests").

-- What `attune report` needs of a session, made by a supervisor's attune after checking the record
-- in full and signed under the programme key (`hmac` over `digest`). A report reads only the
-- digests its own role made and those of attune_admin members: everyone who makes them holds the
-- programme key and so could sign anything, so what a supervisor's digests say reaches no other
-- supervisor's report, while an administrator can already write any session. A report uses a digest only while its record_sha256 is the session's and the session has
-- no review lines; anything else is checked in full again, and the digest made then replaces the
-- stale one.
CREATE TABLE report_digests (
  session_id text NOT NULL,
  trainee text NOT NULL,
  FOREIGN KEY (session_id, trainee) REFERENCES sessions (id, trainee) ON DELETE CASCADE,
  format text NOT NULL,
  rubric_sha256 text NOT NULL CHECK (rubric_sha256 ~ '^[0-9a-f]{64}$'),
  made_by text NOT NULL DEFAULT current_user,
  record_sha256 text NOT NULL CHECK (record_sha256 ~ '^[0-9a-f]{64}$'),
  digest text NOT NULL,
  hmac text NOT NULL,
  made_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, format, rubric_sha256, made_by)
);
CREATE INDEX report_digests_trainee ON report_digests (trainee);

-- A trainee reads the digests of their own sessions but never writes one: a digest stands in for the
-- record's full check, so only those who review the trainee (and attune_admin) make them, in their
-- own name, and only replace their own.
GRANT SELECT ON report_digests TO attune_trainee;
GRANT SELECT, INSERT ON report_digests TO attune_supervisor, attune_admin;
GRANT UPDATE (record_sha256, digest, hmac, made_at) ON report_digests TO attune_supervisor, attune_admin;
GRANT DELETE ON report_digests TO attune_admin;

ALTER TABLE report_digests ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_digests FORCE ROW LEVEL SECURITY;
CREATE POLICY report_digests_read ON report_digests FOR SELECT USING (
  trainee = current_user::text OR (SELECT attune_is_admin())
  OR trainee IN (SELECT s.trainee FROM public.supervision s WHERE s.supervisor = current_user::text));
CREATE POLICY report_digests_write ON report_digests FOR INSERT
  WITH CHECK (attune_supervises(trainee) AND made_by = current_user::text);
CREATE POLICY report_digests_replace ON report_digests FOR UPDATE
  USING (made_by = current_user::text AND attune_supervises(trainee))
  WITH CHECK (made_by = current_user::text AND attune_supervises(trainee));
CREATE POLICY report_digests_delete ON report_digests FOR DELETE USING (attune_is_admin());
