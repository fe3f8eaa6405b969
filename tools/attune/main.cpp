// `attune`: the command line. Only this file sees CLI11; the commands live in cmd_*.cpp.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "commands.h"

int main(int argc, char** argv) {
  // A full disk or a file-size limit must fail a write with an error we can report, not kill us.
  std::signal(SIGXFSZ, SIG_IGN);
  using namespace attune::cli;
  CLI::App app{"attune: practise active listening with simulated clients, scored with evidence"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("attune ") + ATTUNE_VERSION);

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Validate scenarios and rubrics (files or directories)");
  check_cmd->add_option("PATH", check.paths, "Scenario or rubric files, or directories of them")->required();
  check_cmd->add_option("--format", check.format, "text (FILE:LINE:COL lines) or json (for editors)")
      ->check(CLI::IsMember({"text", "json"}));

  GraphOptions graph;
  auto* graph_cmd = app.add_subcommand("graph", "Draw a scenario's branch graph (Graphviz DOT or SVG)");
  graph_cmd->add_option("SCENARIO", graph.scenario, "Scenario file or shipped id")->required();
  graph_cmd->add_option("--format", graph.format, "dot, or svg (needs Graphviz's `dot`)")
      ->check(CLI::IsMember({"dot", "svg"}));
  graph_cmd->add_option("--out", graph.out, "Write to this file instead of standard output");

  PlaytestOptions playtest;
  auto* playtest_cmd = app.add_subcommand(
      "playtest",
      "Explore every branch of scenarios automatically and run their test plays (NAME.plays.yaml)");
  playtest_cmd->add_option("PATH", playtest.paths, "Scenario files or ids, or directories of them")
      ->required();
  playtest_cmd->add_flag("--json", playtest.json, "Print the reports as JSON");

  PlayOptions play;
  auto* play_cmd = app.add_subcommand("play", "Play a scenario (a path, or the id of a shipped scenario)");
  play_cmd->add_option("SCENARIO", play.scenario, "Scenario file or id");
  play_cmd->add_option("--trainee", play.trainee,
                       "Trainee id the record is filed under (default: $ATTUNE_TRAINEE, $USER)");
  play_cmd->add_option("--mode", play.mode, "practice (coach notes) or exam")
      ->check(CLI::IsMember({"practice", "exam"}));
  play_cmd->add_flag("--text", play.text, "Play in the terminal");
  play_cmd->add_flag("--plain", play.plain, "Plain lines only, for screen readers and pipes");
  play_cmd->add_option("--responses", play.responses, "Play a scripted trainee from this responses file");
  play_cmd->add_flag("--json", play.json, "Also print the session record as JSON to stdout");
  std::string resume_id;
  auto* resume_opt = play_cmd
                         ->add_option("--resume", resume_id,
                                      "Continue an unfinished session (its id; optional when there is one)")
                         ->expected(0, 1);
  play_cmd->add_flag("--list-unfinished", play.list_unfinished,
                     "List unfinished sessions in the records directory");
  play_cmd->add_flag("--realtime", play.realtime,
                     "With --responses: wait the scripted latencies and silences for real, and report each "
                     "saved turn on stderr");
  play_cmd->add_option("--screenshot", play.screenshot,
                       "With --responses: play in the window and save OUT.png (the conversation at the end) "
                       "and OUT-debrief.png (the debrief)");
  play_cmd->add_flag("--frame-stats", play.frame_stats,
                     "Window: print frame-time percentiles (handling events and drawing) at the end");
  play_cmd->add_option("--records", play.records,
                       "Records directory or postgresql:// URL (default: $ATTUNE_RECORDS, XDG data dir)");

  CodeOptions code;
  auto* code_cmd =
      app.add_subcommand("code", "Code utterances: codes, evidence spans, rule ids, primary code");
  code_cmd->add_option("TEXT", code.text, "The utterance to code");
  code_cmd->add_option("--context", code.context,
                       "A client line the utterance answers (repeatable, oldest first)");
  code_cmd->add_option("--jsonl", code.jsonl, "Code every line of a JSONL file with 'text' (and 'context')");

  EvalOptions eval;
  auto* eval_cmd = app.add_subcommand(
      "eval", "Agreement of the coder with an annotated corpus (JSONL: text, label, context)");
  eval_cmd->add_option("DATA", eval.data, "Annotated utterances, one JSON object a line")->required();
  eval_cmd->add_flag("--json", eval.json, "Print the figures as JSON (top-level kappa is Cohen's kappa)");

  VerifyOptions verify;
  auto* verify_cmd = app.add_subcommand(
      "verify",
      "Check records' integrity: name every session record or review file altered after it was written");
  verify_cmd->add_option("RECORD", verify.records_named, "Session files or ids (default: every record)");
  verify_cmd->add_option("--records", verify.records,
                         "Records directory or postgresql:// URL (default: $ATTUNE_RECORDS, XDG data dir)");

  ReviewOptions review;
  std::vector<std::string> override_args;
  auto* review_cmd = app.add_subcommand(
      "review", "Show a scored transcript; record a supervisor's override of a turn's codes, or a sign-off");
  review_cmd->add_option("RECORD", review.record, "Session file or session id")->required();
  review_cmd->add_option("--records", review.records,
                         "Records directory or postgresql:// URL (default: $ATTUNE_RECORDS, XDG data dir)");
  auto* override_opt =
      review_cmd
          ->add_option("--override", override_args,
                       "TURN CODE[,CODE]: replace the codes of turn TURN (its 0-based index)")
          ->expected(2);
  review_cmd->add_option("--reason", review.reason, "Why the codes are corrected (with --override)");
  review_cmd->add_option("--by", review.by, "Who reviews (with --override or --sign-off)");
  review_cmd->add_flag("--sign-off", review.sign_off, "Sign the session off");

  ReportOptions report;
  auto* report_cmd = app.add_subcommand("report", "Trainee and cohort progress for supervisors (HTML, CSV)");
  report_cmd->add_option("--records", report.records,
                         "Records directory or postgresql:// URL (default: $ATTUNE_RECORDS, XDG data dir)");
  report_cmd->add_option("--trainee", report.trainee, "Only this trainee");
  report_cmd->add_option("--html", report.html, "Write a self-contained HTML report to FILE");
  report_cmd->add_option("--csv", report.csv, "Write one row per session and competency to FILE");
  report_cmd->add_flag(
      "--redact", report.redact,
      "Replace trainee ids, names and all free text with placeholders, for sharing outside the programme");

  ExportOptions export_opts;
  auto* export_cmd =
      app.add_subcommand("export", "Write a bundle (.tar.gz) of finished records to move to another machine");
  export_cmd->add_option("--out", export_opts.out, "The bundle file to write")->required();
  export_cmd->add_option("--trainee", export_opts.trainee, "Only this trainee's sessions");
  export_cmd->add_option("--since", export_opts.since,
                         "Only sessions started on or after this date (YYYY-MM-DD)");
  export_cmd->add_option("--records", export_opts.records,
                         "Records directory (default: $ATTUNE_RECORDS, XDG data dir)");

  ImportOptions import_opts;
  auto* import_cmd =
      app.add_subcommand("import", "Merge a bundle into the records directory, checking everything in it");
  import_cmd->add_option("FILE", import_opts.bundle, "A bundle written by `attune export`")->required();
  import_cmd->add_option("--records", import_opts.records,
                         "Records directory (default: $ATTUNE_RECORDS, XDG data dir)");

  auto* key_cmd = app.add_subcommand("key", "The programme key");
  key_cmd->require_subcommand(1);
  auto* key_show_cmd =
      key_cmd->add_subcommand("show", "Print the programme key, to set as $ATTUNE_KEY on another machine");

  RecordsDeleteOptions records_delete;
  auto* records_cmd = app.add_subcommand("records", "Manage the records directory");
  records_cmd->require_subcommand(1);
  auto* records_delete_cmd =
      records_cmd->add_subcommand("delete", "Remove one trainee's records (a dry run without --yes)");
  records_delete_cmd->add_option("--trainee", records_delete.trainee, "The trainee whose records go")
      ->required();
  records_delete_cmd->add_flag("--yes", records_delete.yes, "Really remove them");
  records_delete_cmd->add_option("--by", records_delete.by,
                                 "Who removes them, for audit.jsonl (default: $USER)");
  records_delete_cmd->add_option("--records", records_delete.records,
                                 "Records directory (default: $ATTUNE_RECORDS, XDG data dir)");

  SyncOptions sync;
  auto* sync_cmd = app.add_subcommand(
      "sync",
      "Upload a records directory's sessions and reviews to a PostgreSQL database, without duplicates");
  sync_cmd->add_option(
      "--from", sync.from,
      "Records directory to upload (default: $ATTUNE_LOCAL_RECORDS, else the XDG records directory)");
  sync_cmd->add_option("--to", sync.to,
                       "postgresql://USER@HOST:PORT/DB (default: --records / $ATTUNE_RECORDS)");
  sync_cmd->add_option("--records", sync.records, "The records store (a postgresql:// URL here)");

  DbMigrateOptions db_migrate;
  auto* db_cmd = app.add_subcommand("db", "The PostgreSQL records database");
  db_cmd->require_subcommand(1);
  auto* db_migrate_cmd = db_cmd->add_subcommand(
      "migrate", "Create or upgrade the records schema (versioned migrations, one transaction, idempotent)");
  db_migrate_cmd->add_option("--records", db_migrate.records,
                             "postgresql://USER@HOST:PORT/DB (default: $ATTUNE_RECORDS)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? kDone : kUsageOrIo;
  }
  // Input problems are values all the way down; this is the last guard against a bug losing a
  // session without a word (the journal keeps its turns).
  try {
    if (check_cmd->parsed()) return run_check(check);
    if (graph_cmd->parsed()) return run_graph(graph);
    if (playtest_cmd->parsed()) return run_playtest(playtest);
    if (play_cmd->parsed()) {
      if (resume_opt->count() > 0) play.resume = resume_id;
      return run_play(play);
    }
    if (eval_cmd->parsed()) return run_eval(eval);
    if (verify_cmd->parsed()) return run_verify(verify);
    if (export_cmd->parsed()) return run_export(export_opts);
    if (import_cmd->parsed()) return run_import(import_opts);
    if (key_show_cmd->parsed()) return run_key_show();
    if (records_delete_cmd->parsed()) return run_records_delete(records_delete);
    if (sync_cmd->parsed()) return run_sync(sync);
    if (db_migrate_cmd->parsed()) return run_db_migrate(db_migrate);
    if (review_cmd->parsed()) {
      if (override_opt->count() > 0) {
        int turn = -1;
        if (!CLI::detail::lexical_cast(override_args[0], turn) || turn < 0) {
          std::cerr << "attune review: --override TURN must be a turn's 0-based index, not '"
                    << override_args[0] << "'\n";
          return kUsageOrIo;
        }
        review.override_turn = turn;
        review.override_codes = override_args[1];
      }
      return run_review(review);
    }
    if (report_cmd->parsed()) {
      if (!report.html && !report.csv) {
        std::cerr << "attune report: give --html FILE or --csv FILE (or both)\n";
        return kUsageOrIo;
      }
      return run_report(report);
    }
    if (code_cmd->parsed()) {
      if (!code.text == !code.jsonl) {
        std::cerr << "attune code: give either TEXT or --jsonl FILE\n";
        return kUsageOrIo;
      }
      return run_code(code);
    }
  } catch (const std::exception& e) {
    std::cerr << "attune: unexpected failure: " << e.what() << "\n";
  }
  return kUsageOrIo;
}
