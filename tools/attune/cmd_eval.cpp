#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "attune/scoring/agreement.h"
#include "attune/scoring/coder.h"
#include "commands.h"

namespace attune::cli {
namespace {

using nlohmann::json;

json agreement_json(const scoring::Agreement& a) {
  json per_label = json::object();
  for (const auto& [label, s] : a.per_label) {
    per_label[label] = {{"precision", s.precision},
                        {"recall", s.recall},
                        {"f1", s.f1},
                        {"support", s.support},
                        {"predicted", s.predicted}};
  }
  return {{"n", a.n},           {"accuracy", a.accuracy}, {"macro_f1", a.macro_f1},  {"kappa", a.kappa},
          {"labels", a.labels}, {"per_label", per_label}, {"confusion", a.confusion}};
}

std::string fixed(double value, const char* format = "%.3f") {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

void print_table(const scoring::Agreement& a) {
  std::cout << "\n[" << a.view << "] accuracy " << fixed(a.accuracy) << "  macro-F1 " << fixed(a.macro_f1)
            << "  Cohen's kappa " << fixed(a.kappa) << "  (n = " << a.n << ")\n";
  std::cout << pad("label", 28) << pad("precision", 11) << pad("recall", 8) << pad("F1", 7) << pad("gold", 7)
            << pad("coder", 7) << "\n";
  for (const auto& label : a.labels) {
    const auto& s = a.per_label.at(label);
    std::cout << pad(label, 28) << pad(fixed(s.precision), 11) << pad(fixed(s.recall), 8)
              << pad(fixed(s.f1), 7) << pad(std::to_string(s.support), 7)
              << pad(std::to_string(s.predicted), 7) << "\n";
  }
  std::cout << "confusion (rows: annotators' label, columns: coder's)\n" << pad("", 28);
  for (std::size_t j = 0; j < a.labels.size(); ++j) std::cout << pad("c" + std::to_string(j + 1), 7);
  std::cout << "\n";
  for (std::size_t i = 0; i < a.labels.size(); ++i) {
    std::cout << pad("c" + std::to_string(i + 1) + " " + a.labels[i], 28);
    auto row = a.confusion.find(a.labels[i]);
    for (const auto& predicted : a.labels) {
      int count = 0;
      if (row != a.confusion.end()) {
        auto cell = row->second.find(predicted);
        count = cell == row->second.end() ? 0 : cell->second;
      }
      std::cout << pad(std::to_string(count), 7);
    }
    std::cout << "\n";
  }
}

}  // namespace

int run_eval(const EvalOptions& options) {
  std::ifstream in(options.data);
  if (!in || std::filesystem::is_directory(options.data)) {
    std::cerr << "attune eval: cannot read " << options.data << "\n";
    return kUsageOrIo;
  }
  std::vector<std::pair<std::string, std::vector<scoring::Code>>> pairs;
  std::string line;
  int number = 0;
  int bad_lines = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json input = json::parse(line, nullptr, false);
    if (input.is_discarded() || !input.is_object() || !input.contains("text") || !input["text"].is_string() ||
        !input.contains("label") || !input["label"].is_string()) {
      std::cerr << options.data << ":" << number
                << ": expected a JSON object with \"text\" and \"label\" strings\n";
      ++bad_lines;
      continue;
    }
    std::vector<std::string> context;
    if (input.contains("context") && input["context"].is_array()) {
      for (const auto& c : input["context"]) {
        if (c.is_string()) context.push_back(c.get<std::string>());
      }
    }
    auto coding = scoring::code_utterance(input["text"].get<std::string>(), context);
    pairs.emplace_back(input["label"].get<std::string>(), std::move(coding.ranking));
  }
  if (pairs.empty()) {
    std::cerr << "attune eval: no annotated utterances in " << options.data << "\n";
    return kBadContent;
  }
  auto views = scoring::agreement_views(pairs);
  if (options.json) {
    json out = agreement_json(views.front());
    out["coder"] = scoring::coder_version();
    out["data"] = options.data;
    json other = json::object();
    for (std::size_t i = 1; i < views.size(); ++i) other[views[i].view] = agreement_json(views[i]);
    out["views"] = other;
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << "attune eval " << options.data << ": " << pairs.size() << " utterances, coder "
              << scoring::coder_version() << ", primary code against the annotators' label\n"
              << "(where a corpus has no label for the primary code, the coder's next choice it has)\n";
    for (const auto& view : views) print_table(view);
  }
  return bad_lines > 0 ? kBadContent : kDone;
}

}  // namespace attune::cli
