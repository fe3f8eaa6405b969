#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "attune/scoring/coder.h"
#include "attune/scoring/utf8.h"
#include "attune/simulator/records.h"
#include "commands.h"

namespace attune::cli {
namespace {

using nlohmann::json;

json coding_json(const scoring::Coding& coding) {
  return {{"primary", scoring::code_name(coding.primary)}, {"codes", sim::codes_json(coding.codes)}};
}

}  // namespace

int run_code(const CodeOptions& options) {
  if (options.text) {
    std::string text = to_valid_utf8(*options.text);
    auto coding = scoring::code_utterance(text, options.context);
    std::cout << "primary: " << scoring::code_name(coding.primary) << "\n";
    for (const auto& c : coding.codes) {
      std::cout << "  " << scoring::code_name(c.code);
      if (c.span) {
        std::cout << " \"" << text.substr(c.span->first, c.span->second - c.span->first) << "\" ["
                  << c.span->first << ", " << c.span->second << ")";
      }
      std::cout << "  rule " << c.rule << ", confidence " << c.confidence << "\n";
    }
    return kDone;
  }
  std::ifstream in(*options.jsonl);
  if (!in || std::filesystem::is_directory(*options.jsonl)) {
    std::cerr << "attune code: cannot read " << *options.jsonl << "\n";
    return kUsageOrIo;
  }
  std::string line;
  int number = 0;
  int status = kDone;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json input = json::parse(line, nullptr, false);
    if (input.is_discarded() || !input.is_object() || !input.contains("text") || !input["text"].is_string()) {
      std::cerr << *options.jsonl << ":" << number << ": expected a JSON object with a \"text\" string\n";
      status = kBadContent;
      continue;
    }
    std::vector<std::string> context;
    if (input.contains("context") && input["context"].is_array()) {
      for (const auto& c : input["context"]) {
        if (c.is_string()) context.push_back(c.get<std::string>());
      }
    }
    json out = coding_json(scoring::code_utterance(input["text"].get<std::string>(), context));
    out["line"] = number;
    std::cout << out.dump() << "\n";
  }
  return status;
}

}  // namespace attune::cli
