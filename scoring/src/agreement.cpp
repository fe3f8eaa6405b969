#include "attune/scoring/agreement.h"

#include <algorithm>
#include <set>

namespace attune::scoring {
namespace {

bool contains(const std::vector<std::string>& set, const std::string& label) {
  return std::find(set.begin(), set.end(), label) != set.end();
}

bool is_reflection_label(const std::string& label) {
  return label == "simple_reflection" || label == "complex_reflection";
}

std::string collapse_reflection(const std::string& label) {
  return is_reflection_label(label) ? "reflection" : label;
}

std::string main_behaviour(const std::string& label) {
  if (label == "open_question" || label == "closed_question") return "question";
  if (is_reflection_label(label)) return "reflection";
  if (label == "information" || label == "advice") return "input";
  return "other";
}

double ratio(double a, double b) {
  return b > 0 ? a / b : 0.0;
}

}  // namespace

std::string label_for(Code code, const std::string& gold, const std::vector<std::string>& label_set) {
  std::string name(code_name(code));
  if (contains(label_set, name)) return name;
  if (is_question(code) && contains(label_set, "question")) return "question";
  if ((code == Code::affirmation || code == Code::reassurance) &&
      contains(label_set, "affirmation_or_reassurance")) {
    return "affirmation_or_reassurance";
  }
  // Neither corpus has a summary code: a summary agrees with either reflection label.
  if (code == Code::summary) {
    if (is_reflection_label(gold)) return gold;
    if (contains(label_set, "complex_reflection")) return "complex_reflection";
  }
  return contains(label_set, "other") ? std::string("other") : name;
}

std::string label_for_ranking(const std::vector<Code>& ranking, const std::string& gold,
                              const std::vector<std::string>& label_set) {
  for (Code code : ranking) {
    std::string label = label_for(code, gold, label_set);
    if (label != "other" || code == Code::other || code == Code::filler) return label;
  }
  return contains(label_set, "other") ? std::string("other") : std::string(code_name(Code::other));
}

Agreement agreement(const std::string& view, const std::vector<std::pair<std::string, std::string>>& pairs) {
  Agreement a;
  a.view = view;
  a.n = static_cast<int>(pairs.size());
  std::set<std::string> labels;
  int correct = 0;
  for (const auto& [gold, predicted] : pairs) {
    labels.insert(gold);
    labels.insert(predicted);
    ++a.confusion[gold][predicted];
    ++a.per_label[gold].support;
    ++a.per_label[predicted].predicted;
    correct += gold == predicted ? 1 : 0;
  }
  a.labels.assign(labels.begin(), labels.end());
  double n = a.n;
  a.accuracy = ratio(correct, n);
  double expected = 0;
  double f1_sum = 0;
  int gold_labels = 0;
  for (const auto& label : a.labels) {
    LabelScores& s = a.per_label[label];
    double hits = a.confusion[label][label];
    s.precision = ratio(hits, s.predicted);
    s.recall = ratio(hits, s.support);
    s.f1 = ratio(2 * s.precision * s.recall, s.precision + s.recall);
    expected += ratio(s.support, n) * ratio(s.predicted, n);
    // Macro-F1 averages over the labels the annotators used.
    if (s.support > 0) {
      f1_sum += s.f1;
      ++gold_labels;
    }
  }
  a.macro_f1 = ratio(f1_sum, gold_labels);
  a.kappa = expected < 1.0 ? (a.accuracy - expected) / (1.0 - expected) : 1.0;
  return a;
}

std::vector<Agreement> agreement_views(
    const std::vector<std::pair<std::string, std::vector<Code>>>& gold_and_ranking) {
  std::vector<std::string> label_set;
  for (const auto& [gold, ranking] : gold_and_ranking) {
    if (!contains(label_set, gold)) label_set.push_back(gold);
  }
  std::vector<std::pair<std::string, std::string>> labels;
  for (const auto& [gold, ranking] : gold_and_ranking)
    labels.emplace_back(gold, label_for_ranking(ranking, gold, label_set));
  std::vector<Agreement> views{agreement("labels", labels)};

  std::vector<std::pair<std::string, std::string>> collapsed;
  for (const auto& [gold, predicted] : labels)
    collapsed.emplace_back(collapse_reflection(gold), collapse_reflection(predicted));
  views.push_back(agreement("reflections_collapsed", collapsed));

  bool annomi_like = contains(label_set, "open_question") && contains(label_set, "simple_reflection") &&
                     !contains(label_set, "question");
  if (annomi_like) {
    std::vector<std::pair<std::string, std::string>> main;
    for (const auto& [gold, predicted] : labels)
      main.emplace_back(main_behaviour(gold), main_behaviour(predicted));
    views.push_back(agreement("main_behaviours", main));
  }
  return views;
}

}  // namespace attune::scoring
