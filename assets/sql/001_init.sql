-- attune records store, schema version 1 (docs/postgresql.md). Applied by `attune db migrate`
-- in one transaction with the version row; never edited once released: later changes are new files.

-- Group roles (NOLOGIN). A person logs in with their own role, granted one of these; a trainee's
-- login role name is their trainee id, a supervisor's is the name the supervision table uses.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'attune_trainee') THEN
    CREATE ROLE attune_trainee NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'attune_supervisor') THEN
    CREATE ROLE attune_supervisor NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'attune_admin') THEN
    CREATE ROLE attune_admin NOLOGIN;
  END IF;
END
$$;

-- Who supervises whom: a supervisor reads (and reviews) the rows of the trainees listed here.
CREATE TABLE supervision (
  supervisor text NOT NULL,
  trainee text NOT NULL,
  PRIMARY KEY (supervisor, trainee)
);
CREATE INDEX supervision_trainee ON supervision (trainee);

-- Whether the current role may see a trainee's rows: their own, a supervised trainee's, or any
-- for attune_admin. Policies call it; it runs with the caller's rights, so supervision's own
-- policies apply inside it too. Every name in these bodies is schema-qualified: an unqualified
-- `supervision` would resolve to a temporary table of the caller's first, which any role may create.
CREATE FUNCTION attune_visible(row_trainee text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT row_trainee = current_user::text
      OR pg_catalog.pg_has_role(current_user, 'attune_admin', 'MEMBER')
      OR EXISTS (SELECT 1 FROM public.supervision s
                  WHERE s.supervisor = current_user::text AND s.trainee = row_trainee)
$$;
CREATE FUNCTION attune_supervises(row_trainee text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT pg_catalog.pg_has_role(current_user, 'attune_admin', 'MEMBER')
      OR EXISTS (SELECT 1 FROM public.supervision s
                  WHERE s.supervisor = current_user::text AND s.trainee = row_trainee)
$$;
CREATE FUNCTION attune_is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT pg_catalog.pg_has_role(current_user, 'attune_admin', 'MEMBER')
$$;

-- scenarios/SHA256.yaml: every scenario version played, so transcripts stay readable.
-- The hash is checked here: scenario hashes are known before anyone plays that version, so a row
-- written first under a real hash with other text would otherwise stand in for the real scenario.
CREATE TABLE scenarios (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  yaml text NOT NULL CHECK (sha256 = encode(sha256(convert_to(yaml, 'UTF8')), 'hex')),
  stored_at timestamptz NOT NULL DEFAULT now()
);

-- sessions/TRAINEE/ID.json: one row per session, written once. `record_text` is the record's
-- exact text (the session file's bytes; its HMAC is checked on that text); `body` is the same
-- record as JSONB for queries; the other columns are indexed copies of its fields.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  trainee text NOT NULL,
  scenario_id text NOT NULL,
  scenario_sha256 text NOT NULL REFERENCES scenarios (sha256),
  mode text NOT NULL,
  started timestamptz,
  ended timestamptz,
  complete boolean NOT NULL,
  body jsonb NOT NULL,
  record_text text NOT NULL,
  -- The hash of the text, so whatever is keyed on the hash (sync's "unchanged", report digests) is
  -- keyed on the text itself.
  record_sha256 text NOT NULL CHECK (record_sha256 = encode(sha256(convert_to(record_text, 'UTF8')), 'hex')),
  stored_at timestamptz NOT NULL DEFAULT now(),
  stored_by text NOT NULL DEFAULT current_user,
  -- The child tables name a session together with its trainee, so no row can hang under another
  -- trainee's session (foreign-key checks see every row, whatever the policies).
  UNIQUE (id, trainee)
);
CREATE INDEX sessions_trainee_started ON sessions (trainee, started);
CREATE INDEX sessions_scenario_started ON sessions (scenario_id, started);
CREATE INDEX sessions_started ON sessions (started);
CREATE INDEX sessions_complete ON sessions (complete, started);

-- Each turn's kind, node and codes, derived from the record when it is stored.
CREATE TABLE turns (
  session_id text NOT NULL,
  trainee text NOT NULL,
  FOREIGN KEY (session_id, trainee) REFERENCES sessions (id, trainee) ON DELETE CASCADE,
  turn_index integer NOT NULL,
  node text,
  kind text,
  codes text[] NOT NULL,
  PRIMARY KEY (session_id, turn_index)
);
CREATE INDEX turns_trainee ON turns (trainee);
CREATE INDEX turns_codes ON turns USING gin (codes);

-- Each competency's automatic result, derived from the record when it is stored.
CREATE TABLE competency_results (
  session_id text NOT NULL,
  trainee text NOT NULL,
  FOREIGN KEY (session_id, trainee) REFERENCES sessions (id, trainee) ON DELETE CASCADE,
  competency text NOT NULL,
  score double precision,
  status text NOT NULL,
  opportunities integer,
  focus boolean,
  PRIMARY KEY (session_id, competency)
);
CREATE INDEX competency_results_competency_status ON competency_results (competency, status);
CREATE INDEX competency_results_trainee ON competency_results (trainee, competency);

-- reviews/ID.jsonl: supervisors' overrides and sign-offs, append-only and hash-chained. `line` is
-- the signed line's exact text (seq 1, 2, ...), `entry` the same as JSONB.
CREATE TABLE reviews (
  session_id text NOT NULL,
  trainee text NOT NULL,
  FOREIGN KEY (session_id, trainee) REFERENCES sessions (id, trainee) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 1),
  line text NOT NULL,
  entry jsonb NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  stored_by text NOT NULL DEFAULT current_user,
  PRIMARY KEY (session_id, seq)
);
CREATE INDEX reviews_trainee ON reviews (trainee);

-- progress/TRAINEE.progress.json: derived from the sessions and reviews, rebuilt after each change.
CREATE TABLE progress (
  trainee text PRIMARY KEY,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- audit.jsonl: content-free lines about changes made in bulk (sync uploads, deletions).
CREATE TABLE audit (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  by_role text NOT NULL DEFAULT current_user,
  action text NOT NULL,
  trainee text NOT NULL,
  sessions integer NOT NULL
);
CREATE INDEX audit_trainee ON audit (trainee, at);

-- Privileges: sessions, turns, competency results and reviews are written once and never changed
-- through these roles (no UPDATE, no DELETE); progress is rewritten; deletion is attune_admin's.
GRANT SELECT ON schema_migrations TO attune_trainee, attune_supervisor, attune_admin;
GRANT SELECT ON supervision TO attune_trainee, attune_supervisor;
GRANT SELECT, INSERT, DELETE ON supervision TO attune_admin;
GRANT SELECT, INSERT ON scenarios TO attune_trainee, attune_supervisor, attune_admin;
GRANT SELECT, INSERT ON sessions, turns, competency_results TO attune_trainee, attune_admin;
GRANT SELECT ON sessions, turns, competency_results TO attune_supervisor;
GRANT SELECT ON reviews TO attune_trainee;
GRANT SELECT, INSERT ON reviews TO attune_supervisor, attune_admin;
GRANT SELECT, INSERT, UPDATE ON progress TO attune_trainee, attune_supervisor, attune_admin;
GRANT INSERT ON audit TO attune_trainee, attune_supervisor, attune_admin;
GRANT SELECT ON audit TO attune_admin;
GRANT USAGE ON SEQUENCE audit_seq_seq TO attune_trainee, attune_supervisor, attune_admin;
GRANT DELETE ON sessions, turns, competency_results, reviews, progress TO attune_admin;

-- Row-level security, forced on the owner too: a trainee reads only their own rows, a supervisor
-- those of the trainees assigned to them, attune_admin everything. Superusers bypass it.
-- The read policies spell out attune_visible's test instead of calling it: a function holding a
-- subquery is not inlined, so PostgreSQL would run it once a row (about 13 µs each, over a second
-- of a supervisor's report on 100,000 sessions). Spelled out, the admin check runs once a query
-- and the supervised trainees are read once into a hash.
ALTER TABLE supervision ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_read ON supervision FOR SELECT
  USING (supervisor = current_user::text OR trainee = current_user::text OR attune_is_admin());
CREATE POLICY supervision_admin_insert ON supervision FOR INSERT WITH CHECK (attune_is_admin());
CREATE POLICY supervision_admin_delete ON supervision FOR DELETE USING (attune_is_admin());

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_read ON sessions FOR SELECT USING (
  trainee = current_user::text OR (SELECT attune_is_admin())
  OR trainee IN (SELECT s.trainee FROM public.supervision s WHERE s.supervisor = current_user::text));
CREATE POLICY sessions_write ON sessions FOR INSERT
  WITH CHECK ((trainee = current_user::text OR attune_is_admin()) AND stored_by = current_user::text);
CREATE POLICY sessions_delete ON sessions FOR DELETE USING (attune_is_admin());

ALTER TABLE turns ENABLE ROW LEVEL SECURITY;
ALTER TABLE turns FORCE ROW LEVEL SECURITY;
CREATE POLICY turns_read ON turns FOR SELECT USING (
  trainee = current_user::text OR (SELECT attune_is_admin())
  OR trainee IN (SELECT s.trainee FROM public.supervision s WHERE s.supervisor = current_user::text));
CREATE POLICY turns_write ON turns FOR INSERT
  WITH CHECK (trainee = current_user::text OR attune_is_admin());
CREATE POLICY turns_delete ON turns FOR DELETE USING (attune_is_admin());

ALTER TABLE competency_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE competency_results FORCE ROW LEVEL SECURITY;
CREATE POLICY competency_results_read ON competency_results FOR SELECT USING (
  trainee = current_user::text OR (SELECT attune_is_admin())
  OR trainee IN (SELECT s.trainee FROM public.supervision s WHERE s.supervisor = current_user::text));
CREATE POLICY competency_results_write ON competency_results FOR INSERT
  WITH CHECK (trainee = current_user::text OR attune_is_admin());
CREATE POLICY competency_results_delete ON competency_results FOR DELETE USING (attune_is_admin());

ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY reviews_read ON reviews FOR SELECT USING (
  trainee = current_user::text OR (SELECT attune_is_admin())
  OR trainee IN (SELECT s.trainee FROM public.supervision s WHERE s.supervisor = current_user::text));
CREATE POLICY reviews_write ON reviews FOR INSERT
  WITH CHECK (attune_supervises(trainee) AND stored_by = current_user::text);
CREATE POLICY reviews_delete ON reviews FOR DELETE USING (attune_is_admin());

ALTER TABLE progress ENABLE ROW LEVEL SECURITY;
ALTER TABLE progress FORCE ROW LEVEL SECURITY;
CREATE POLICY progress_read ON progress FOR SELECT USING (
  trainee = current_user::text OR (SELECT attune_is_admin())
  OR trainee IN (SELECT s.trainee FROM public.supervision s WHERE s.supervisor = current_user::text));
CREATE POLICY progress_insert ON progress FOR INSERT WITH CHECK (attune_visible(trainee));
CREATE POLICY progress_update ON progress FOR UPDATE USING (attune_visible(trainee))
  WITH CHECK (attune_visible(trainee));
CREATE POLICY progress_delete ON progress FOR DELETE USING (attune_is_admin());

ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit FOR SELECT USING (attune_is_admin());
-- Only what attune writes there itself: a role's own upload count, about rows it may see.
CREATE POLICY audit_write ON audit FOR INSERT
  WITH CHECK (by_role = current_user::text AND attune_visible(trainee) AND (action = 'sync' OR attune_is_admin()));
