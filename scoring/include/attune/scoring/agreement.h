// Agreement between the coder and human annotators: accuracy, macro-F1, Cohen's kappa,
// per-label precision/recall/F1 and the confusion matrix, with corpus labels matched the way
// ../shared/data/README.md says (coarse labels such as `question`, corpus-relative `other`).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "attune/scoring/codes.h"

namespace attune::scoring {

struct LabelScores {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  int support = 0;    // gold count
  int predicted = 0;  // predicted count
};

struct Agreement {
  std::string view;  // "labels", "reflections_collapsed", "main_behaviours"
  int n = 0;
  double accuracy = 0;
  double macro_f1 = 0;
  double kappa = 0;
  std::vector<std::string> labels;  // sorted
  std::map<std::string, LabelScores> per_label;
  std::map<std::string, std::map<std::string, int>> confusion;  // gold -> predicted -> count
};

// Maps a coder code into the label space of a corpus whose gold labels are `label_set`.
std::string label_for(Code code, const std::string& gold, const std::vector<std::string>& label_set);
// The label of the first code in a coder's ranking (Coding::ranking) that the label set names,
// as an annotator whose scheme lacks the coder's first choice picks the next; else `other`.
std::string label_for_ranking(const std::vector<Code>& ranking, const std::string& gold,
                              const std::vector<std::string>& label_set);

// Agreement over (gold, predicted) label pairs.
Agreement agreement(const std::string& view, const std::vector<std::pair<std::string, std::string>>& pairs);

// The views the data README asks for: the labels as given; reflections collapsed; and, when the
// labels are AnnoMI's, its four main behaviours (question / reflection / input / other).
// Each pair is an annotator's label and the coder's ranking of the utterance's codes.
std::vector<Agreement> agreement_views(
    const std::vector<std::pair<std::string, std::vector<Code>>>& gold_and_ranking);

}  // namespace attune::scoring
