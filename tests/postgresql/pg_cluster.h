// A throwaway PostgreSQL server for the store tests: initdb into a temp dir, pg_ctl start on a free
// loopback port (trust authentication, its socket in the temp dir), stopped and removed in
// teardown. Run as the unprivileged `postgres` user when the tests run as root (initdb refuses
// root). fsync and friends are off here only: a test cluster, never a product default.
#pragma once

#include <memory>
#include <string>

namespace attune::testing {

class PgCluster {
 public:
  // The one cluster of this test binary (started by the environment in pg_main.cpp).
  static PgCluster& instance();

  // Why there is no server: the binaries are missing (the tests skip) or it would not start (they fail).
  bool available() const { return available_; }
  bool binaries_missing() const { return binaries_missing_; }
  const std::string& problem() const { return problem_; }

  void start();
  void stop();

  // postgresql://USER@127.0.0.1:PORT/DB
  std::string url(const std::string& database, const std::string& user = "postgres") const;
  // Runs SQL as the superuser in `database`; throws on failure.
  void exec(const std::string& database, const std::string& sql) const;
  // A login role `name` in group `group` (attune_trainee, attune_supervisor, attune_admin); roles
  // belong to the whole cluster, so one already there is kept.
  void create_login_role(const std::string& name, const std::string& group) const;
  // A new database with the attune schema (copied from a migrated template): its URL.
  std::string fresh_database(const std::string& prefix);

 private:
  bool available_ = false;
  bool binaries_missing_ = false;
  std::string problem_;
  std::string bindir_;
  std::string dir_;
  std::string run_as_;  // "runuser -u postgres -- " when root
  int port_ = 0;
  int databases_ = 0;
  bool template_ready_ = false;
};

}  // namespace attune::testing
