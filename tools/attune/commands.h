// The `attune` subcommands. main.cpp parses the command line (CLI11 stays in that one file);
// each command takes its options as a plain struct and returns the exit status of PRODUCT.md:
// 0 done, 1 the input's content is wrong, 2 usage or I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace attune::cli {

enum Exit : int { kDone = 0, kBadContent = 1, kUsageOrIo = 2 };

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";  // text | json (one object for editors)
};
int run_check(const CheckOptions& options);

struct GraphOptions {
  std::string scenario;
  std::string format = "dot";  // dot | svg
  std::optional<std::string> out;
};
int run_graph(const GraphOptions& options);

struct PlaytestOptions {
  std::vector<std::string> paths;
  bool json = false;
};
int run_playtest(const PlaytestOptions& options);

struct PlayOptions {
  std::string scenario;
  std::optional<std::string> trainee;
  std::string mode = "practice";
  bool text = false;
  bool plain = false;
  std::optional<std::string> responses;
  bool json = false;
  std::optional<std::string> records;
  std::optional<std::string> resume;  // "" = the only unfinished session
  bool list_unfinished = false;
  bool realtime = false;
  std::optional<std::string> screenshot;  // with --responses: drive the window, save PNGs
  bool frame_stats = false;
};
int run_play(const PlayOptions& options);

struct CodeOptions {
  std::optional<std::string> text;
  std::vector<std::string> context;
  std::optional<std::string> jsonl;
};
int run_code(const CodeOptions& options);

struct EvalOptions {
  std::string data;
  bool json = false;
};
int run_eval(const EvalOptions& options);

struct VerifyOptions {
  std::vector<std::string> records_named;  // session file paths or ids; empty = every record
  std::optional<std::string> records;
};
int run_verify(const VerifyOptions& options);

struct ReviewOptions {
  std::string record;  // a session file's path or a session id
  std::optional<std::string> records;
  std::optional<int> override_turn;  // --override TURN CODE[,CODE]
  std::string override_codes;
  std::optional<std::string> reason;
  std::optional<std::string> by;
  bool sign_off = false;
};
int run_review(const ReviewOptions& options);

struct ReportOptions {
  std::optional<std::string> records;
  std::optional<std::string> trainee;
  std::optional<std::string> html;
  std::optional<std::string> csv;
  bool redact = false;
};
int run_report(const ReportOptions& options);

struct ExportOptions {
  std::string out;
  std::optional<std::string> trainee;
  std::optional<std::string> since;  // YYYY-MM-DD: sessions started on or after it
  std::optional<std::string> records;
};
int run_export(const ExportOptions& options);

struct ImportOptions {
  std::string bundle;
  std::optional<std::string> records;
};
int run_import(const ImportOptions& options);

int run_key_show();

struct RecordsDeleteOptions {
  std::string trainee;
  bool yes = false;
  std::optional<std::string> by;
  std::optional<std::string> records;
};
int run_records_delete(const RecordsDeleteOptions& options);

struct SyncOptions {
  std::optional<std::string> from;     // a records directory (default: this machine's, see local_records_dir)
  std::optional<std::string> to;       // a database URL (default: --records / $ATTUNE_RECORDS when it is one)
  std::optional<std::string> records;  // as for every command
};
int run_sync(const SyncOptions& options);

struct DbMigrateOptions {
  std::optional<std::string> records;  // the database URL (default: $ATTUNE_RECORDS)
};
int run_db_migrate(const DbMigrateOptions& options);

}  // namespace attune::cli
