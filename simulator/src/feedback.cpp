#include "attune/simulator/feedback.h"

#include <array>

namespace attune::sim {
namespace {

using scoring::CodeEvidence;

struct CodeNote {
  Code code;
  std::string_view did;      // what the response did
  std::string_view matters;  // why, for a peer supporter (empty: nothing to fix)
};

// The reasons come from the peer-support principles the product grew from (see PRODUCT.md).
constexpr std::array<CodeNote, 22> kNotes = {{
    {Code::open_question, "asked an open question", ""},
    {Code::closed_question, "asked a closed question", ""},
    {Code::simple_reflection, "reflected what the client said", ""},
    {Code::complex_reflection, "reflected the meaning or feeling beneath it", ""},
    {Code::summary, "summarised what the client has shared", ""},
    {Code::affirmation, "affirmed the client's strengths or efforts", ""},
    {Code::emphasize_autonomy, "left the decision with the client", ""},
    {Code::seek_permission, "asked permission before offering something", ""},
    {Code::information, "offered information", ""},
    {Code::advice, "gave advice",
     "a peer supporter does not give advice: the person draws on their own experience and wisdom to decide."},
    {Code::self_disclosure, "shared your own lived experience", ""},
    {Code::reassurance, "reassured in a way that minimises",
     "minimising tells the person their feelings are too much; staying with what they feel builds trust."},
    {Code::judgment, "judged the client",
     "peer support meets people where they are, without bias or judgment about their choices."},
    {Code::diagnosis, "diagnosed or recommended treatment",
     "diagnosing and recommending treatment belong to clinicians, not to the peer role."},
    {Code::dual_relationship, "stepped outside the peer role",
     "a relationship outside sessions blurs the boundary that protects both the person and you."},
    {Code::secrecy_promise, "promised to keep a secret",
     "confidentiality has limits when safety is at risk, so secrecy is a promise you may not be able to "
     "keep."},
    {Code::safety_check, "asked directly about safety", ""},
    {Code::referral, "connected the client with further support", ""},
    {Code::filler, "gave a short acknowledgement", ""},
    {Code::other, "said something the coder could not classify", ""},
    {Code::silence, "held the silence and let the client go on", ""},
    {Code::interruption, "replied before the client had the space they needed",
     "holding silence gives the person time to form their thoughts; listen to understand, not only to "
     "respond."},
}};

const CodeNote& note_for(Code code) {
  return kNotes[static_cast<std::size_t>(code)];
}

bool costs_points(const Turn& turn, const Turn* previous, const CodeEvidence& c) {
  if (c.code == Code::advice) {
    bool asked = scoring::has_code(turn.codes, Code::seek_permission) ||
                 (previous != nullptr && scoring::has_code(previous->codes, Code::seek_permission));
    return !asked;
  }
  return !note_for(c.code).matters.empty();
}

std::string evidence_words(const Turn& turn, const CodeEvidence& c) {
  if (!c.span || !turn.response) return {};
  const std::string& text = *turn.response;
  if (c.span->second > text.size() || c.span->first >= c.span->second) return {};
  return " (\"" + text.substr(c.span->first, c.span->second - c.span->first) + "\")";
}

}  // namespace

bool fell_short(const Turn& turn, const Turn* previous) {
  for (const auto& c : turn.codes) {
    if (costs_points(turn, previous, c)) return true;
  }
  return false;
}

std::string coach_note(const Turn& turn, const Turn* previous, const Node& node) {
  std::string did;
  std::string why;
  for (const auto& c : turn.codes) {
    const CodeNote& note = note_for(c.code);
    did += (did.empty() ? "You " : "; you ") + std::string(note.did) + evidence_words(turn, c);
    if (costs_points(turn, previous, c) && why.empty()) why = " Why it matters: " + std::string(note.matters);
  }
  if (did.empty()) did = "You responded";
  std::string out = did + "." + why;
  if (fell_short(turn, previous) && !node.model_responses.empty()) {
    std::size_t pick = static_cast<std::size_t>(turn.index) % node.model_responses.size();
    out += " Try instead: \"" + node.model_responses[pick] + "\"";
  }
  return out;
}

}  // namespace attune::sim
