// Behaviour coder: each text code fires on its phrasing (with the evidence span
// checked) and stays quiet on a near miss.
#include "attune/scoring/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace attune::scoring {
namespace {

const CodeEvidence* find(const Coding& c, Code code) {
  for (const CodeEvidence& e : c.codes) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

std::string span_text(std::string_view text, const CodeEvidence& e) {
  if (!e.span) return "<no span>";
  return std::string(text.substr(e.span->first, e.span->second - e.span->first));
}

// The span of `code` in the coding of `text`, or "<absent>".
std::string evidence(std::string_view text, Code code, std::vector<std::string> context = {}) {
  const Coding c = code_utterance(text, context);
  const CodeEvidence* e = find(c, code);
  return e == nullptr ? "<absent>" : span_text(text, *e);
}

std::string rule_of(std::string_view text, Code code, std::vector<std::string> context = {}) {
  const Coding c = code_utterance(text, context);
  const CodeEvidence* e = find(c, code);
  return e == nullptr ? "<absent>" : e->rule;
}

bool has(std::string_view text, Code code, std::vector<std::string> context = {}) {
  return has_code(code_utterance(text, context).codes, code);
}

Code primary(std::string_view text, std::vector<std::string> context = {}) {
  return code_utterance(text, context).primary;
}

// --- questions -------------------------------------------------------------

TEST(CoderQuestions, WhQuestionIsOpen) {
  const std::string text = "What would feel manageable to you right now?";
  EXPECT_EQ(evidence(text, Code::open_question), text);
  EXPECT_EQ(rule_of(text, Code::open_question), "question.open.wh_start");
  EXPECT_EQ(primary(text), Code::open_question);
}

TEST(CoderQuestions, InvitationWithoutQuestionMarkIsOpen) {
  EXPECT_EQ(evidence("Tell me more about your week.", Code::open_question), "Tell me more about your week.");
  EXPECT_EQ(rule_of("Help me understand what happened.", Code::open_question),
            "question.open.help_me_understand");
  EXPECT_FALSE(has("Tell me more about your week.", Code::advice));
}

TEST(CoderQuestions, AdvicePhrasedAsQuestionIsNotAQuestion) {
  for (const char* text : {"Why don't you just call her?", "What if you just called her?",
                           "Have you tried calling her?", "Could you maybe try calling her?"}) {
    EXPECT_FALSE(has(text, Code::open_question)) << text;
    EXPECT_FALSE(has(text, Code::closed_question)) << text;
    EXPECT_EQ(primary(text), Code::advice) << text;
  }
}

TEST(CoderQuestions, AuxiliaryFirstIsClosed) {
  EXPECT_EQ(evidence("Did that help?", Code::closed_question), "Did that help?");
  EXPECT_EQ(rule_of("Did that help?", Code::closed_question), "question.closed.aux_start");
  EXPECT_EQ(primary("Is your landlord willing to wait?"), Code::closed_question);
}

TEST(CoderQuestions, TagAndRisingQuestionsAreClosed) {
  // A tag on a statement about the client checks a reflection instead (CoderReflectionsRising).
  EXPECT_EQ(rule_of("The group meets on Tuesdays, right?", Code::closed_question), "question.closed.tag");
  EXPECT_EQ(primary("You're moving out?"), Code::closed_question);
}

TEST(CoderQuestions, QuestionMarkLostStillReadsAsQuestion) {
  EXPECT_EQ(primary("How are things at home right now"), Code::open_question);
  EXPECT_EQ(primary("Do you want to talk about it"), Code::closed_question);
  // The question word's phrase comes first: "how long ago", "what kind of music".
  EXPECT_EQ(primary("How long ago did your dad pass away"), Code::open_question);
  EXPECT_EQ(primary("what kind of music do you like"), Code::open_question);
  // Near miss: a question word opening a clause with its own subject is no question.
  EXPECT_NE(primary("What I'm hearing is there's a lot that is going well."), Code::open_question);
  // Typed without a mark after an interjection, with the question word as subject, or with "the".
  EXPECT_EQ(primary("ooh what are you cooking"), Code::open_question);
  EXPECT_EQ(primary("oh no, when did you find out"), Code::open_question);
  EXPECT_EQ(primary("what happened when you told them"), Code::open_question);
  EXPECT_EQ(primary("which part of it is stressing you out the most"), Code::open_question);
  EXPECT_EQ(primary("is the exam tomorrow or friday"), Code::closed_question);
  EXPECT_EQ(primary("do they know it bothers you"), Code::closed_question);
  // Near misses: a clause naming what happened is a statement, and a bare "Yeah?" is no question.
  EXPECT_NE(primary("What happened was awful."), Code::open_question);
  EXPECT_NE(primary("Yeah?"), Code::closed_question);
}

TEST(CoderQuestions, NearMissClosedPermissionIsNotAQuestion) {
  const std::string text = "Would it be okay if I shared an idea?";
  EXPECT_FALSE(has(text, Code::closed_question));
  EXPECT_TRUE(has(text, Code::seek_permission));
}

TEST(CoderQuestions, AtMostOneQuestionAndOpenWins) {
  const std::string text = "Did you call her? What did she say?";
  const Coding c = code_utterance(text);
  int questions = 0;
  for (const CodeEvidence& e : c.codes) questions += is_question(e.code) ? 1 : 0;
  EXPECT_EQ(questions, 1);
  EXPECT_EQ(evidence(text, Code::open_question), "What did she say?");
}

// --- reflections -----------------------------------------------------------

TEST(CoderReflections, RepeatingTheClientIsSimple) {
  const std::vector<std::string> ctx = {"I keep missing work because my kid is sick."};
  const std::string text = "You keep missing work because your kid is sick.";
  EXPECT_EQ(evidence(text, Code::simple_reflection, ctx), "You keep missing work because your kid is sick");
  EXPECT_FALSE(has(text, Code::complex_reflection, ctx));
  EXPECT_EQ(rule_of(text, Code::simple_reflection, ctx), "reflection.second_person.repeats_client");
}

TEST(CoderReflections, AddingAFeelingIsComplex) {
  const std::vector<std::string> ctx = {"I keep missing work because my kid is sick."};
  const std::string text = "You're scared you'll lose your job.";
  EXPECT_EQ(evidence(text, Code::complex_reflection, ctx), "You're scared you'll lose your job");
  EXPECT_EQ(rule_of(text, Code::complex_reflection, ctx), "reflection.second_person.adds_feeling");
}

TEST(CoderReflections, TheClientsFeelingInOtherWordsIsSimple) {
  const std::vector<std::string> ctx = {"My sister told everyone my news and I am so mad at her."};
  EXPECT_EQ(rule_of("You're angry at your sister.", Code::simple_reflection, ctx),
            "reflection.second_person.repeats_client");
  EXPECT_EQ(
      rule_of("You're annoyed with him.", Code::simple_reflection, {"It is so annoying when he does that."}),
      "reflection.second_person.repeats_client");
  // Near misses: a different feeling is new, and so is the same feeling made stronger.
  EXPECT_EQ(rule_of("You're scared of losing her.", Code::complex_reflection, ctx),
            "reflection.second_person.adds_feeling");
  EXPECT_EQ(rule_of("You're furious with her.", Code::complex_reflection, {"I am a bit annoyed with her."}),
            "reflection.second_person.adds_feeling");
}

TEST(CoderReflections, CheckingUnderstandingOutLoudIsAReflection) {
  const std::vector<std::string> ctx = {"My brother has not called in months."};
  EXPECT_EQ(rule_of("From what I gather, your brother has stopped calling.", Code::simple_reflection, ctx),
            "reflection.if_i_understand.repeats_client");
  EXPECT_TRUE(is_reflection(primary("If I understand you correctly, your brother stopped calling?", ctx)));
  // "Do I understand correctly?" checks the reflection before it, which is the act.
  EXPECT_TRUE(is_reflection(primary("Your brother stopped calling. Do I understand correctly?", ctx)));
  // Near miss: understanding alone gives nothing back.
  EXPECT_EQ(primary("I understand."), Code::filler);
}

TEST(CoderReflections, StemsAndDoubleSidedReflections) {
  EXPECT_EQ(evidence("It sounds like you're really overwhelmed.", Code::complex_reflection),
            "It sounds like you're really overwhelmed");
  EXPECT_EQ(evidence("Part of you wants to ask for help.", Code::complex_reflection),
            "Part of you wants to ask for help");
  EXPECT_TRUE(
      has("On one hand you want to stay, and on the other hand you're tired.", Code::complex_reflection));
  EXPECT_TRUE(has("That must be hard.", Code::complex_reflection));
}

TEST(CoderReflections, WithoutAStem) {
  for (const char* text : {"Asking for help feels like failing to you.", "You're carrying a lot right now.",
                           "You want to get this sorted but you're exhausted.", "That's a lot to carry."}) {
    const Code p = primary(text);
    EXPECT_TRUE(is_reflection(p)) << text << " -> " << code_name(p);
  }
}

TEST(CoderReflections, NoContextPlainRestatementIsSimple) {
  EXPECT_EQ(primary("It sounds like you have an idea worth thinking through."), Code::simple_reflection);
}

TEST(CoderReflections, NearMissAdviceOrDiagnosisBehindAStem) {
  EXPECT_FALSE(has("It sounds like you should call your landlord.", Code::simple_reflection));
  EXPECT_FALSE(has("It sounds like you should call your landlord.", Code::complex_reflection));
  EXPECT_FALSE(has("Sounds like bipolar to me.", Code::simple_reflection));
  EXPECT_FALSE(has("Sounds like bipolar to me.", Code::complex_reflection));
}

TEST(CoderReflections, AtMostOneReflectionAndComplexWins) {
  const std::string text = "You're behind on rent. Part of you wants to stop.";
  const Coding c = code_utterance(text);
  int reflections = 0;
  for (const CodeEvidence& e : c.codes) reflections += is_reflection(e.code) ? 1 : 0;
  EXPECT_EQ(reflections, 1);
  EXPECT_EQ(evidence(text, Code::complex_reflection), "Part of you wants to stop");
}

// --- summary ---------------------------------------------------------------

TEST(CoderSummary, CueGathersSeveralThings) {
  const std::string text = "So far you've told me about the rent, and also about your brother.";
  EXPECT_EQ(evidence(text, Code::summary),
            "So far you've told me about the rent, and also about your brother");
  EXPECT_EQ(rule_of(text, Code::summary), "summary.so_far");
  EXPECT_FALSE(has(text, Code::simple_reflection));
  EXPECT_FALSE(has(text, Code::complex_reflection));
  EXPECT_EQ(primary(text), Code::summary);
}

TEST(CoderSummary, LetMeSeeIfIHaveThis) {
  EXPECT_TRUE(has("Let me see if I've got this: money is tight and your brother won't help.", Code::summary));
}

TEST(CoderSummary, NearMissShortReflectionIsNotASummary) {
  EXPECT_FALSE(has("So you're behind on rent.", Code::summary));
  EXPECT_FALSE(has("You've told me that.", Code::summary));
}

// --- affirmation, autonomy, permission ---------------------------------------

TEST(CoderAffirmation, NamesStrengthOrEffort) {
  EXPECT_EQ(evidence("That took courage.", Code::affirmation), "That took courage");
  EXPECT_EQ(evidence("Thank you for trusting me with this.", Code::affirmation), "Thank you for trusting");
  EXPECT_TRUE(has("You've worked hard on this.", Code::affirmation));
  EXPECT_TRUE(has("You clearly care about your kids.", Code::affirmation));
}

TEST(CoderAffirmation, GladnessAndRespectForTheClient) {
  EXPECT_EQ(evidence("I am so happy for you.", Code::affirmation), "I am so happy for you");
  EXPECT_EQ(evidence("I commend you for speaking up.", Code::affirmation), "I commend you");
  EXPECT_EQ(primary("You deserve to be treated with respect."), Code::affirmation);
  // Near miss: agreeing to an arrangement is not praise.
  EXPECT_FALSE(has("I am happy for you to call the office.", Code::affirmation));
  EXPECT_TRUE(has("I am so happy for you to have found a job you love.", Code::affirmation));
}

TEST(CoderAffirmation, NearMiss) {
  EXPECT_FALSE(has("Thank you.", Code::affirmation));
  EXPECT_FALSE(has("That took forever.", Code::affirmation));
  EXPECT_FALSE(has("You should be proud of yourself.", Code::advice));
}

TEST(CoderAutonomy, DecisionStaysWithClient) {
  EXPECT_EQ(evidence("It's your decision.", Code::emphasize_autonomy), "It's your decision");
  EXPECT_EQ(evidence("You don't have to decide right now.", Code::emphasize_autonomy), "You don't have to");
  EXPECT_TRUE(has("You know yourself best.", Code::emphasize_autonomy));
  EXPECT_TRUE(has("Whatever you decide, I'm here.", Code::emphasize_autonomy));
  EXPECT_TRUE(has("It's up to you.", Code::emphasize_autonomy));
}

TEST(CoderAutonomy, NearMissNegated) {
  EXPECT_FALSE(has("It's not up to you.", Code::emphasize_autonomy));
  EXPECT_FALSE(has("You have to decide right now.", Code::emphasize_autonomy));
}

TEST(CoderPermission, AsksFirst) {
  EXPECT_EQ(evidence("Would it be okay if I shared something?", Code::seek_permission),
            "Would it be okay if I");
  EXPECT_EQ(evidence("May I offer a thought?", Code::seek_permission), "May I offer");
  EXPECT_TRUE(has("Do you mind if I ask about your sleep?", Code::seek_permission));
  EXPECT_TRUE(has("Would you like to hear some options?", Code::seek_permission));
}

TEST(CoderPermission, NearMissOrdinaryQuestion) {
  EXPECT_FALSE(has("Would you like to talk about it?", Code::seek_permission));
  EXPECT_FALSE(has("Can I get a coffee before we start?", Code::seek_permission));
}

// --- information, self-disclosure ---------------------------------------------

TEST(CoderInformation, FactsNormsResources) {
  EXPECT_EQ(evidence("Many people find that writing things down helps.", Code::information),
            "Many people find");
  EXPECT_EQ(evidence("There's a group that meets on Tuesdays.", Code::information), "There's a group");
  EXPECT_TRUE(has("The office is open from 9 to 5.", Code::information));
  EXPECT_TRUE(has("Research shows that sleep affects mood.", Code::information));
  EXPECT_FALSE(has("Research shows that sleep affects mood.", Code::advice));
}

TEST(CoderInformation, NearMissNegatedOrAboutTheClient) {
  EXPECT_NE(rule_of("It's not common to feel this way.", Code::information), "information.common");
  EXPECT_FALSE(has("So many people let you down.", Code::information));
}

TEST(CoderSelfDisclosure, LivedExperience) {
  EXPECT_EQ(evidence("When I was job hunting, I felt the same.", Code::self_disclosure), "When I was");
  EXPECT_TRUE(has("I've been there.", Code::self_disclosure));
  EXPECT_TRUE(has("In my own recovery, I learned to slow down.", Code::self_disclosure));
  EXPECT_TRUE(has("That happened to me too.", Code::self_disclosure));
}

TEST(CoderSelfDisclosure, NearMissAboutTheClient) {
  EXPECT_FALSE(has("When you were job hunting, how did you cope?", Code::self_disclosure));
  EXPECT_FALSE(has("I have never been through that.", Code::self_disclosure));
}

TEST(CoderSelfDisclosure, OwnHabitsAndMeToo) {
  EXPECT_EQ(evidence("I have also struggled with sleep.", Code::self_disclosure),
            "I have also struggled with sleep");
  EXPECT_TRUE(has("I often feel the same way.", Code::self_disclosure));
  EXPECT_TRUE(has("I find evenings hard sometimes too.", Code::self_disclosure));
  EXPECT_TRUE(has("I'm also a single parent.", Code::self_disclosure));
  EXPECT_TRUE(has("I am also taking evening classes this term.", Code::self_disclosure));
  // Near misses: "also" in a reply to the client, not a parallel life.
  EXPECT_FALSE(has("I'm also glad you reached out.", Code::self_disclosure));
  EXPECT_FALSE(has("I am also doing well, thanks for asking!", Code::self_disclosure));
}

TEST(CoderSelfDisclosure, TheHelpersOwnPeople) {
  EXPECT_EQ(
      evidence("My sister lives three states away, so the distance is familiar.", Code::self_disclosure),
      "My sister lives three states away, so the distance is familiar");
  EXPECT_TRUE(has("I call my parents every Sunday.", Code::self_disclosure));
  // Beside a reflection, the helper's people still tell of the helper's life.
  const std::string beside = "It sounds lonely, and my parents live far away too.";
  EXPECT_TRUE(has(beside, Code::complex_reflection) || has(beside, Code::simple_reflection));
  EXPECT_EQ(rule_of(beside, Code::self_disclosure), "disclosure.own_people");
  // Near misses: "my friend" said to the client is warmth; an imagined step is not a life; the
  // client's people are theirs.
  EXPECT_FALSE(has("Good luck with the interview, my friend!", Code::self_disclosure));
  EXPECT_FALSE(has("Hey my friend, how did it go?", Code::self_disclosure));
  EXPECT_FALSE(has("I would ask my sister to come along.", Code::self_disclosure));
  EXPECT_FALSE(has("Your sister lives far away.", Code::self_disclosure));
}

TEST(CoderSelfDisclosure, NearMissPresentReplyOrStance) {
  EXPECT_FALSE(has("I get it.", Code::self_disclosure));
  EXPECT_FALSE(has("I feel that this matters.", Code::self_disclosure));
  EXPECT_FALSE(has("I can help with that too.", Code::self_disclosure));
}

// --- advice --------------------------------------------------------------------

TEST(CoderAdvice, DirectivesAndSuggestions) {
  EXPECT_EQ(evidence("You should call your landlord.", Code::advice), "You should");
  EXPECT_EQ(rule_of("You should call your landlord.", Code::advice), "advice.you_should");
  EXPECT_EQ(evidence("Call your landlord tonight.", Code::advice), "Call your landlord tonight");
  EXPECT_EQ(rule_of("Call your landlord tonight.", Code::advice), "advice.imperative");
  EXPECT_EQ(evidence("Maybe you could try a budget app.", Code::advice), "Maybe you could");
  EXPECT_EQ(evidence("If I were you, I'd move out.", Code::advice), "If I were you");
  EXPECT_TRUE(has("You need to make a budget tonight.", Code::advice));
  EXPECT_TRUE(has("I suggest writing it all down.", Code::advice));
  EXPECT_TRUE(has("So just try to rest.", Code::advice));
  EXPECT_TRUE(has("What I'd like you to do is keep a diary this week.", Code::advice));
  EXPECT_TRUE(has("We strongly recommend that you finish the course.", Code::advice));
  EXPECT_TRUE(has("It might not be a bad idea to wait a week.", Code::advice));
  EXPECT_EQ(evidence("Honestly, I would just move on.", Code::advice), "I would just move on");
  EXPECT_FALSE(has("I would like to hear more about that.", Code::advice));
  EXPECT_FALSE(has("I go to the gym on Mondays.", Code::advice));
}

TEST(CoderAdvice, AnInstructionIsNotAlsoAReflection) {
  const Coding c = code_utterance("Talk to your sister about it.", std::vector<std::string>{});
  EXPECT_EQ(c.primary, Code::advice);
  EXPECT_EQ(find(c, Code::simple_reflection), nullptr);
  EXPECT_EQ(find(c, Code::complex_reflection), nullptr);
}

TEST(CoderAdvice, NearMissIdiomsValuesAndCheckingQuestions) {
  EXPECT_FALSE(has("Don't get me wrong, I hear how much this matters.", Code::advice));
  EXPECT_FALSE(has("Because it's important to you.", Code::advice));
  EXPECT_TRUE(has("It's important to call them back.", Code::advice));
  EXPECT_FALSE(has("So you need some help with the forms?", Code::advice));
  EXPECT_FALSE(has("What's one thing you could try this week?", Code::advice));
  EXPECT_TRUE(has("So you have to be up at five for the early shift.", Code::simple_reflection));
  EXPECT_FALSE(has("So you have to be up at five for the early shift.", Code::advice));
}

TEST(CoderAdvice, NearMissClosingFormula) {
  EXPECT_FALSE(has("Talk to you later.", Code::advice));
  EXPECT_EQ(primary("Talk to you later."), Code::filler);
  EXPECT_EQ(primary("Goodnight!"), Code::filler);
}

TEST(CoderAdvice, PlanOfferedAsAQuestion) {
  EXPECT_EQ(primary("Would it help to write it all down?"), Code::advice);
  EXPECT_EQ(primary("Do you think a tutor would be worth it?"), Code::advice);
  EXPECT_EQ(primary("Could you ask your sister for help?"), Code::advice);
  EXPECT_EQ(primary("Do you think it would be hard?"), Code::closed_question);
  EXPECT_FALSE(has("Would it help to work out together what you'd say?", Code::advice));
  EXPECT_EQ(primary("Would it be helpful to give you some information about that?"), Code::seek_permission);
}

TEST(CoderAdvice, NearMissReportedOrNegated) {
  EXPECT_FALSE(has("You feel like you should have done more.", Code::advice));
  EXPECT_FALSE(has("I'm not going to tell you what to do.", Code::advice));
  EXPECT_TRUE(has("I'm not going to tell you what to do.", Code::emphasize_autonomy));
  EXPECT_FALSE(has("You don't have to decide now.", Code::advice));
  EXPECT_FALSE(has("Tell me what you've tried so far.", Code::advice));
  EXPECT_FALSE(has("What do you think you should do?", Code::advice));
}

// --- minimising reassurance, judgment ----------------------------------------------

TEST(CoderReassurance, Minimising) {
  const std::string text = "Don't worry, it'll be fine.";
  EXPECT_EQ(evidence(text, Code::reassurance), "Don't worry");
  EXPECT_EQ(primary(text), Code::reassurance);
  EXPECT_EQ(evidence("At least you still have your car.", Code::reassurance), "At least you");
  EXPECT_TRUE(has("It could be worse.", Code::reassurance));
}

TEST(CoderReassurance, ArguingSelfBlameAway) {
  EXPECT_EQ(evidence("Don't beat yourself up about it.", Code::reassurance), "Don't beat yourself");
  EXPECT_EQ(primary("You shouldn't blame yourself."), Code::reassurance);
  EXPECT_FALSE(has("You shouldn't blame yourself.", Code::advice));
  EXPECT_EQ(primary("Don't be so hard on yourself."), Code::reassurance);
}

TEST(CoderReassurance, PromisingItWillPass) {
  EXPECT_EQ(primary("Things will eventually get better."), Code::reassurance);
  EXPECT_EQ(primary("We'll make it through this."), Code::reassurance);
  EXPECT_EQ(primary("There's always a way."), Code::reassurance);
  EXPECT_FALSE(has("I can't say it will get better soon.", Code::reassurance));
}

TEST(CoderReassurance, ForetellingThingsWillImprove) {
  EXPECT_EQ(evidence("Things will get easier with time.", Code::reassurance), "Things will get easier");
  EXPECT_EQ(evidence("Hopefully it will calm down soon.", Code::reassurance), "it will calm down");
  // Near misses: saying it will not improve by itself closes nothing, and asking whether it will is a
  // question.
  EXPECT_FALSE(has("Things will not get easier on their own.", Code::reassurance));
  EXPECT_EQ(primary("Do you think things will calm down at work?"), Code::closed_question);
}

TEST(CoderReassurance, NearMiss) {
  EXPECT_FALSE(has("I can't promise it will be fine.", Code::reassurance));
  EXPECT_FALSE(has("Try to walk at least twice a week.", Code::reassurance));
}

TEST(CoderJudgment, JudgesTheClient) {
  EXPECT_EQ(evidence("That was a stupid decision.", Code::judgment), "a stupid decision");
  EXPECT_EQ(evidence("You're overreacting.", Code::judgment), "You're overreacting");
  EXPECT_TRUE(has("It's your own fault.", Code::judgment));
}

TEST(CoderJudgment, NearMissNegated) {
  EXPECT_FALSE(has("It's not your fault.", Code::judgment));
  EXPECT_FALSE(has("That wasn't stupid at all.", Code::judgment));
}

// --- boundaries ----------------------------------------------------------------------

TEST(CoderDiagnosis, DiagnosingOrChangingTreatment) {
  EXPECT_EQ(evidence("Sounds like bipolar to me.", Code::diagnosis), "Sounds like bipolar");
  EXPECT_EQ(evidence("You might have depression.", Code::diagnosis), "You might have depression");
  EXPECT_EQ(evidence("Stop taking your meds.", Code::diagnosis), "Stop taking your meds");
  EXPECT_NE(evidence("You should up your dose.", Code::diagnosis).find("up your dose"), std::string::npos);
  EXPECT_EQ(primary("You should up your dose."), Code::diagnosis);
}

TEST(CoderDiagnosis, NearMiss) {
  EXPECT_FALSE(has("I'm not going to diagnose you.", Code::diagnosis));
  EXPECT_FALSE(has("I don't think you have bipolar disorder.", Code::diagnosis));
  EXPECT_FALSE(has("It sounds like your depression has been heavy lately.", Code::diagnosis));
  EXPECT_FALSE(has("Did you take your medication today?", Code::diagnosis));
}

TEST(CoderDualRelationship, OutsideTheRole) {
  EXPECT_EQ(evidence("Let's grab coffee sometime.", Code::dual_relationship), "Let's grab coffee");
  EXPECT_EQ(evidence("Add me on Instagram.", Code::dual_relationship), "Add me on");
  EXPECT_TRUE(has("We could hang out after this.", Code::dual_relationship));
  EXPECT_TRUE(has("Here's my personal number.", Code::dual_relationship));
  EXPECT_TRUE(has("Text me anytime.", Code::dual_relationship));
  EXPECT_EQ(primary("Text me anytime."), Code::dual_relationship);
}

TEST(CoderDualRelationship, NearMissBoundaryHeld) {
  EXPECT_FALSE(has("I can't be friends outside our sessions.", Code::dual_relationship));
  EXPECT_FALSE(
      has("I keep this role separate from my personal life, so we can't hang out.", Code::dual_relationship));
  EXPECT_FALSE(has("Do you hang out with friends on weekends?", Code::dual_relationship));
}

TEST(CoderSecrecy, UnconditionalPromise) {
  EXPECT_EQ(evidence("I won't tell anyone.", Code::secrecy_promise), "I won't tell anyone");
  EXPECT_EQ(evidence("This stays between us.", Code::secrecy_promise), "stays between us");
  EXPECT_TRUE(has("I promise to keep it secret.", Code::secrecy_promise));
  EXPECT_EQ(primary("I won't tell anyone, I promise."), Code::secrecy_promise);
}

TEST(CoderSecrecy, NearMissLimitsOfConfidentiality) {
  EXPECT_FALSE(has("I can't promise I won't tell anyone.", Code::secrecy_promise));
  EXPECT_FALSE(has("I won't tell anyone unless you're in danger.", Code::secrecy_promise));
  EXPECT_FALSE(has("I won't tell you what to do.", Code::secrecy_promise));
}

// --- safety ---------------------------------------------------------------------------

TEST(CoderSafety, AsksDirectly) {
  EXPECT_EQ(evidence("Are you thinking about killing yourself?", Code::safety_check),
            "thinking about killing yourself");
  EXPECT_EQ(evidence("Are you safe right now?", Code::safety_check), "Are you safe");
  EXPECT_TRUE(has("Have you had thoughts of ending your life?", Code::safety_check));
  EXPECT_EQ(primary("Are you thinking about hurting yourself?"), Code::safety_check);
  EXPECT_FALSE(has("Have you thought about hurting yourself?", Code::advice));
}

TEST(CoderSafety, NearMiss) {
  EXPECT_FALSE(has("I'm glad you're not thinking about hurting yourself.", Code::safety_check));
  EXPECT_FALSE(has("Are you thinking about moving?", Code::safety_check));
}

TEST(CoderReferral, ConnectsToHelp) {
  const std::string text = "You can call or text 988 anytime.";
  EXPECT_EQ(evidence(text, Code::referral), "988");
  EXPECT_FALSE(has(text, Code::advice));
  EXPECT_EQ(evidence("Would you be open to talking to a counselor?", Code::referral),
            "Would you be open to talking to a counselor");
  EXPECT_TRUE(has("I can connect you with a peer group.", Code::referral));
  EXPECT_TRUE(has("Don't hesitate to call the crisis line.", Code::referral));
}

TEST(CoderReferral, NearMissNegated) {
  EXPECT_FALSE(has("You don't need to call a hotline for this.", Code::referral));
  EXPECT_FALSE(has("I won't refer you anywhere.", Code::referral));
}

// --- filler and other -----------------------------------------------------------------

TEST(CoderFiller, Acknowledgements) {
  EXPECT_EQ(evidence("Mm-hmm.", Code::filler), "Mm-hmm.");
  EXPECT_EQ(primary("Okay."), Code::filler);
  EXPECT_EQ(primary("I see."), Code::filler);
  EXPECT_EQ(primary("Good morning!"), Code::filler);
  EXPECT_EQ(primary("Hi. How are you?"), Code::open_question);
  EXPECT_EQ(primary("Thanks."), Code::filler);
}

TEST(CoderFiller, NearMissFillerThenQuestion) {
  const std::string text = "Okay, so what happened next?";
  EXPECT_FALSE(has(text, Code::filler));
  EXPECT_EQ(primary(text), Code::open_question);
  EXPECT_EQ(primary("Okay. What happened next?"), Code::open_question);
}

TEST(CoderOther, FallbackWhenNothingFires) {
  const std::string text = "Blue.";
  EXPECT_EQ(evidence(text, Code::other), "Blue.");
  EXPECT_EQ(primary(text), Code::other);
}

TEST(CoderOther, EmptyTextHasNoCodes) {
  for (const char* text : {"", "   ", "\n\t"}) {
    const Coding c = code_utterance(text);
    EXPECT_TRUE(c.codes.empty()) << '"' << text << '"';
    EXPECT_EQ(c.primary, Code::other);
  }
  EXPECT_FALSE(has("Okay.", Code::other));
}

// --- primary code ---------------------------------------------------------------------

TEST(CoderPrimary, ReflectionThenQuestionPicksTheQuestion) {
  const std::string text = "It sounds like you're exhausted. What would help most right now?";
  const Coding c = code_utterance(text);
  EXPECT_TRUE(has_code(c.codes, Code::complex_reflection));
  EXPECT_TRUE(has_code(c.codes, Code::open_question));
  EXPECT_EQ(c.primary, Code::open_question);
}

TEST(CoderPrimary, QuestionThenReflectionPicksTheReflection) {
  EXPECT_TRUE(is_reflection(primary("What happened? It sounds like it was a hard week.")));
}

TEST(CoderPrimary, DisclosureOutranksTheQuestionOrReflectionAroundIt) {
  const std::string asked = "I lost my job last spring. How are you holding up?";
  EXPECT_EQ(primary(asked), Code::self_disclosure);
  EXPECT_TRUE(has(asked, Code::open_question));
  const Coding c = code_utterance("It sounds like money is tight. I went through the same after my divorce.");
  EXPECT_EQ(c.primary, Code::self_disclosure);
  // The reflection stays next in the ranking, for a label set without disclosure.
  ASSERT_GE(c.ranking.size(), 2u);
  EXPECT_TRUE(is_reflection(c.ranking[1])) << code_name(c.ranking[1]);
  // Near misses: without the helper's story, or with talk about the conversation, the question leads.
  EXPECT_EQ(primary("Losing a job is hard. How are you holding up?"), Code::open_question);
  for (const char* text :
       {"I didn't understand. What do you mean?", "Sorry, I got disconnected. What were you saying?",
        "I saw that. How are you holding up?", "I didn't know. What happened next?"}) {
    EXPECT_FALSE(has(text, Code::self_disclosure)) << text;
    EXPECT_TRUE(is_question(primary(text))) << text;
  }
  EXPECT_FALSE(has("I was like, that's so unfair!", Code::self_disclosure));
}

TEST(CoderPrimary, AdviceOutranksListening) {
  EXPECT_EQ(primary("You sound exhausted. You should take a day off."), Code::advice);
  EXPECT_EQ(primary("I'm not going to tell you what to do, but you should call."), Code::advice);
}

// --- evidence invariants -----------------------------------------------------------------

// --- advice: structure that keeps a "you need to" from being a directive ----

TEST(CoderAdviceScope, NeedToInsideAQuestionOrSituationIsNotAdvice) {
  // Fires: a plain directive.
  EXPECT_EQ(rule_of("You need to get some sleep tonight.", Code::advice), "advice.you_need_to");
  // Near misses: asked about, or describing a situation the client is in.
  EXPECT_FALSE(has("What would you need to change first?", Code::advice));
  EXPECT_FALSE(has("Is that something you have to finish by Friday?", Code::advice));
  EXPECT_FALSE(has("It wears you down when you have to wait that long.", Code::advice));
  EXPECT_FALSE(has("If you should ever feel unsafe, I am here.", Code::advice));
}

TEST(CoderAdviceScope, PerceptionAfterCanIsNotADirective) {
  EXPECT_EQ(rule_of("You can ask the landlord for more time.", Code::advice), "advice.you_could_try");
  EXPECT_FALSE(has("You can see how far the garden has come.", Code::advice));
  EXPECT_FALSE(has("You could tell she was tired of arguing.", Code::advice));
}

TEST(CoderAdviceScope, InvitationToReflectIsNotAnImperative) {
  EXPECT_EQ(rule_of("Write the list tonight.", Code::advice), "advice.imperative");
  EXPECT_FALSE(has("Think about what a good week would look like.", Code::advice));
  EXPECT_FALSE(has("See if any of that fits for you.", Code::advice));
}

TEST(CoderAdviceScope, ClosingWishesAreFillerNotAdvice) {
  EXPECT_EQ(rule_of("Stay warm and have a restful weekend.", Code::filler), "filler.closing");
  EXPECT_FALSE(has("Stay warm and have a restful weekend.", Code::advice));
  EXPECT_EQ(primary("Have a lovely evening."), Code::filler);
  // Near miss: a directive that only begins like a closing.
  EXPECT_TRUE(has("Keep a notebook by the bed.", Code::advice));
}

TEST(CoderAdviceScope, RelativeClauseIsNotADirective) {
  EXPECT_EQ(rule_of("I think you need to rest this weekend.", Code::advice), "advice.you_need_to");
  EXPECT_EQ(rule_of("Honestly, you should call the bank.", Code::advice), "advice.you_should");
  EXPECT_FALSE(has("That is one reason you have to keep the car.", Code::advice));
  EXPECT_FALSE(has("Those are the forms you should have got by now.", Code::advice));
  EXPECT_FALSE(has("There is a leaflet here that might help you.", Code::advice));
}

TEST(CoderAdviceScope, ExploringQuestionsAreNotAdvice) {
  // Fires: a named course of action, asked about.
  EXPECT_EQ(rule_of("Have you thought about joining a choir?", Code::advice), "advice.have_you_tried");
  // Near misses: asking what the client makes of it, or inviting them to talk.
  EXPECT_FALSE(has("Have you thought about what the move would mean?", Code::advice));
  EXPECT_EQ(primary("Have you thought about that?"), Code::closed_question);
  EXPECT_FALSE(has("Why don't you start by telling me about your week?", Code::advice));
  EXPECT_EQ(primary("Why don't we begin with what brought you in?"), Code::open_question);
  EXPECT_TRUE(has("Why don't you call her tonight?", Code::advice));
}

TEST(CoderAdviceScope, WeakCueYieldsToAffirmationElsewhere) {
  // The praise is the point of the turn; the bare imperative is a flourish.
  EXPECT_EQ(primary("You have worked so hard on this. Go and enjoy the evening."), Code::affirmation);
  // Near miss: a firm directive keeps the turn as advice.
  EXPECT_EQ(primary("You have worked so hard on this. You should ask for the raise."), Code::advice);
}

// --- advice precision: what only looks like a plan for the client --------------------------

TEST(CoderAdvicePrecision, OptionInsideAQuestionOrAfterAWhWordIsAsked) {
  // Fires: the same words as a suggestion.
  EXPECT_EQ(rule_of("Maybe try a short walk after dinner.", Code::advice), "advice.maybe_try");
  EXPECT_EQ(rule_of("Would you consider talking to your manager?", Code::advice), "advice.could_you_try");
  EXPECT_EQ(rule_of("Have you tried a sleep diary?", Code::advice), "advice.have_you_tried");
  // Near misses: the question asks the client to weigh or recall, not to take the step.
  EXPECT_FALSE(has("Is that something you'd be open to, maybe trying it for a week?", Code::advice));
  EXPECT_FALSE(has("Would you rather stay put, or maybe moving closer to your sister?", Code::advice));
  // A suggestion typed with a question mark is still a suggestion.
  EXPECT_EQ(rule_of("Maybe try a warm bath before bed?", Code::advice), "advice.maybe_try");
  EXPECT_FALSE(has("Which of those would you consider doing first?", Code::advice));
  EXPECT_EQ(primary("What have you tried up to now?"), Code::open_question);
}

TEST(CoderAdvicePrecision, TheHelpersOwnAvailabilityIsAnOffer) {
  EXPECT_EQ(rule_of("You can always ring your sister.", Code::advice), "advice.you_could_try");
  EXPECT_FALSE(has("If anything comes up, you can always ring us.", Code::advice));
  EXPECT_FALSE(has("Please get back in touch with us next week.", Code::advice));
  EXPECT_FALSE(has("Maybe you can let me know how the week went.", Code::advice));
}

TEST(CoderAdvicePrecision, SpeculationAndTheClientsOwnChoiceAreNotDirectives) {
  EXPECT_EQ(rule_of("Perhaps you could move in with your sister for a while.", Code::advice),
            "advice.maybe_you_could");
  EXPECT_FALSE(has("Perhaps you might not have to move at all.", Code::advice));
  EXPECT_TRUE(has("Start with the smallest bill.", Code::advice));
  EXPECT_FALSE(has("Start wherever you like.", Code::advice));
  EXPECT_TRUE(has("You really have to go to the clinic on Monday.", Code::advice));
  EXPECT_EQ(primary("You really have to go with your gut on this one."), Code::emphasize_autonomy);
  EXPECT_FALSE(has("You really have to go with your gut on this one.", Code::advice));
  EXPECT_TRUE(has("You have to live closer to work.", Code::advice));
  EXPECT_FALSE(has("This is your life, you have to live it, and I can't live it for you.", Code::advice));
}

TEST(CoderAdvicePrecision, ShouldThatForetellsOrArguesAFeelingAwayIsReassurance) {
  EXPECT_EQ(rule_of("You should ask the surgeon about the cast.", Code::advice), "advice.you_should");
  EXPECT_EQ(primary("Once the cast is off, you should be fine."), Code::reassurance);
  EXPECT_FALSE(has("Once the cast is off, you should be fine.", Code::advice));
  EXPECT_FALSE(has("You shouldn't be so nervous about the interview.", Code::advice));
  EXPECT_TRUE(has("I don't think you should lend him more money.", Code::advice));
  EXPECT_EQ(rule_of("I don't think you should punish yourself over the breakup.", Code::reassurance),
            "reassurance.dont_blame_yourself");
  EXPECT_FALSE(has("I don't think you should punish yourself over the breakup.", Code::advice));
  EXPECT_FALSE(has("I don't think you should feel guilty about saying no.", Code::advice));
  EXPECT_TRUE(has("Don't let the kids stay up late.", Code::advice));
  EXPECT_EQ(primary("Don't let one bad review get you down."), Code::reassurance);
  EXPECT_TRUE(has("Don't put the report on the shared drive.", Code::advice));
  EXPECT_EQ(primary("Don't put yourself down over one bad grade."), Code::reassurance);
  EXPECT_EQ(primary("Try not to think about it too much."), Code::reassurance);
  EXPECT_TRUE(has("You have to know the rules before the hearing.", Code::advice));
  EXPECT_FALSE(has("You have to know that the accident was not your doing.", Code::advice));
}

TEST(CoderAdvicePrecision, CheeringTheClientOnBehindAModalIsEncouragement) {
  EXPECT_TRUE(has("You have to tell your boss about the mistake.", Code::advice));
  EXPECT_EQ(rule_of("You have to stay strong for your kids.", Code::affirmation),
            "affirmation.encouragement");
  EXPECT_FALSE(has("You have to stay strong for your kids.", Code::advice));
  EXPECT_FALSE(has("Try to stay strong this week.", Code::advice));
}

TEST(CoderAdvicePrecision, AFactToHoldOnToIsNotAStep) {
  EXPECT_EQ(primary("Remember to eat something before the exam."), Code::advice);
  EXPECT_FALSE(has("Remember that exams are only one part of the year.", Code::advice));
  EXPECT_FALSE(has("Keep in mind that the first week is always the hardest.", Code::advice));
}

TEST(CoderAdvicePrecision, ConfidenceLeaveToTalkAndOwnChoicesAreNotAdvice) {
  // Fires: "you can" naming a step.
  EXPECT_EQ(primary("You can find a support group online."), Code::advice);
  EXPECT_EQ(primary("You can share the chores with your brother."), Code::advice);
  EXPECT_EQ(primary("Give yourself a day off on Friday."), Code::advice);
  // Near misses: trust in the client, leave to talk here, the client's own choices, praise.
  EXPECT_EQ(primary("You can get through this, I know it."), Code::affirmation);
  EXPECT_FALSE(has("You can get through this, I know it.", Code::advice));
  EXPECT_FALSE(has("You can share anything with me here.", Code::advice));
  EXPECT_FALSE(has("You can go ahead and tell me what happened.", Code::advice));
  EXPECT_EQ(primary("You can make your own choices about the house."), Code::emphasize_autonomy);
  EXPECT_EQ(primary("You deserve a pat on the back for sticking with it."), Code::affirmation);
}

TEST(CoderAdvicePrecision, WorkingTheChatIsNotAdvice) {
  EXPECT_TRUE(has("You have to quit smoking before the operation.", Code::advice));
  EXPECT_FALSE(has("You will need to finish on your side, the button is greyed out for me.", Code::advice));
  EXPECT_FALSE(has("You have to press the green button to leave.", Code::advice));
}

TEST(CoderAdvicePrecision, RelativeAndSubordinateClausesDescribe) {
  EXPECT_EQ(rule_of("You might want to write it down.", Code::advice), "advice.you_might_want");
  EXPECT_FALSE(has("Here are some changes you might want to make.", Code::advice));
  EXPECT_TRUE(has("You need some help with the garden.", Code::advice));
  EXPECT_FALSE(has("It's good there's a clinic nearby whenever you need some help.", Code::advice));
}

TEST(CoderAdvicePrecision, SomethingToMullOverIsNotAStep) {
  EXPECT_EQ(rule_of("Think about joining a walking group.", Code::advice), "advice.imperative");
  EXPECT_FALSE(has("Think about it.", Code::advice));
}

TEST(CoderAdvicePrecision, ATurnPickingUpAnInterruptedSentenceHasNoImperativeHead) {
  EXPECT_EQ(rule_of("Ask your brother first.", Code::advice), "advice.imperative");
  EXPECT_FALSE(has("-ask your brother first, you were saying.", Code::advice));
}

TEST(CoderAdvicePrecision, AWeakCueInsideAnAnnouncedSummaryIsTheClientsPlanGivenBack) {
  EXPECT_EQ(primary("It might help to walk in the evenings."), Code::advice);
  EXPECT_EQ(
      primary("So, to sum up, it might help to walk in the evenings, and you want to see your friends more."),
      Code::summary);
  // Near miss: a firm directive inside a summary is still advice.
  EXPECT_EQ(primary("So, to sum up, you've had a hard month, and you should call your sister tonight."),
            Code::advice);
}

TEST(CoderAdvicePrecision, PlainlyNamedSteps) {
  EXPECT_EQ(rule_of("I'm going to recommend a sleep diary for the next month.", Code::advice),
            "advice.i_suggest");
  EXPECT_FALSE(has("I'm going to explain how the program works.", Code::advice));
  EXPECT_EQ(primary("I wish you would give the group a try."), Code::advice);
  EXPECT_EQ(rule_of("What you need to do is write down every payment.", Code::advice),
            "advice.what_you_need");
  EXPECT_EQ(rule_of("The only thing you can do is wait for their reply.", Code::advice),
            "advice.what_you_need");
  EXPECT_FALSE(has("I asked them what you need to bring.", Code::advice));
  EXPECT_EQ(rule_of("One good option would be to ask for a payment plan.", Code::advice), "advice.options");
  EXPECT_EQ(rule_of("How about you come and see me on Thursday?", Code::advice), "advice.how_about");
  // A condition opened with "and" still leads to an instruction.
  EXPECT_EQ(rule_of("And if the noise starts again, call the landlord.", Code::advice), "advice.imperative");
  EXPECT_FALSE(has("And if the noise starts again, I am here.", Code::advice));
}

// --- supportive affirmation: encouragement, confidence, normalising ---------

TEST(CoderAffirmationSupport, StrengthsNamedOutrightKeepTheReflectionBehind) {
  // The praise is the primary; a label set without affirmation takes the reflection next.
  for (const char* text : {"You sound like a devoted dad.", "Honestly, you deserve someone better than him.",
                           "Your anger is completely understandable.", "You are so talented."}) {
    const Coding c = code_utterance(text);
    EXPECT_EQ(c.primary, Code::affirmation) << text;
    ASSERT_GE(c.ranking.size(), 2u) << text;
    EXPECT_TRUE(c.ranking[1] == Code::simple_reflection || c.ranking[1] == Code::complex_reflection) << text;
  }
  EXPECT_EQ(code_utterance("You're so resilient.").ranking[1], Code::simple_reflection);
  // Near misses: a hedge, or a plain description, is not praise.
  EXPECT_FALSE(has("You're kind of stuck between the two.", Code::affirmation));
  EXPECT_FALSE(has("You're not a strong swimmer.", Code::affirmation));
}

TEST(CoderAffirmationSupport, EncouragementIsAffirmationNotAdvice) {
  const std::string text = "Keep your chin up, the exams are nearly over.";
  EXPECT_EQ(rule_of(text, Code::affirmation), "affirmation.encouragement");
  EXPECT_FALSE(has(text, Code::advice));
  EXPECT_EQ(primary("Never give up on the garden plans."), Code::affirmation);
  // Near miss: "stay" with an ordinary complement directs.
  EXPECT_FALSE(has("Stay home on Saturday.", Code::affirmation));
}

TEST(CoderAffirmationSupport, ConfidenceInTheClient) {
  EXPECT_EQ(rule_of("I am sure you will find a place that suits you.", Code::affirmation),
            "affirmation.confidence");
  EXPECT_EQ(rule_of("You will get through the move.", Code::affirmation), "affirmation.confidence");
  // Near miss: doubt is not confidence.
  EXPECT_FALSE(has("I am not sure you will find one before June.", Code::affirmation));
}

TEST(CoderAffirmationSupport, NormalisingTheReaction) {
  EXPECT_EQ(rule_of("It is completely understandable to feel torn about it.", Code::affirmation),
            "affirmation.normalising");
  EXPECT_EQ(rule_of("You are not alone in this.", Code::affirmation), "affirmation.normalising");
  EXPECT_EQ(rule_of("That was not your fault.", Code::affirmation), "affirmation.normalising");
  EXPECT_EQ(primary("That is totally understandable."), Code::affirmation);
  // Near miss: "not okay to" is not normalising.
  EXPECT_FALSE(has("It is not okay to skip the deposit.", Code::affirmation));
}

TEST(CoderAffirmationSupport, GladAboutTheClientsOwnStep) {
  EXPECT_EQ(rule_of("I think it's wonderful that you went back to the choir.", Code::affirmation),
            "affirmation.glad_you");
  EXPECT_EQ(rule_of("Those sound like really healthy choices.", Code::affirmation), "affirmation.good_step");
  EXPECT_EQ(rule_of("I am sure you did what you could.", Code::affirmation), "affirmation.confidence");
  // Near miss: gladness about the weather is not about the client.
  EXPECT_FALSE(has("It is great that the rain stopped.", Code::affirmation));
}

TEST(CoderFiller, EmoticonLettersAreNotWords) {
  EXPECT_EQ(primary("Thanks! :D"), Code::filler);
  EXPECT_EQ(primary("Glad to hear it :P"), Code::filler);
  // A colon before a word is still punctuation, not a face.
  EXPECT_TRUE(has("One thing:Do you want to talk to someone?", Code::closed_question));
}

TEST(CoderFiller, ThanksAndReturnedCourtesyAreNotReflections) {
  for (const char* text :
       {"Thank you for coming in today.", "Thanks, you too!", "Good talking to you too."}) {
    EXPECT_EQ(primary(text), Code::filler) << text;
    EXPECT_FALSE(has(text, Code::simple_reflection)) << text;
  }
}

TEST(CoderFiller, SeasonalClosingsAreNotFragments) {
  EXPECT_EQ(primary("Good luck. Merry Christmas!"), Code::filler);
  EXPECT_EQ(primary("Have fun!"), Code::filler);
  EXPECT_FALSE(has("Have fun!", Code::advice));
}

TEST(CoderReflections, AShortPredictionIsNotAFragmentGivenBack) {
  const std::vector<std::string> context{"I start college in the autumn and I'm scared I won't fit in."};
  EXPECT_FALSE(has("College will help.", Code::simple_reflection, context));
  EXPECT_TRUE(has("Scared of not fitting in.", Code::simple_reflection, context) ||
              has("Scared of not fitting in.", Code::complex_reflection, context));
}

TEST(CoderQuestions, ChatSpellingAndMissingQuestionMark) {
  EXPECT_EQ(primary("hey there, how are you doing"), Code::open_question);
  EXPECT_EQ(evidence("have u tried the gym", Code::advice), "have u tried");
}

TEST(CoderFiller, ChatLaughterIsFiller) {
  EXPECT_EQ(primary("haha", {"The cat sat on my keyboard again."}), Code::filler);
  // Near miss: laughter before a question keeps the question.
  EXPECT_TRUE(is_question(primary("lol, what did the cat do next?")));
}

// --- self-disclosure from first-person narrative -----------------------------

TEST(CoderDisclosureNarrative, HelpersOwnPastWithoutYou) {
  const std::string text = "I switched careers at forty and it was scary.";
  EXPECT_EQ(rule_of(text, Code::self_disclosure), "disclosure.own_narrative");
  EXPECT_EQ(rule_of("My cousin moved abroad last spring.", Code::self_disclosure),
            "disclosure.own_narrative");
  // Near misses: the helper's view of the client, the here and now, a question.
  EXPECT_FALSE(has("I noticed you switched careers.", Code::self_disclosure));
  EXPECT_FALSE(has("My guess is you're right about that.", Code::self_disclosure));
  EXPECT_FALSE(has("I was wondering about the weekend.", Code::self_disclosure));
  EXPECT_FALSE(has("I think the plan is fine.", Code::self_disclosure));
}

TEST(CoderDisclosureNarrative, HelpersOwnLifeInThePresent) {
  EXPECT_EQ(rule_of("I love baking bread on Sundays.", Code::self_disclosure), "disclosure.my_life");
  EXPECT_EQ(rule_of("I am a nurse, so shifts are familiar.", Code::self_disclosure), "disclosure.my_life");
  // Near misses: reacting to the client's news, offering material, asking.
  EXPECT_FALSE(has("I love that idea.", Code::self_disclosure));
  EXPECT_FALSE(has("I have a leaflet on sleep if it helps.", Code::self_disclosure));
  EXPECT_FALSE(has("Do I like it?", Code::self_disclosure));
}

TEST(CoderDisclosureNarrative, HelpersOwnWaysOfCoping) {
  EXPECT_EQ(primary("I try to get outside for ten minutes every morning."), Code::self_disclosure);
  EXPECT_EQ(primary("Honestly, gardening helps me a lot when my head is loud."), Code::self_disclosure);
  EXPECT_EQ(primary("I'm originally from a farming town, so I know that quiet."), Code::self_disclosure);
  // Near misses: helping the client try, or the client's own coping.
  EXPECT_FALSE(has("Could you try to get outside tomorrow?", Code::self_disclosure));
  EXPECT_FALSE(has("That helps me understand what the mornings are like.", Code::self_disclosure));
}

TEST(CoderDisclosureNarrative, StoryThenATurnToTheClient) {
  const std::string text = "My brother quit drinking in 2019, so I know how hard you are working.";
  EXPECT_EQ(evidence(text, Code::self_disclosure), "My brother quit drinking in 2019");
  EXPECT_EQ(rule_of(text, Code::self_disclosure), "disclosure.own_narrative");
  EXPECT_EQ(rule_of("I made dinner for the whole family.", Code::self_disclosure),
            "disclosure.own_narrative");
  EXPECT_EQ(rule_of("My sister really loved her old job.", Code::self_disclosure),
            "disclosure.own_narrative");
  // Near misses: "you" in the helper's own clause makes it about the client; "so" that intensifies
  // does not start a new clause.
  EXPECT_FALSE(has("My brother worried you were angry.", Code::self_disclosure));
  EXPECT_FALSE(has("I made you a list.", Code::self_disclosure));
  EXPECT_FALSE(has("I laughed so hard at your story.", Code::self_disclosure));
}

TEST(CoderDisclosureNarrative, StressedPastAndHabitsAndTheSameWay) {
  EXPECT_EQ(rule_of("I did lose my wallet once.", Code::self_disclosure), "disclosure.own_narrative");
  EXPECT_EQ(rule_of("I sometimes do yoga before work.", Code::self_disclosure), "disclosure.own_narrative");
  EXPECT_EQ(rule_of("I have done the same.", Code::self_disclosure), "disclosure.own_narrative");
  EXPECT_EQ(rule_of("What really helped me was walking.", Code::self_disclosure),
            "disclosure.what_helped_me");
  EXPECT_EQ(rule_of("I am the same way.", Code::self_disclosure), "disclosure.been_there");
  // Near misses: the conversation itself, a stance, how the helper is today.
  EXPECT_FALSE(has("I did say that earlier.", Code::self_disclosure));
  EXPECT_FALSE(has("I do think you are right.", Code::self_disclosure));
  EXPECT_FALSE(has("I am the same as always, thanks.", Code::self_disclosure));
}

TEST(CoderReflectionsPlain, ExclaimedOrSmilingStatementIsTheHelpersOwnReaction) {
  const std::vector<std::string> client = {
      "I went to three interviews this week even though I was terrified."};
  EXPECT_TRUE(is_reflection(primary("You kept at it.", client)));
  EXPECT_FALSE(is_reflection(primary("You kept at it!", client)));
  EXPECT_FALSE(is_reflection(primary("You kept at it :)", client)));
  const std::vector<std::string> walks = {"I started walking the dog every morning."};
  EXPECT_TRUE(is_reflection(primary("Quite the new routine.", walks)));
  EXPECT_FALSE(is_reflection(primary("Quite the new routine lol", walks)));
  // Near misses: a reflection the helper marks with a stem reflects, exclaimed or not, and so does
  // one that gives the client's own words back; ":P" inside a word is no face.
  EXPECT_TRUE(is_reflection(primary("It sounds like you were really scared!", client)));
  const std::vector<std::string> sister = {"My sister stopped calling after the wedding."};
  EXPECT_TRUE(is_reflection(primary("Your sister stopped calling after the wedding!", sister)));
  EXPECT_TRUE(
      is_reflection(primary("Your sister stopped calling after the wedding, Dad:Paul says.", sister)));
}

TEST(CoderReflectionsRising, EchoWithAQuestionMarkIsAReflection) {
  const std::vector<std::string> client = {"My brother stopped calling after the wedding."};
  const std::string text = "Your brother stopped calling?";
  EXPECT_TRUE(is_reflection(primary(text, client))) << code_name(primary(text, client));
  // Near miss: a new question with a question mark stays a question.
  EXPECT_EQ(primary("You are moving in June?", client), Code::closed_question);
}

TEST(CoderReflectionsPlain, SoContinuationCarriesTheClientsStoryOn) {
  const std::string text = "So the late shifts, and then the long drive home.";
  EXPECT_EQ(rule_of(text, Code::simple_reflection), "reflection.so_continuation.restates");
  // Near misses: the helper's own plan, an instruction, a question.
  EXPECT_FALSE(is_reflection(primary("So we will meet again on Tuesday at ten.")));
  EXPECT_EQ(primary("So call the office first thing tomorrow."), Code::advice);
  EXPECT_TRUE(is_question(primary("So what happened after the drive?")));
}

TEST(CoderReflectionsPlain, InferenceStemsWithoutSoundsLike) {
  EXPECT_EQ(rule_of("My guess is you are more tired than you let on.", Code::complex_reflection),
            "reflection.inference.adds_meaning");
  EXPECT_TRUE(is_reflection(primary("I am picking up a sense that the job matters a lot.")));
  // Near miss: the helper's guess about a date is not about the client.
  EXPECT_FALSE(is_reflection(primary("My guess is the office shuts at five.")));
}

TEST(CoderReflectionsPlain, ProposingAboutTheClientIsNotAMirror) {
  // Fires: a statement mentioning the client, with no proposal in it.
  EXPECT_TRUE(is_reflection(primary("Asking for help feels like failing to you.")));
  // Near miss: a general claim or a possibility offered to the client.
  EXPECT_FALSE(is_reflection(primary("A short walk at lunch is something that can clear your head.")));
  EXPECT_FALSE(is_reflection(
      primary("Lots of people find that the first month with a baby is a blur for your sleep.")));
}

TEST(CoderReflectionsPlain, CheckingQuestionLeavesTheReflectionPrimary) {
  const std::string text = "You feel pushed aside at work. Is that right?";
  EXPECT_TRUE(has(text, Code::closed_question));
  EXPECT_EQ(rule_of(text, Code::closed_question), "question.closed.check");
  EXPECT_TRUE(is_reflection(primary(text))) << code_name(primary(text));
  // Near miss: a real follow-up question after a reflection is still the primary.
  EXPECT_TRUE(is_question(primary("You feel pushed aside at work. Have you told your manager?")));
}

TEST(CoderReflectionsPlain, EmpathicUnderstandingNamingAFeeling) {
  const std::string text = "I can see how exhausted you are by all of it.";
  EXPECT_EQ(rule_of(text, Code::complex_reflection), "reflection.understand.names_feeling");
  EXPECT_TRUE(is_reflection(primary("I am sure it was frightening.")));
  // Near miss: understanding with nothing felt named stays an acknowledgement.
  EXPECT_FALSE(is_reflection(primary("I understand that.")));
  EXPECT_FALSE(is_reflection(primary("I can see the bus from my window.")));
}

TEST(CoderInformationTurn, LongExplanationWithOneYouSentenceInforms) {
  const std::string text =
      "The clinic runs a walk-in service on weekday mornings for most ages. The waiting list for the "
      "longer course is about six weeks at the moment. Your form goes in the blue tray.";
  EXPECT_EQ(primary(text), Code::information);
  // Near miss: one fact beside a statement about the client stays a reflection.
  EXPECT_TRUE(is_reflection(primary(
      "You have been juggling a lot. The clinic runs a walk-in service on weekday mornings for most ages.")));
}

TEST(CoderReflectionsRising, StatementWithATagIsAReflection) {
  const std::string text = "You'd rather keep the flat, right?";
  EXPECT_TRUE(is_reflection(primary(text))) << code_name(primary(text));
  EXPECT_EQ(evidence(text, primary(text)), text);
  EXPECT_FALSE(has(text, Code::closed_question));
  EXPECT_TRUE(is_reflection(primary("You're worried about rent, right?")));
  // Near miss: a tag on the helper's own plan stays a closed question.
  EXPECT_EQ(primary("I'll send the form tomorrow, okay?"), Code::closed_question);
}

TEST(CoderReflectionsPlain, SubjectlessSeemsLikeAndNoticing) {
  EXPECT_EQ(rule_of("Seems like the decision is already made.", Code::simple_reflection),
            "reflection.seems.restates");
  EXPECT_TRUE(is_reflection(primary("I am getting a strong sense the job matters to you.")));
  EXPECT_TRUE(is_reflection(primary("I'm picking up some doubt about the plan.")));
  // Near miss: the helper looking at something, not at the client.
  EXPECT_FALSE(is_reflection(primary("I am getting the forms from the office.")));
}

// --- sentence position and greetings ---------------------------------------

TEST(CoderShapeExtras, GreetingThenQuestionWithoutMark) {
  EXPECT_EQ(primary("hey how is your week going"), Code::open_question);
  EXPECT_EQ(primary("good here, what about you"), Code::open_question);
  // Near miss: "what about" heading a longer statement.
  EXPECT_FALSE(has("What about the car is still unclear to me.", Code::open_question));
}

TEST(CoderShapeExtras, ShortOpenerBeforeMoreIsNotAFragmentReflection) {
  // Fires: a bare phrase as the whole turn gives the client's words back.
  EXPECT_EQ(rule_of("Since the spring.", Code::simple_reflection, {"The rent has been late for ages."}),
            "reflection.fragment.repeats_client");
  // Near miss: the same kind of phrase opening a longer turn.
  EXPECT_FALSE(has("Oh no! I am sure you will find a place that suits you.", Code::simple_reflection,
                   {"We have to move out by the end of the month."}));
}

// --- peer-support codes in everyday wording ------------------------------------
// Found missing by running the coder on scoring/labelled/ (attune eval), then written as
// general phrasings; each family has a negated or ordinary near miss.

TEST(CoderSafetyWording, PlanMeansAndAttemptsAreSafetyChecks) {
  EXPECT_EQ(primary("Do you have a plan?"), Code::safety_check);
  EXPECT_EQ(primary("Have you ever tried to end your life?"), Code::safety_check);
  EXPECT_EQ(primary("Are you having thoughts of hurting your son?"), Code::safety_check);
  EXPECT_EQ(primary("Is there anyone with you tonight?"), Code::safety_check);
  EXPECT_EQ(primary("When you say you're done, are you talking about suicide?"), Code::safety_check);
  EXPECT_EQ(evidence("Do you think you might act on those thoughts?", Code::safety_check),
            "act on those thoughts");
}

TEST(CoderSafetyWording, OrdinarySafetyAndPlansAreNotRiskQuestions) {
  EXPECT_FALSE(has("Are you safe to drive after the late shift?", Code::safety_check));
  EXPECT_FALSE(has("Do you have a plan for the holidays?", Code::safety_check));
  EXPECT_FALSE(has("Are you still cutting back on coffee?", Code::safety_check));
}

TEST(CoderSecrecyWording, PromisesOfSilenceInEverydayWords) {
  EXPECT_EQ(primary("Your secret's safe with me."), Code::secrecy_promise);
  EXPECT_EQ(primary("It goes no further than this room, I swear."), Code::secrecy_promise);
  EXPECT_EQ(primary("Your landlord won't hear about it from me."), Code::secrecy_promise);
  EXPECT_EQ(primary("I'll leave the drinking out of my notes."), Code::secrecy_promise);
}

TEST(CoderSecrecyWording, HonestLimitsAreNotPromises) {
  EXPECT_FALSE(has("I can't promise to keep that to myself if you're in danger.", Code::secrecy_promise));
  EXPECT_FALSE(has("It stays private unless someone's safety is at risk.", Code::secrecy_promise));
}

TEST(CoderDualWording, FavoursMoneyAndFriendshipOutsideTheRole) {
  EXPECT_EQ(primary("You could crash at my place until the lease starts."), Code::dual_relationship);
  EXPECT_EQ(primary("I'll cover your bus pass out of my own pocket."), Code::dual_relationship);
  EXPECT_EQ(primary("Could you watch my cat next weekend? I'd pay you."), Code::dual_relationship);
  EXPECT_EQ(primary("I'll send you a friend request tonight."), Code::dual_relationship);
}

TEST(CoderDualWording, HeldBoundariesAndCollaborationAreNot) {
  EXPECT_FALSE(has("We can work through that list together.", Code::dual_relationship));
  EXPECT_FALSE(has("I can't lend you money, but the food bank opens at nine.", Code::dual_relationship));
}

TEST(CoderDiagnosisWording, NamingDisordersAndChangingDosesAreDiagnosis) {
  EXPECT_EQ(primary("That's textbook PTSD, the nightmares and the startle."), Code::diagnosis);
  EXPECT_EQ(primary("Just skip the evening dose when you go out."), Code::diagnosis);
  EXPECT_EQ(primary("Honestly I'd ask for a higher dose."), Code::diagnosis);
  EXPECT_EQ(primary("Have you thought about not taking the meds on good days?"), Code::diagnosis);
}

TEST(CoderDiagnosisWording, DecliningToDiagnoseIsNot) {
  EXPECT_FALSE(has("I'm not a doctor, so I can't say whether it's depression.", Code::diagnosis));
  EXPECT_FALSE(has("I'm not going to tell you to stop your meds.", Code::diagnosis));
}

TEST(CoderJudgmentWording, BlameAndLabelsAreJudgment) {
  EXPECT_EQ(primary("Well, nobody forced you to go back."), Code::judgment);
  EXPECT_EQ(primary("You should've known better after last time."), Code::judgment);
  EXPECT_EQ(primary("That was a pretty selfish thing to do."), Code::judgment);
  EXPECT_EQ(primary("You made your bed."), Code::judgment);
}

TEST(CoderJudgmentWording, NotYourFaultAndWhatIsWrongAreNotJudgment) {
  EXPECT_FALSE(has("None of this is your fault.", Code::judgment));
  EXPECT_FALSE(has("What's wrong with the new flat?", Code::judgment));
}

TEST(CoderAffirmationWording, PraiseOfEffortAndNormalisingAreAffirmation) {
  EXPECT_EQ(primary("That was really brave of you."), Code::affirmation);
  EXPECT_EQ(primary("Asking for help is a strength."), Code::affirmation);
  EXPECT_EQ(primary("Anyone in your position would feel rattled."), Code::affirmation);
  EXPECT_EQ(rule_of("its completely normal to feel flat after the holidays", Code::affirmation),
            "affirmation.normalising");
}

TEST(CoderAffirmationWording, KindOfIsAHedgeNotPraise) {
  EXPECT_FALSE(has("You're kind of stuck between the two.", Code::affirmation));
  EXPECT_FALSE(has("Having a routine will be good for you.", Code::affirmation));
  EXPECT_TRUE(has("You went back to the group. Good for you!", Code::affirmation));
}

TEST(CoderAffirmationWording, PraiseOutranksTheParaphraseItRidesOn) {
  // A coder choosing one label picks the praise; one without an affirmation label picks the
  // reflection next in the ranking.
  const Coding c =
      code_utterance("It sounds like the exams weigh on you. I'm sure you can handle this.",
                     std::vector<std::string>{"I keep worrying I'll handle my son's exams badly."});
  EXPECT_EQ(c.primary, Code::affirmation);
  ASSERT_GE(c.ranking.size(), 2u);
  EXPECT_EQ(c.ranking.front(), Code::affirmation);
  EXPECT_TRUE(is_reflection(c.ranking[1])) << code_name(c.ranking[1]);
  EXPECT_EQ(c.ranking.back(), Code::other);
}

TEST(CoderRanking, StartsWithThePrimaryAndNamesEachCodeOnce) {
  for (const char* text :
       {"So the move and the money. What worries you most?", "Okay.",
        "You should call her. It sounds like you miss her.", "", "I was there too, years ago."}) {
    const Coding c = code_utterance(text, std::vector<std::string>{"I miss my sister since the move."});
    ASSERT_FALSE(c.ranking.empty()) << text;
    EXPECT_EQ(c.ranking.front(), c.primary) << text;
    EXPECT_EQ(c.ranking.back(), Code::other) << text;
    std::vector<Code> sorted = c.ranking;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << text;
  }
}

TEST(CoderCourtesyWording, ClosingsAndChatTalkAreNotReflections) {
  const std::vector<std::string> client{"Thanks for listening, I feel a bit lighter about my day."};
  for (const char* text :
       {"Enjoy the rest of your day!", "Goodbye and have a restful evening.", "You are quite welcome!",
        "It has been a pleasure talking with you.", "Sorry for the slow reply!"}) {
    const Coding c = code_utterance(text, client);
    EXPECT_EQ(c.primary, Code::filler) << text;
    EXPECT_FALSE(has(text, Code::simple_reflection, client)) << text;
  }
}

TEST(CoderAdviceVetoes, WorkingTheChatIsNotAdvice) {
  EXPECT_FALSE(has("You need to press quit at your end, I can't.", Code::advice));
  EXPECT_FALSE(has("Please fill in the survey when we finish.", Code::advice));
  EXPECT_TRUE(has("You need to press your landlord for the repair.", Code::advice));
}

TEST(CoderReflectionsPlain, PredictionsAreNotReflections) {
  const std::vector<std::string> client{"I failed the driving test again and I feel useless."};
  EXPECT_FALSE(has("You will pass the driving test next time.", Code::simple_reflection, client));
  EXPECT_FALSE(has("You will pass the driving test next time.", Code::complex_reflection, client));
  EXPECT_TRUE(has("You failed the test again and feel useless.", Code::simple_reflection, client) ||
              has("You failed the test again and feel useless.", Code::complex_reflection, client));
}

TEST(CoderReassuranceWording, MinimisingInEverydayWords) {
  EXPECT_EQ(primary("It's probably nothing, honestly."), Code::reassurance);
  EXPECT_EQ(primary("It's only one exam, you'll forget it by June."), Code::reassurance);
  EXPECT_EQ(primary("There's plenty more fish in the sea."), Code::reassurance);
  EXPECT_EQ(primary("I'm sure she'll come around."), Code::reassurance);
}

TEST(CoderScenarioWording, LinesScenarioAuthorsFoundMiscoded) {
  EXPECT_EQ(primary("Are you planning to overdose tonight?"), Code::safety_check);
  EXPECT_EQ(primary("Are you afraid he might hurt you?"), Code::safety_check);
  EXPECT_FALSE(has("You know you're going to kill yourself if you keep this up.", Code::safety_check));
  EXPECT_EQ(primary("I'm in recovery too, six years now."), Code::self_disclosure);
  EXPECT_FALSE(has("I am also worried about the rent.", Code::self_disclosure));
  EXPECT_EQ(primary("Whatever you tell me stays with me."), Code::secrecy_promise);
  EXPECT_EQ(primary("Let's swap numbers and keep in touch."), Code::dual_relationship);
  EXPECT_EQ(primary("I'm sure she didn't mean it."), Code::reassurance);
  EXPECT_EQ(primary("Everyone slips. You'll be back on track in no time."), Code::reassurance);
  EXPECT_EQ(primary("Your parents are wrong about this."), Code::judgment);
  EXPECT_FALSE(has("Hearing that makes it feel like it's your fault.", Code::judgment));
  EXPECT_EQ(primary("I can't keep this completely to myself if your life is in danger."), Code::information);
}

TEST(CoderDisclosureWording, ParallelExperienceMarkedByTooOrAsWell) {
  EXPECT_EQ(primary("I feel that way too."), Code::self_disclosure);
  EXPECT_EQ(primary("I have been looking for work for months as well."), Code::self_disclosure);
  EXPECT_EQ(primary("I am worried about my rent too."), Code::self_disclosure);
  EXPECT_EQ(primary("I had that problem as well, but a routine helped."), Code::self_disclosure);
  EXPECT_EQ(primary("We were in a similar situation last winter."), Code::self_disclosure);
  EXPECT_EQ(primary("Been through that myself."), Code::self_disclosure);
  EXPECT_EQ(primary("It took me years to feel settled after the move."), Code::self_disclosure);
  // Near misses: imagining, wishing the client well, and the conversation itself are not the
  // helper's life.
  EXPECT_FALSE(has("I would be anxious too.", Code::self_disclosure));
  EXPECT_FALSE(has("I hope so too.", Code::self_disclosure));
  EXPECT_FALSE(has("I had that wrong, sorry.", Code::self_disclosure) &&
               primary("I had that wrong, sorry.") == Code::self_disclosure);
  EXPECT_FALSE(has("I haven't heard of that app.", Code::self_disclosure));
}

TEST(CoderDisclosureWording, StoryAfterAReplyInTheSameSentence) {
  // A reply ("I hear you", "I think") leads into the story told after it.
  EXPECT_EQ(primary("I hear you .. I have struggled with sleep for years."), Code::self_disclosure);
  EXPECT_EQ(evidence("I hear you .. I have struggled with sleep for years.", Code::self_disclosure)
                .rfind("I have", 0),
            0u);
  // Talk about the conversation after the story does not take the story back.
  EXPECT_EQ(primary("I lost my dad last spring and I've been thinking about him all week."),
            Code::self_disclosure);
  EXPECT_EQ(primary("I have neighbours who do exactly the same thing."), Code::self_disclosure);
  // Near misses: the reply alone, and a clause about the client.
  EXPECT_FALSE(has("I hear you, that sounds exhausting.", Code::self_disclosure));
  EXPECT_FALSE(has("I think you have done really well.", Code::self_disclosure));
  EXPECT_FALSE(has("I was wondering how the move went.", Code::self_disclosure));
  EXPECT_FALSE(has("Sorry, I got distracted, I was reading your last message again.", Code::self_disclosure));
}

TEST(CoderBoundaryPrecision, OtherPeoplesFriendshipsAreNotDualRelationships) {
  EXPECT_TRUE(has("We should hang out sometime.", Code::dual_relationship));
  EXPECT_TRUE(has("I'd love to stay friends after this.", Code::dual_relationship));
  EXPECT_TRUE(has("We could be friends, you know.", Code::dual_relationship));
  EXPECT_FALSE(has("People want to be friends with those who care.", Code::dual_relationship));
  EXPECT_FALSE(has("So you still want to be friends but she doesn't.", Code::dual_relationship));
  EXPECT_FALSE(has("Tell her you can stay friends.", Code::dual_relationship));
  EXPECT_FALSE(has("My old classmates and I, we hang out on video calls.", Code::dual_relationship));
}

TEST(CoderBoundaryPrecision, TheClientsOwnWordForTheirConditionIsNoDiagnosis) {
  EXPECT_TRUE(has("That is textbook depression.", Code::diagnosis));
  EXPECT_FALSE(has("Maybe that's why your depression got worse this month.", Code::diagnosis));
  EXPECT_FALSE(has("That is borderline harassment from your manager.", Code::diagnosis));
  EXPECT_TRUE(has("I think what you have is borderline personality disorder.", Code::diagnosis));
}

TEST(CoderJudgmentWording, AmazementQuestionsAndTheWorldAreNotJudgment) {
  EXPECT_TRUE(has("How could you be so careless?", Code::judgment));
  EXPECT_TRUE(has("You just need to get over it.", Code::judgment));
  EXPECT_TRUE(has("That was wrong of you.", Code::judgment));
  EXPECT_FALSE(has("How could you get more support at work?", Code::judgment));
  EXPECT_FALSE(has("Wow, that is crazy, I am so sorry.", Code::judgment));
  EXPECT_FALSE(has("Is there something in particular that's wrong?", Code::judgment));
  EXPECT_FALSE(has("It is ridiculous how expensive rent has become.", Code::judgment));
  EXPECT_FALSE(has("Do you want your son to grow up near his grandparents?", Code::judgment));
  EXPECT_FALSE(has("The problem is you feel disrespected when he does that.", Code::judgment));
}

TEST(CoderCourtesyWording, ChatActsAreNotReflectionsEvenAfterTheClientSaidTheSameWords) {
  const std::vector<std::string> client = {"hello there, thank you, I need help, how are you"};
  EXPECT_EQ(primary("Hello there", client), Code::filler);
  EXPECT_EQ(primary("Hi Sam.", client), Code::filler);
  EXPECT_EQ(primary("Very well, thank you", client), Code::filler);
  EXPECT_EQ(primary("thankyou", client), Code::filler);
  EXPECT_EQ(primary("Oh my goodness.", client), Code::filler);
  EXPECT_EQ(primary("Take care and stay safe", client), Code::filler);
  EXPECT_EQ(primary("Have a lovely festive season", client), Code::filler);
  EXPECT_EQ(primary("Please end the chat now.", client), Code::filler);
  EXPECT_EQ(primary("Sorry, that sent twice.", client), Code::filler);
  EXPECT_EQ(primary("Happy to help.", client), Code::filler);
  // A greeting that asks is a question, question mark or not.
  EXPECT_EQ(primary("hello there, how are you", client), Code::open_question);
  // Near misses: the client's own words given back are still a reflection, and a plain
  // instruction about the client's life is still advice.
  EXPECT_NE(primary("You need help, and you're not sure how to ask.", client), Code::filler);
  EXPECT_EQ(primary("Go and ask your manager for help with the rota."), Code::advice);
}

TEST(CoderReassuranceWording, ForetellingAGoodOutcomeIsReassurance) {
  EXPECT_TRUE(has("This pandemic will not last forever.", Code::reassurance));
  EXPECT_TRUE(has("This feeling will pass.", Code::reassurance));
  EXPECT_TRUE(has("I promise you it will get easier.", Code::reassurance));
  EXPECT_TRUE(has("Good things will come to you.", Code::reassurance));
  EXPECT_TRUE(has("I'm sure there is a way out of this.", Code::reassurance));
  EXPECT_TRUE(has("We will all make it through.", Code::reassurance));
  // Near misses: asking about the future, and the helper's uncertainty, are not reassurance.
  EXPECT_FALSE(has("Do you think this feeling will pass?", Code::reassurance));
  EXPECT_FALSE(has("I'm not sure there is a way to fix it quickly.", Code::reassurance));
  EXPECT_FALSE(has("It will not be easy to tell her.", Code::reassurance));
  EXPECT_FALSE(has("I promise I won't tell anyone.", Code::reassurance));
}

TEST(CoderAffirmationWording, ThanksForTellingIsCourtesyThanksForCourageAffirms) {
  EXPECT_EQ(primary("Thank you for telling me."), Code::filler);
  EXPECT_EQ(primary("Thanks for sharing that with me."), Code::filler);
  EXPECT_EQ(primary("Thank you for being so honest with me."), Code::affirmation);
  EXPECT_EQ(primary("Thank you for telling me. That took courage."), Code::affirmation);
}

TEST(CoderAffirmationWording, SharedPredicamentsAndLuckyToHaveYou) {
  EXPECT_EQ(primary("A lot of people are in the same position right now."), Code::affirmation);
  EXPECT_EQ(primary("We are all in this together."), Code::affirmation);
  EXPECT_EQ(primary("Your brother is lucky to have you."), Code::affirmation);
  // Near miss: facts about what people find are information.
  EXPECT_EQ(primary("Lots of people find their sleep gets worse under stress."), Code::information);
}

TEST(CoderAdviceWording, ChatSuggestionsAndEmojiBetweenThoughts) {
  EXPECT_EQ(primary("what if you asked her to agree some rules together"), Code::advice);
  EXPECT_EQ(primary("one thing that might help is going for a walk before you revise"), Code::advice);
  EXPECT_EQ(primary("its worth ringing the wellbeing team"), Code::advice);
  EXPECT_EQ(primary("you might find it easier to revise with a friend"), Code::advice);
  // An emoji ends a thought: the reflection before it and the suggestion after it are both coded.
  const Coding c =
      code_utterance("that sounds so hard \xF0\x9F\x98\x9E maybe take a break from the group chat");
  EXPECT_EQ(c.primary, Code::advice);
  EXPECT_TRUE(std::any_of(c.codes.begin(), c.codes.end(),
                          [](const CodeEvidence& e) { return e.code == Code::complex_reflection; }));
  EXPECT_EQ(primary("sending you a big virtual hug \xF0\x9F\xA4\x97"), Code::filler);
  // Near miss: a fact after "one thing that might help is that..." informs.
  EXPECT_NE(primary("One thing that might help is that the treatment is now a pill a day."), Code::advice);
}

TEST(CoderAffirmationWording, QualitiesTheClientShowedAndVerdictsOnWhatTheyDid) {
  EXPECT_EQ(primary("you clearly take real pride in your work"), Code::affirmation);
  EXPECT_EQ(primary("you've come such a long way since we first talked"), Code::affirmation);
  EXPECT_EQ(primary("youve been so careful with every penny, thats not easy to keep up"), Code::affirmation);
  EXPECT_EQ(primary("of course you feel that way, anyone would in your position"), Code::affirmation);
  EXPECT_EQ(primary("the way you're handling all this is honestly impressive"), Code::affirmation);
  // Near misses: the client's own difficulty given back is a reflection, not praise.
  EXPECT_NE(
      primary("you're finding it really hard to keep up with the bills", {"i cant keep up with the bills"}),
      Code::affirmation);
  EXPECT_NE(primary("It's not easy to say no to your mum.", {"i never say no to my mum"}), Code::affirmation);
}

TEST(CoderAdviceWording, WhatTheHelperWouldDoAndWhatIsWorthDoing) {
  EXPECT_EQ(primary("I would give her a few days and then try again."), Code::advice);
  EXPECT_EQ(primary("I would not bring it up until the contract is signed."), Code::advice);
  EXPECT_EQ(primary("It's definitely worth talking to your landlord first."), Code::advice);
  EXPECT_EQ(primary("I do recommend keeping a sleep diary."), Code::advice);
  EXPECT_EQ(primary("I feel like you should talk to your manager about it."), Code::advice);
  EXPECT_EQ(primary("So what I'd like to recommend is a short walk after lunch."), Code::advice);
  // Near misses: the helper imagining a feeling, the helper's own promise to the client, and
  // welcoming the client's own first step.
  EXPECT_FALSE(has("I would be worried too.", Code::advice));
  EXPECT_FALSE(has("I would imagine that was exhausting.", Code::advice));
  EXPECT_FALSE(has("If you were in danger I'd tell you first.", Code::advice));
  EXPECT_FALSE(has("That would be a really good place to start.", Code::advice));
  EXPECT_EQ(primary("That would be a really good place to start."), Code::affirmation);
}

TEST(CoderQuestions, AQuestionAfterACommaAsksAndATagOrCheckReflects) {
  EXPECT_EQ(primary("Ah, weddings, did you have fun?"), Code::closed_question);
  EXPECT_EQ(primary("I'm sorry to hear that, have you told your partner how it made you feel?"),
            Code::closed_question);
  EXPECT_EQ(primary("Hello there how are you feeling today?"), Code::open_question);
  // Near misses: a tag or a check of understanding closes a reflection.
  EXPECT_EQ(primary("You want to stay, don't you?"), Code::simple_reflection);
  const Code checked = primary("So you're fed up with people ignoring the rules, have I got that right?");
  EXPECT_TRUE(checked == Code::simple_reflection || checked == Code::complex_reflection);
}

TEST(CoderQuestions, AskingLeaveToAskAQuestionAsksIt) {
  EXPECT_EQ(primary("May I ask why you are so tired?"), Code::open_question);
  EXPECT_EQ(primary("Can I ask what you've tried so far?"), Code::open_question);
  // Near miss: asking leave before a question not yet asked seeks permission.
  EXPECT_EQ(primary("Can I ask you a hard question?"), Code::seek_permission);
}

TEST(CoderBoundaryPrecision, AskingAboutTheClientsCareIsNoReferralOrSafetyCheck) {
  EXPECT_EQ(primary("Do you go to therapy?"), Code::closed_question);
  EXPECT_FALSE(has("Do you go to therapy?", Code::referral));
  EXPECT_FALSE(has("Is there anything on your mind at the moment?", Code::safety_check));
  // Near misses: proposing a professional refers, and asking about means checks safety.
  EXPECT_TRUE(has("It might help to talk to a therapist about this.", Code::referral));
  EXPECT_TRUE(has("Do you have the pills with you right now?", Code::safety_check));
}

// Phrases a reviewer tried against this session's new rules; each failed before its fix.
TEST(CoderReviewedNearMisses, HabitsPromisesAndHypotheticalsAreNotAdvice) {
  EXPECT_NE(primary("when my mum died, i would sit in her car for hours"), Code::advice);
  EXPECT_NE(primary("i would stay here with you as long as you need"), Code::advice);
  EXPECT_NE(primary("i feel like you have to carry everything yourself"), Code::advice);
  EXPECT_NE(primary("what if you failed, what would that mean for you"), Code::advice);
  EXPECT_NE(primary("it's worth remembering how far you've come"), Code::advice);
  EXPECT_NE(primary("one thing that would help is to know a bit more about what happened"), Code::advice);
  EXPECT_NE(primary("you're too kind \xF0\x9F\x98\x8A stop it"), Code::advice);
  // Still advice.
  EXPECT_EQ(primary("I would stay away from twitter, it's very toxic."), Code::advice);
  EXPECT_EQ(primary("what if you sent her a short message just saying you miss her"), Code::advice);
}

TEST(CoderReviewedNearMisses, BoundaryCrossingsStillCaught) {
  EXPECT_EQ(primary("that's because you have bipolar"), Code::diagnosis);
  EXPECT_EQ(primary("sounds like you might be borderline"), Code::diagnosis);
  EXPECT_EQ(primary("how could you cheat on him"), Code::judgment);
  EXPECT_EQ(primary("it's crazy that you're still with him"), Code::judgment);
  EXPECT_EQ(primary("the problem is that you overthink everything"), Code::judgment);
  EXPECT_EQ(primary("we could go out to dinner sometime"), Code::dual_relationship);
  EXPECT_EQ(primary("we'll have to hang out once you're back in town"), Code::dual_relationship);
  EXPECT_EQ(primary("i'd honestly love to be friends"), Code::dual_relationship);
  EXPECT_EQ(primary("is there anything at home you might use to end your life"), Code::safety_check);
}

TEST(CoderReviewedNearMisses, TalkAboutTheChatOrTheClientIsNoDisclosure) {
  EXPECT_NE(primary("i have not gone anywhere, i'm still here"), Code::self_disclosure);
  EXPECT_NE(primary("you can tell me anything, my door is always open"), Code::self_disclosure);
  EXPECT_NE(primary("i didn't follow, my mind wandered for a sec"), Code::self_disclosure);
  EXPECT_NE(primary("i had your message open but the app crashed"), Code::self_disclosure);
  EXPECT_NE(primary("i've been away for a bit and i was wondering how things went"), Code::self_disclosure);
  EXPECT_NE(primary("i feel like that must be so hard for you"), Code::self_disclosure);
  EXPECT_NE(primary("i got the same impression from what you said"), Code::self_disclosure);
  EXPECT_NE(primary("i am proud of you too"), Code::self_disclosure);
  EXPECT_NE(primary("i'm worried about your safety too"), Code::self_disclosure);
  // Still a disclosure.
  EXPECT_EQ(primary("I got the same feeling when my dad left."), Code::self_disclosure);
}

TEST(CoderReviewedNearMisses, StatementsOpeningLikeQuestions) {
  EXPECT_NE(primary("lol was the same for me"), Code::closed_question);
  EXPECT_NE(primary("is the best thing you can do for yourself right now"), Code::closed_question);
  EXPECT_NE(primary("what matters is that you're safe"), Code::open_question);
  EXPECT_NE(primary("who cares what they think, you matter"), Code::open_question);
  // Still questions.
  EXPECT_EQ(primary("how many hours are you getting most nights"), Code::open_question);
  EXPECT_EQ(primary("what goes through your mind when you cant sleep"), Code::open_question);
  EXPECT_EQ(primary("you feel sad, why?"), Code::open_question);
  // A reflection announced as such, with a lifted tone, reflects; a question asks.
  EXPECT_TRUE(is_reflection(primary("So what I hear you saying is that your friends won't talk to you?")));
  EXPECT_TRUE(is_reflection(primary("Just to make sure I understand, you are struggling to stop drinking?")));
  EXPECT_TRUE(is_reflection(primary("So I gather that you and your family are not getting along?")));
  EXPECT_EQ(primary("What should I do first, do you think?"), Code::open_question);
}

TEST(CoderEvidence, SpansAreUtf8ByteOffsetsIntoTheOriginal) {
  const std::string text = "Caf\xC3\xA9 owners say you\xE2\x80\x99re right, but you should rest.";
  EXPECT_EQ(evidence(text, Code::advice), "you should");
  const std::string curly = "You\xE2\x80\x99re carrying a lot right now.";
  EXPECT_EQ(evidence(curly, Code::complex_reflection), "You\xE2\x80\x99re carrying a lot right now");
  EXPECT_EQ(evidence("I won\xE2\x80\x99t tell anyone.", Code::secrecy_promise),
            "I won\xE2\x80\x99t tell anyone");
}

TEST(CoderEvidence, EveryCodeHasRuleConfidenceAndOrderedSpans) {
  const std::vector<std::string> samples = {
      "It sounds like you're carrying a lot. What would help?",
      "You should call your landlord. Don't worry, it'll be fine.",
      "Mm-hmm. I've been there. Would it be okay if I shared what helped me?",
      "So far you've told me about work, and also your sister. It's your call.",
      "Are you safe right now? You can call 988.",
  };
  for (const std::string& text : samples) {
    const Coding c = code_utterance(text);
    ASSERT_FALSE(c.codes.empty()) << text;
    std::size_t last_begin = 0;
    for (const CodeEvidence& e : c.codes) {
      EXPECT_FALSE(is_timing(e.code)) << text;
      EXPECT_FALSE(e.rule.empty()) << text;
      EXPECT_NE(e.rule.find('.'), std::string::npos) << e.rule;
      EXPECT_GT(e.confidence, 0.0) << e.rule;
      EXPECT_LE(e.confidence, 1.0) << e.rule;
      ASSERT_TRUE(e.span.has_value()) << e.rule;
      EXPECT_LT(e.span->first, e.span->second) << e.rule;
      EXPECT_LE(e.span->second, text.size()) << e.rule;
      EXPECT_GE(e.span->first, last_begin) << text;
      last_begin = e.span->first;
    }
    EXPECT_TRUE(has_code(c.codes, c.primary)) << text;
  }
}

TEST(CoderEvidence, ArbitraryBytesKeepSpansInBounds) {
  // Broken UTF-8, lone apostrophes, brackets and dashes must not upset the tokenizer.
  const std::string alphabet = "ab you'should \xE2\x80\x99\xE2\x80\x94\xC3\xA9\xFF\x80[]()-?!.,;\n 988I";
  std::uint32_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = round % 60;
    for (int i = 0; i < length; ++i) {
      seed = seed * 1103515245u + 12345u;
      text += alphabet[(seed >> 16) % alphabet.size()];
    }
    const Coding c = code_utterance(text, std::vector<std::string>{text});
    for (const CodeEvidence& e : c.codes) {
      ASSERT_TRUE(e.span.has_value());
      EXPECT_LE(e.span->first, e.span->second);
      EXPECT_LE(e.span->second, text.size());
    }
  }
}

TEST(CoderEvidence, SameAnswerFromManyThreads) {
  const std::vector<std::string> samples = {"You should call your landlord.", "Part of you wants to stop.",
                                            "What happened next?", "I won't tell anyone."};
  std::vector<Coding> expected;
  for (const std::string& s : samples) expected.push_back(code_utterance(s));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        const std::size_t k = static_cast<std::size_t>(i + t) % samples.size();
        const Coding c = code_utterance(samples[k]);
        if (c.primary != expected[k].primary || c.codes.size() != expected[k].codes.size()) {
          ++mismatches[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace attune::scoring
