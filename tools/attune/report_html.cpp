// The HTML report: one self-contained file (inline CSS and SVG, no scripts, no fonts or anything
// else fetched) that opens in any browser. Status is always given in words and shapes as well as
// colour, and every chart has a text equivalent beside it.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "attune/simulator/records_scan.h"
#include "report_model.h"

namespace attune::cli {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink:#1f2933; --muted:#5f6b7a; --line:#d9dee5; --paper:#ffffff; --wash:#f5f7fa; --accent:#2c5d8a;
  --proficient:#d6eadf; --developing:#f6ead0; --not-yet:#f3d9d9; --none:#eceff3; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif;
  color: var(--ink); background: var(--wash); }
header.top { background: var(--paper); border-bottom: 1px solid var(--line); padding: 20px 32px; }
header.top h1 { margin: 0; font-size: 22px; font-weight: 600; }
.meta { color: var(--muted); margin: 4px 0 0; font-size: 14px; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 32px 48px; }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px;
  margin: 16px 0; }
h2 { font-size: 18px; font-weight: 600; margin: 0 0 10px; }
h3 { font-size: 15px; font-weight: 600; margin: 16px 0 8px; }
a { color: var(--accent); }
nav.trainees a { margin-right: 12px; white-space: nowrap; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--wash); font-weight: 600; }
table.heat td { text-align: center; min-width: 92px; }
table.heat td.who { text-align: left; }
.status-proficient { background: var(--proficient); }
.status-developing { background: var(--developing); }
.status-not_yet { background: var(--not-yet); }
.status-insufficient_evidence { background: var(--none); color: var(--muted); }
.shape { font-size: 14px; margin-right: 3px; }
.legend span { margin-right: 16px; font-size: 13px; }
.legend .swatch { display: inline-block; padding: 1px 8px; border: 1px solid var(--line); border-radius: 3px; }
.trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; background: var(--paper); }
figcaption { font-size: 12px; color: var(--muted); }
figcaption b { color: var(--ink); font-weight: 600; }
svg text { font: 10px system-ui, "DejaVu Sans", sans-serif; fill: #5f6b7a; }
details.session { border: 1px solid var(--line); border-radius: 4px; margin: 8px 0; background: var(--paper); }
details.session > summary { cursor: pointer; padding: 8px 12px; background: var(--wash); }
details.session > div { padding: 4px 14px 12px; }
ol.turns { padding-left: 22px; }
ol.turns li { margin: 8px 0; }
.client { color: var(--muted); }
.code { display: inline-block; font-size: 12px; border: 1px solid var(--line); border-radius: 3px; padding: 0 5px;
  margin: 2px 4px 0 0; background: var(--wash); }
.corrected { font-size: 12px; color: #7a4b00; }
.note { color: var(--muted); font-size: 13px; }
)css";

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fixed(double value, const char* format = "%.1f") {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string status_words(const std::string& status) {
  if (status == "proficient") return "proficient";
  if (status == "developing") return "developing";
  if (status == "not_yet") return "not yet";
  return "no evidence";
}

std::string shape(const std::string& status) {
  if (status == "proficient") return "&#9679;";  // filled circle
  if (status == "developing") return "&#9680;";  // half circle
  if (status == "not_yet") return "&#9675;";     // empty circle
  return "&#8211;";
}

std::string minutes(long long seconds) {
  if (seconds < 60) return std::to_string(seconds) + " s";
  return fixed(static_cast<double>(seconds) / 60.0, "%.0f") + " min";
}

struct Point {
  double score;
  bool corrected;
  std::string session;
  std::string date;  // the session's start day, YYYY-MM-DD
};

// Where the x axis names a session's day: the first and the last, then the middle and quarters as
// long as a label fits without touching another (dates are about 58 px wide at the chart's 10 px)
// and names another day than those already shown.
struct DateLabel {
  std::size_t point;
  const char* anchor;  // SVG text-anchor
};
std::vector<DateLabel> date_labels(const std::vector<Point>& points,
                                   const std::function<double(std::size_t)>& x, double width) {
  std::size_t count = points.size();
  constexpr double kLabel = 58, kGap = 6;
  std::vector<DateLabel> out;
  std::vector<std::pair<double, double>> taken;  // extents of the labels placed
  auto place = [&](std::size_t i, const char* anchor) {
    double begin = anchor[0] == 's' ? x(i) : anchor[0] == 'e' ? x(i) - kLabel : x(i) - kLabel / 2;
    double end = begin + kLabel;
    if (begin < 0 || end > width) return;
    for (const auto& [b, e] : taken) {
      if (begin < e + kGap && b < end + kGap) return;
    }
    for (const auto& l : out) {
      if (l.point == i || points[l.point].date == points[i].date) return;
    }
    taken.emplace_back(begin, end);
    out.push_back({i, anchor});
  };
  if (count == 0) return out;
  if (count == 1) {
    place(0, "middle");
    return out;
  }
  place(0, "start");
  place(count - 1, "end");
  for (std::size_t i : {(count - 1) / 2, (count - 1) / 4, 3 * (count - 1) / 4}) {
    if (i > 0 && i < count - 1) place(i, "middle");
  }
  return out;
}

// One competency's scores over a trainee's sessions that exercised it (0-4, proficiency dashed),
// with the days of the first, last and some sessions between under the x axis.
std::string trend_svg(const std::vector<Point>& points, double proficient_at, double max_score) {
  const double w = 230, h = 100, left = 22, right = 8, top = 6, bottom = 28;
  auto y = [&](double score) { return top + (h - top - bottom) * (1.0 - score / max_score); };
  auto x = [&](std::size_t i) {
    return points.size() < 2
               ? left + (w - left - right) / 2
               : left + (w - left - right) * static_cast<double>(i) / static_cast<double>(points.size() - 1);
  };
  std::string out = "<svg class=\"trend\" width=\"230\" height=\"100\" viewBox=\"0 0 230 100\" role=\"img\">";
  for (double tick : {0.0, max_score / 2, max_score}) {
    out += "<line x1=\"" + fixed(left) + "\" x2=\"" + fixed(w - right) + "\" y1=\"" + fixed(y(tick)) +
           "\" y2=\"" + fixed(y(tick)) + "\" stroke=\"#e4e8ee\"/><text x=\"2\" y=\"" + fixed(y(tick) + 3) +
           "\">" + fixed(tick, "%.0f") + "</text>";
  }
  out += "<line x1=\"" + fixed(left) + "\" x2=\"" + fixed(w - right) + "\" y1=\"" + fixed(y(proficient_at)) +
         "\" y2=\"" + fixed(y(proficient_at)) + "\" stroke=\"#7fa88f\" stroke-dasharray=\"4 3\"/>";
  if (points.empty()) {
    out += "<text x=\"70\" y=\"46\">not exercised yet</text>";
  } else {
    std::string line;
    for (std::size_t i = 0; i < points.size(); ++i)
      line += fixed(x(i)) + "," + fixed(y(points[i].score)) + " ";
    out += "<polyline fill=\"none\" stroke=\"#2c5d8a\" stroke-width=\"1.6\" points=\"" + line + "\"/>";
    for (std::size_t i = 0; i < points.size(); ++i) {
      std::string tip = "<title>" + escape(points[i].session) + ": " + fixed(points[i].score) +
                        (points[i].corrected ? " (corrected by a supervisor)" : "") + "</title>";
      if (points[i].corrected) {
        out += "<rect x=\"" + fixed(x(i) - 3) + "\" y=\"" + fixed(y(points[i].score) - 3) +
               "\" width=\"6\" height=\"6\" fill=\"#7a4b00\">" + tip + "</rect>";
      } else {
        out += "<circle cx=\"" + fixed(x(i)) + "\" cy=\"" + fixed(y(points[i].score)) +
               "\" r=\"2.8\" fill=\"#2c5d8a\">" + tip + "</circle>";
      }
    }
    for (const auto& label : date_labels(points, x, w)) {
      double at = x(label.point);
      out += "<line x1=\"" + fixed(at) + "\" x2=\"" + fixed(at) + "\" y1=\"" + fixed(y(0)) + "\" y2=\"" +
             fixed(y(0) + 4) + "\" stroke=\"#9aa5b1\"/><text class=\"date\" x=\"" + fixed(at) + "\" y=\"" +
             fixed(h - 8) + "\" text-anchor=\"" + label.anchor + "\">" + escape(points[label.point].date) +
             "</text>";
    }
  }
  return out + "</svg>";
}

// Practice time is each session's wall clock, start to end (PRODUCT.md). A scripted play (`attune
// play --responses`) has no one at the keyboard and ends in less time than its turns' recorded
// quiet (ReviewedSession::untimed): it is counted as untimed rather than shown as a few seconds.
struct Practice {
  long long seconds = 0;
  int untimed = 0;  // scripted plays
};

Practice practice_of(const std::vector<const ReportSession*>& sessions) {
  Practice out;
  for (const auto* s : sessions) {
    if (s->view.untimed) {
      ++out.untimed;
    } else {
      out.seconds += s->view.practice_seconds;
    }
  }
  return out;
}

std::string untimed_words(int untimed) {
  return std::to_string(untimed) + (untimed == 1 ? " scripted play" : " scripted plays") + ", untimed";
}

std::string practice_words(const Practice& p) {
  if (p.seconds == 0 && p.untimed > 0) return "no timed practice (" + untimed_words(p.untimed) + ")";
  return minutes(p.seconds) + (p.untimed > 0 ? " + " + untimed_words(p.untimed) : "");
}

std::string practice_svg(const std::vector<std::pair<std::string, Practice>>& rows) {
  long long most = 1;
  for (const auto& [who, p] : rows) most = std::max(most, p.seconds);
  const int row = 24, label = 150, width = 720;
  int height = row * static_cast<int>(rows.size()) + 8;
  std::string out = "<svg class=\"practice\" width=\"" + std::to_string(width) + "\" height=\"" +
                    std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" role=\"img\" aria-label=\"Practice time per trainee\">";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Practice& p = rows[i].second;
    double bar = (width - label - 90) * static_cast<double>(p.seconds) / static_cast<double>(most);
    int y = row * static_cast<int>(i) + 4;
    out += "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" style=\"font-size:12px;fill:#1f2933\">" +
           escape(rows[i].first) + "</text>";
    // No bar at all when nothing was timed: a 1 px sliver would read as "practised a little".
    bool timed = p.seconds > 0 || p.untimed == 0;
    if (timed) {
      out += "<rect x=\"" + std::to_string(label) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
             fixed(std::max(bar, 1.0)) + "\" height=\"14\" rx=\"2\" fill=\"#8fb3d1\"/>";
    }
    out += "<text x=\"" + fixed(timed ? label + bar + 6 : label) + "\" y=\"" + std::to_string(y + 14) +
           "\" style=\"font-size:12px\">" + practice_words(p) + "</text>";
  }
  return out + "</svg>";
}

std::string heat_cell(const scoring::CompetencyScore* latest) {
  std::string status = latest ? latest->status : "insufficient_evidence";
  std::string score = latest && latest->score ? fixed(*latest->score) + " " : "";
  return "<td class=\"status-" + status + "\"><span class=\"shape\" aria-hidden=\"true\">" + shape(status) +
         "</span>" + score + status_words(status) + "</td>";
}

void session_transcript(std::string& out, const ReportSession& s, const scoring::Rubric& rubric) {
  const auto& v = s.view;
  out += "<details class=\"session\" id=\"s-" + escape(v.id) + "\"><summary><b>" + escape(v.started) +
         "</b> &middot; " + escape(v.scenario_title) + " &middot; " + escape(v.mode) +
         (v.complete ? "" : " &middot; incomplete") + (v.overridden() ? " &middot; corrected" : "") +
         (v.sign_off() ? " &middot; signed off" : "") + "</summary><div><p class=\"note\">Session " +
         escape(v.id) + ", outcome " + escape(v.outcome.value_or("none")) +
         ".</p><ol class=\"turns\" start=\"0\">";
  for (const auto& t : s.turns) {
    out += "<li><div class=\"client\">Client: " + escape(t.client) + "</div><div>Trainee: " +
           (t.kind == "silence" ? std::string("<i>(held silence)</i>") : escape(t.response)) + "</div><div>";
    for (const auto& c : t.automatic) out += "<span class=\"code\">" + escape(c) + "</span>";
    out += "</div>";
    if (t.overridden) {
      std::string codes;
      for (const auto& c : t.corrected) codes += (codes.empty() ? "" : ", ") + c;
      out += "<div class=\"corrected\">Corrected by the supervisor to: " +
             escape(codes.empty() ? "no codes" : codes) + "</div>";
    }
    out += "</li>";
  }
  out +=
      "</ol><table><tr><th>competency</th><th>automatic</th><th>corrected</th><th>chances</th><th>turns</"
      "th></tr>";
  for (std::size_t i = 0; i < v.automatic.size() && i < v.corrected.size(); ++i) {
    const auto& a = v.automatic[i];
    const auto& c = v.corrected[i];
    const auto* rule = rubric.find(a.id);
    std::string turns;
    for (int e : c.evidence) turns += (turns.empty() ? "" : ", ") + std::to_string(e);
    out += "<tr><td>" + escape(rule ? rule->name : a.id) + (c.focus ? " (focus)" : "") +
           "</td><td class=\"status-" + a.status + "\">" + (a.score ? fixed(*a.score) + " " : "") +
           status_words(a.status) + "</td><td class=\"status-" + c.status + "\">" +
           (c.score ? fixed(*c.score) + " " : "") + status_words(c.status) + "</td><td>" +
           std::to_string(c.opportunities) + "</td><td>" + turns + "</td></tr>";
  }
  out += "</table>";
  if (!v.reviews.empty()) {
    out += "<h3>Review trail</h3><ul>";
    for (const auto& r : v.reviews) {
      out += "<li>" + escape(r.when) + ": " +
             (r.kind == sim::ReviewKind::sign_off
                  ? "signed off by " + escape(r.by)
                  : "turn " + std::to_string(r.turn.value_or(-1)) + " corrected by " + escape(r.by)) +
             (r.reason.empty() ? "" : " &mdash; " + escape(r.reason)) + "</li>";
    }
    out += "</ul>";
  }
  out += "</div></details>";
}

// One trainee's section: trends, the list of sessions, transcripts.
std::string trainee_section(const std::string& trainee, const std::vector<const ReportSession*>& sessions,
                            const scoring::Rubric& rubric) {
  std::string out;
  Practice practice = practice_of(sessions);
  out +=
      "<section class=\"card trainee\" id=\"t-" + escape(trainee) + "\"><h2>" + escape(trainee) +
      "</h2><p class=\"meta\">" + std::to_string(sessions.size()) + " sessions &middot; " +
      (practice.seconds == 0 && practice.untimed > 0 ? practice_words(practice)
       : practice.untimed > 0 ? minutes(practice.seconds) + " practised + " + untimed_words(practice.untimed)
                              : minutes(practice.seconds) + " practised") +
      "</p><h3>Trends</h3><div class=\"trends\">";
  for (std::size_t c = 0; c < rubric.competencies.size(); ++c) {
    std::vector<Point> points;
    for (const auto* s : sessions) {
      if (c < s->view.corrected.size() && s->view.corrected[c].score)
        points.push_back(
            {*s->view.corrected[c].score, s->view.overridden(), s->view.id, s->view.started.substr(0, 10)});
    }
    std::string latest = points.empty() ? "no evidence" : fixed(points.back().score);
    out += "<figure>" + trend_svg(points, rubric.proficient_at, rubric.max_score) + "<figcaption><b>" +
           escape(rubric.competencies[c].name) + "</b>: latest " + latest + ", " +
           std::to_string(points.size()) + " sessions</figcaption></figure>";
  }
  out += "</div><p class=\"note\">Dashed line: proficient (" + fixed(rubric.proficient_at) +
         "). Squares: sessions a supervisor "
         "corrected.</p><h3>Sessions</h3><table><tr><th>started</th><th>scenario</th>"
         "<th>mode</th><th>outcome</th><th>review</th></tr>";
  for (const auto* s : sessions) {
    const auto& v = s->view;
    out += "<tr><td><a href=\"#s-" + escape(v.id) + "\">" + escape(v.started) + "</a></td><td>" +
           escape(v.scenario_title) + "</td><td>" + escape(v.mode) + "</td><td>" +
           escape(v.outcome.value_or("none")) + "</td><td>" +
           (v.sign_off()     ? "signed off"
            : v.overridden() ? "corrected"
                             : "") +
           "</td></tr>";
  }
  out += "</table>";
  if (!sessions.empty() && !sessions.front()->turns.empty()) out += "<h3>Transcripts</h3>";
  for (const auto* s : sessions) session_transcript(out, *s, rubric);
  out += "</section>";
  return out;
}

}  // namespace

std::string report_html(const Cohort& cohort, const scoring::Rubric& rubric) {
  std::string out;
  out.reserve(cohort.sessions.size() * 6000 + 65536);
  out +=
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"><title>attune: cohort report</title><style>";
  out += kStyle;
  out +=
      "</style></head><body><header class=\"top\"><h1>Active listening practice: cohort report</h1><p "
      "class=\"meta\">" +
      std::to_string(cohort.trainees.size()) + " trainees &middot; " +
      std::to_string(cohort.sessions.size()) + " sessions &middot; rubric " + escape(rubric.id) +
      (cohort.redacted
           ? " &middot; redacted: trainee ids, names and all free text are replaced by placeholders"
           : "") +
      (cohort.skipped.empty() ? ""
                              : " &middot; " + std::to_string(cohort.skipped.size()) +
                                    " damaged or foreign files skipped (attune verify names them)") +
      "</p></header><main>";

  // Group the (sorted) sessions by trainee.
  std::map<std::string, std::vector<const ReportSession*>> by_trainee;
  for (const auto& s : cohort.sessions) by_trainee[s.view.trainee].push_back(&s);

  out += "<nav class=\"trainees\"><b>Trainees:</b> ";
  for (const auto& t : cohort.trainees) out += "<a href=\"#t-" + escape(t) + "\">" + escape(t) + "</a>";
  out += "</nav>";

  // Heat map: each trainee's latest status in each competency.
  out += "<section class=\"card\" id=\"cohort\"><h2>Latest status by competency</h2><p class=\"legend\">";
  for (const char* s : {"proficient", "developing", "not_yet", "insufficient_evidence"})
    out += "<span><span class=\"swatch status-" + std::string(s) + "\">" + shape(s) + " " + status_words(s) +
           "</span></span>";
  out += "</p><table class=\"heat\"><tr><th>trainee</th>";
  for (const auto& rule : rubric.competencies) out += "<th>" + escape(rule.name) + "</th>";
  out += "</tr>";
  for (const auto& [trainee, sessions] : by_trainee) {
    out += "<tr><td class=\"who\"><a href=\"#t-" + escape(trainee) + "\">" + escape(trainee) + "</a></td>";
    for (std::size_t c = 0; c < rubric.competencies.size(); ++c) {
      const scoring::CompetencyScore* latest = nullptr;
      for (const auto* s : sessions) {
        if (c < s->view.corrected.size() && s->view.corrected[c].score) latest = &s->view.corrected[c];
      }
      out += heat_cell(latest);
    }
    out += "</tr>";
  }
  out +=
      "</table><p class=\"note\">The latest session that exercised each skill, with supervisors' corrections "
      "applied.</p></section>";

  // Practice time.
  std::vector<std::pair<std::string, Practice>> practice;
  int untimed = 0;
  for (const auto& [trainee, sessions] : by_trainee) {
    practice.emplace_back(trainee, practice_of(sessions));
    untimed += practice.back().second.untimed;
  }
  out += "<section class=\"card\" id=\"practice\"><h2>Practice time</h2>" + practice_svg(practice);
  if (untimed > 0) {
    out += "<p class=\"note\">Practice time is each session's wall-clock time, from start to end. " +
           untimed_words(untimed) +
           ": a scripted play (<code>attune play --responses</code>) runs without anyone at the keyboard, "
           "so it is counted but adds no time.</p>";
  }
  out += "</section>";

  // Calibration.
  out +=
      "<section class=\"card\" id=\"calibration\"><h2>Coder calibration</h2><p class=\"note\">How far the "
      "automatic codes agree with supervisors' corrections: Cohen's kappa per code (present or absent in a "
      "turn), "
      "over every turn of the " +
      std::to_string(cohort.overridden_sessions) + " sessions a supervisor corrected (" +
      std::to_string(cohort.overridden_turns) + (cohort.overridden_turns == 1 ? " turn" : " turns") +
      " changed).</p>";
  if (cohort.calibration.empty()) {
    out += "<p>No session has been corrected yet.</p>";
  } else {
    out +=
        "<table><tr><th>code</th><th>turns</th><th>coder gave it</th><th>supervisors kept or added it</th>"
        "<th>agreement</th><th>kappa</th></tr>";
    for (const auto& c : cohort.calibration) {
      out += "<tr><td>" + escape(c.code) + "</td><td>" + std::to_string(c.turns) + "</td><td>" +
             std::to_string(c.automatic) + "</td><td>" + std::to_string(c.corrected) + "</td><td>" +
             fixed(100 * c.agreement, "%.0f") + "%</td><td>" + fixed(c.kappa, "%.2f") + "</td></tr>";
    }
    out += "</table>";
  }
  out += "</section>";

  // Per trainee: trends, sessions, transcripts. The sections are most of the file; each is made on
  // its own worker and they are joined in trainee order, so the bytes never depend on the threads.
  std::vector<const std::pair<const std::string, std::vector<const ReportSession*>>*> sections;
  for (const auto& entry : by_trainee) sections.push_back(&entry);
  // A few sections at a time, so only those are held twice (as a section and in `out`).
  constexpr std::size_t kAtOnce = 8;
  std::vector<std::string> rendered(kAtOnce);
  for (std::size_t begin = 0; begin < sections.size(); begin += kAtOnce) {
    std::size_t count = std::min(kAtOnce, sections.size() - begin);
    sim::parallel_for(count, sim::scan_workers(), [&](std::size_t k) {
      rendered[k] = trainee_section(sections[begin + k]->first, sections[begin + k]->second, rubric);
    });
    for (std::size_t k = 0; k < count; ++k) {
      out += rendered[k];
      std::string().swap(rendered[k]);
    }
  }
  out +=
      "<p class=\"note\">Made by attune from the signed session records; nothing in this file is fetched "
      "from "
      "anywhere.</p></main></body></html>\n";
  return out;
}

}  // namespace attune::cli
