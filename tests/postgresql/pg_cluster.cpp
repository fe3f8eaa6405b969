#include "pg_cluster.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <stdexcept>

#include "attune/simulator/pg_records.h"

namespace attune::testing {
namespace fs = std::filesystem;
namespace {

// The newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl, or "".
std::string find_bindir() {
  std::string best;
  int best_version = -1;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    fs::path bin = entry.path() / "bin";
    if (!fs::exists(bin / "initdb") || !fs::exists(bin / "pg_ctl")) continue;
    int version = std::atoi(entry.path().filename().c_str());
    if (version > best_version) {
      best_version = version;
      best = bin.string();
    }
  }
  return best;
}

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0)
    port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

int run(const std::string& command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

PgCluster& PgCluster::instance() {
  static PgCluster cluster;
  return cluster;
}

void PgCluster::start() {
  bindir_ = find_bindir();
  if (bindir_.empty()) {
    binaries_missing_ = true;
    problem_ =
        "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin: install "
        "Debian's postgresql (tools/test does)";
    return;
  }
  char pattern[] = "/tmp/attune-pg-XXXXXX";
  if (::mkdtemp(pattern) == nullptr) {
    problem_ = "cannot make a temp dir for the cluster";
    return;
  }
  dir_ = pattern;
  fs::create_directories(dir_ + "/sock");
  if (::geteuid() == 0) {
    passwd* user = ::getpwnam("postgres");
    if (user == nullptr) {
      problem_ = "running as root and there is no `postgres` user to run the cluster as";
      return;
    }
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    if (::chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0 ||
        ::chown((dir_ + "/sock").c_str(), user->pw_uid, user->pw_gid) != 0) {
      problem_ = "cannot hand " + dir_ + " to the postgres user";
      return;
    }
    run_as_ = "runuser -u postgres -- ";
  }
  port_ = free_port();
  std::string quiet = " >>" + dir_ + "/setup.log 2>&1";
  if (run("cd / && " + run_as_ + bindir_ + "/initdb -D " + dir_ +
          "/data -A trust -U postgres --no-sync -E UTF8 --locale=C" + quiet) != 0) {
    problem_ = "initdb failed (see " + dir_ + "/setup.log)";
    return;
  }
  std::string options = "-p " + std::to_string(port_) + " -k " + dir_ +
                        "/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                        "-c full_page_writes=off -c max_connections=60";
  if (run("cd / && " + run_as_ + bindir_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ +
          "/server.log -w -t 60 -o '" + options + "' start" + quiet) != 0) {
    problem_ = "pg_ctl start failed (see " + dir_ + "/server.log)";
    return;
  }
  available_ = true;
}

void PgCluster::stop() {
  if (dir_.empty()) return;
  if (available_)
    run("cd / && " + run_as_ + bindir_ + "/pg_ctl -D " + dir_ + "/data -m immediate -w stop >/dev/null 2>&1");
  available_ = false;
  std::error_code ec;
  fs::remove_all(dir_, ec);
  dir_.clear();
}

std::string PgCluster::url(const std::string& database, const std::string& user) const {
  return "postgresql://" + user + "@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

void PgCluster::exec(const std::string& database, const std::string& sql) const {
  pqxx::connection connection(url(database));
  pqxx::nontransaction work(connection);  // CREATE DATABASE cannot run in a transaction
  work.exec(sql);
}

void PgCluster::create_login_role(const std::string& name, const std::string& group) const {
  pqxx::connection connection(url("postgres"));
  pqxx::nontransaction work(connection);
  if (work.exec_params("SELECT 1 FROM pg_roles WHERE rolname = $1", name).empty())
    work.exec("CREATE ROLE " + work.quote_name(name) + " LOGIN IN ROLE " + work.quote_name(group));
}

std::string PgCluster::fresh_database(const std::string& prefix) {
  if (!template_ready_) {
    exec("postgres", "CREATE DATABASE attune_template");
    auto migrated = sim::pg::migrate(url("attune_template"));
    if (!migrated.error.empty()) throw std::runtime_error(migrated.error);
    template_ready_ = true;
  }
  std::string name = prefix + "_" + std::to_string(++databases_);
  pqxx::connection connection(url("postgres"));
  pqxx::nontransaction work(connection);
  work.exec("CREATE DATABASE " + name + " TEMPLATE attune_template");
  return url(name);
}

}  // namespace attune::testing
