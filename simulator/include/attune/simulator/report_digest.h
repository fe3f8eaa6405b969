// Report digests: what `attune report` needs of a session, written by a key holder once it has
// checked the record in full, so later reports over a database need not fetch and check every
// record again (docs/postgresql.md, "Report digests"). A digest is bound to the exact record text
// it was made from (its SHA-256), to the rubric, and to the session having no review lines; it is
// signed under the programme key like the record, so a digest altered in the database is not used.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "attune/simulator/records_scan.h"
#include "attune/simulator/reviewed_session.h"

namespace attune::sim {

// The digest format and the attune that reads it ("attune-report-digest/1 (attune 0.4.0)"): another
// version's view of a record may differ, so a version reads only digests made by itself.
const std::string& report_digest_format();

// A digest as a store keeps it: its text and the HMAC-SHA256 of that text under the programme key.
struct ReportDigest {
  std::string text;
  std::string hmac;
};

// What a digest is bound to: the session filed as `session`, whose stored record text has
// `record_sha256`, summarised under the rubric with `rubric_sha256`.
struct DigestBinding {
  const SessionFile* session = nullptr;
  std::string record_sha256;
  std::string rubric_sha256;
};

// The digest of an unreviewed session's view (`view.reviews` and `view.review_problems` empty).
ReportDigest make_report_digest(const ReviewedSession& view, const DigestBinding& binding,
                                const std::string& key);

// The view back, or nullopt unless the digest is signed under `key`, is of this format and is bound
// to exactly `binding`.
std::optional<ReviewedSession> read_report_digest(const ReportDigest& digest, const DigestBinding& binding,
                                                  const std::string& key);

}  // namespace attune::sim
