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
// `record_sha256`, summarised under the rubric with `rubric_sha256` (views: the caller keeps them).
struct DigestBinding {
  const SessionFile* session = nullptr;
  std::string_view record_sha256;
  std::string_view rubric_sha256;
};

// The digest of an unreviewed session's view (`view.reviews` and `view.review_problems` empty). It
// holds what the CSV report reads of a session: everything but the turns' codes, which only the
// HTML report's transcripts and the calibration over corrected sessions use.
ReportDigest make_report_digest(const ReviewedSession& view, const DigestBinding& binding,
                                const std::string& key);

// The view back (without turn codes), or nullopt unless the digest's HMAC under `key` covers its
// text together with exactly `binding` and this format.
std::optional<ReviewedSession> read_report_digest(std::string_view text, std::string_view hmac,
                                                  const DigestBinding& binding, const std::string& key);

}  // namespace attune::sim
