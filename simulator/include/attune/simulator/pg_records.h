// The PostgreSQL records store (target attune_pg, libpqxx): one database for a whole programme,
// many trainees and sites. Schema, roles and row-level security: assets/sql/*.sql and
// docs/postgresql.md. Nothing here exposes libpqxx, so callers need only this header.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "attune/simulator/records_store.h"

namespace attune::sim::pg {

// The schema version this attune reads and writes (the last migration embedded in it).
int latest_schema_version();

struct Migration {
  int version = 0;
  std::string name;  // the file name under assets/sql/
  std::string sql;
};
// The migrations compiled into attune, in version order.
const std::vector<Migration>& migrations();

struct MigrateResult {
  std::vector<int> applied;  // versions applied now, in order
  int version = 0;           // the database's version afterwards
  std::string error;         // non-empty: nothing was applied
};
// Applies the pending migrations in one transaction (serialised against other migrators), so a
// failure leaves the database as it was; running it again is a no-op.
MigrateResult migrate(const std::string& url);

struct OpenResult {
  std::unique_ptr<RecordsBackend> backend;
  std::string error;  // for people: what failed and what to do
};
// Connects (the URL as libpq takes it: postgresql://USER@HOST:PORT/DB?sslmode=…; a password
// from ~/.pgpass or $PGPASSWORD rather than in the URL) and checks the schema version.
OpenResult open_postgresql_records(const std::string& url);

// The URL without a password, for messages.
std::string redact_url(const std::string& url);

}  // namespace attune::sim::pg
