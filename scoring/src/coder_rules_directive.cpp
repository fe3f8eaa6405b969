// Advice, minimising reassurance and judgment: the helper steering or evaluating.
#include "coder_rules.h"

namespace attune::scoring::detail {
namespace {

constexpr Code A = Code::advice;
constexpr Code R = Code::reassurance;
constexpr Code J = Code::judgment;
constexpr Role E = Role::kEmit;
constexpr Role V = Role::kVeto;

constexpr RuleSpec kRules[] = {
    // Second-person modal directives. kReported: "you feel you should..." reports
    // the client's own pressure and is a reflection, not advice.
    // Anchored at the clause head: "the things you should know" is a relative clause.
    {"advice.you_should", A, E, kNegatable | kReported | kNotAfterWh | kNotSubordinate, 0.9f,
     "^ you should|ought"},
    {"advice.you_should", A, E, kNegatable, 0.85f,
     "^ i (really|honestly|personally|still|also)? (think|believe|feel|feel like|guess) (that|also)? you "
     "(really|probably|also|definitely)? should|ought"},
    // A directive behind a reflection stem is still a directive.
    {"advice.you_should", A, E, kNegatable, 0.85f, "(sounds|seems|looks) like you (really)? should|ought"},
    {"advice.you_should", A, E, 0, 0.9f, "i do not think you should"},
    // kNotAfterWh/kNotInQuestion: "what do you need to do?" asks; kNotSubordinate:
    // "when you have to wait" describes a situation.
    // Anchored at the clause head: "one reason you have to quit" is a relative clause.
    {"advice.you_need_to", A, E, kNegatable | kReported | kNotAfterWh | kNotInQuestion | kNotSubordinate,
     0.85f, "^ you (really|just|definitely|still|also)? (need|have|got|gotta) to"},
    {"advice.you_need_to", A, E, kNegatable | kReported | kNotAfterWh | kNotInQuestion | kNotSubordinate,
     0.85f, "^ you have got to"},
    {"advice.you_need_to", A, E, kNegatable | kReported | kNotAfterWh | kNotInQuestion | kNotSubordinate,
     0.8f, "^ you (will|would) (need|have) to"},
    {"advice.you_need_to", A, E, kNegatable | kNotInQuestion, 0.8f,
     "^ i (really|honestly|personally|still|also)? (think|believe|feel|guess) (that|also)? you "
     "(really|just|also|probably)? (need|have|got) to"},
    {"advice.you_need_to", A, E, kNegatable | kReported | kNotInQuestion | kNotSubordinate, 0.7f,
     "you (really|just)? need (a|some|more) (break|rest|sleep|help|time|support|space|plan)"},
    {"advice.you_must", A, E, kNegatable | kReported, 0.85f,
     "you must (call|go|stop|try|get|talk|take|make|tell|see|find|keep|leave|quit|do|start|ask|seek)"},
    {"advice.you_better", A, E, kNegatable, 0.85f, "you (had|would) better"},
    // kNotSubordinate: "any changes you might want to make" is a relative clause.
    {"advice.you_might_want", A, E, kNegatable | kReported | kNotAfterWh | kNotInQuestion | kNotSubordinate,
     0.8f, "you (might|may) (want|wanna|wish) to"},
    {"advice.you_might_want", A, E, kNegatable | kReported | kNotAfterWh | kNotInQuestion | kNotSubordinate,
     0.8f, "you (might|may) (consider|try)"},
    {"advice.maybe_you_could", A, E, kNegatable | kReported, 0.85f,
     "maybe|perhaps you (could|can|might|should)"},
    {"advice.you_could_try", A, E, kNegatable | kReported | kNotAfterWh, 0.85f,
     "you (could|can|might) (also|always|just)? (try|consider)"},
    {"advice.you_could_try", A, E, kNegatable | kReported | kNotAfterWh | kNotInQuestion, 0.7f,
     "^ you could (also|always|just|either)? @verb"},
    {"advice.you_could_try", A, E, kNegatable | kReported | kNotAfterWh | kNotInQuestion, 0.6f,
     "^ you can (also|always|just)? @verb"},
    // Suggestions phrased as questions are still the helper's plan for the client.
    {"advice.why_dont_you", A, E, 0, 0.9f, "why do not you|we"},
    {"advice.why_dont_you", A, E, 0, 0.85f, "why not (just|try|@verb)"},
    // kNotAfterWh: "what have you tried so far?" asks about the client's own attempts.
    {"advice.have_you_tried", A, E, kNegatable | kNotAfterWh, 0.85f, "have you (ever)? (tried|considered)"},
    {"advice.have_you_tried", A, E, kNegatable | kNotAfterWh, 0.8f,
     "have you (ever)? (thought|looked) (about|into|of)"},
    // kNotAfterWh: "what steps would you consider taking?" asks for the client's own plan.
    {"advice.could_you_try", A, E, kNegatable | kNotAfterWh, 0.8f,
     "(could|can|would|will) you (maybe|perhaps|just)? try"},
    {"advice.could_you_try", A, E, kNegatable | kNotAfterWh, 0.7f, "(could|would) you consider"},
    // A plan offered as a question: "Would it help to...?", "Do you think a tutor would be worth it?"
    {"advice.would_it_help", A, E, 0, 0.75f,
     "^ (would|could|might) it (really|maybe)? (help|be (helpful|useful|worth it|worth|possible|a good idea|"
     "easier|better)) (to|if you|for you to)"},
    {"advice.would_it_help", A, E, 0, 0.7f,
     "^ do you think *4 (would|might|could) (really|maybe)? (help|be (helpful|useful|beneficial|worth|a good "
     "idea|good for you))"},
    {"advice.could_you_try", A, E, 0, 0.7f,
     "^ (could|can) you (ask|call|contact|reach out to|look for|look into|apply|join|sign up|email|text|"
     "message|phone)"},
    {"advice.could_you_try", A, E, kNegatable, 0.75f, "(could|can) you (maybe|perhaps|possibly) @verb"},
    // At the clause head: "information that might help you" is a relative clause.
    {"advice.might_help", A, E, kNegatable | kReported | kNotInQuestion | kNotSubordinate, 0.6f,
     "^ (it|this|that|talking|trying|getting|reaching out|writing|doing|taking|going|seeing) (might|may|"
     "could|would) (really|also|definitely)? help (you|to|with)?"},
    // Inside a question ("Is that something, maybe having a talk with them, you'd be open to?") the
    // "maybe" offers an option to weigh, which the question asks about; "Maybe try yoga?" still suggests.
    {"advice.maybe_try", A, E, kNotInAskedQuestion, 0.7f, "^ (maybe|perhaps) (@ing|@verb)"},
    {"advice.what_if_you", A, E, 0, 0.8f, "what if you (just|tried|@verb|@past|@ed)"},
    // A feared outcome, not a step: "what if you failed, what would that mean?"
    {"veto.advice.feared_outcome", A, V, 0, 1.0f,
     "what if (you|it|they|he|she) (failed|lost|died|were|was|relapsed|broke|fell|did not|could not|never|"
     "got (fired|sick|hurt|caught|rejected|dumped|worse)|had to|ended up|missed)"},
    {"advice.how_about", A, E, 0, 0.8f, "how about (you|we)? (just)? (@ing|@verb|come)"},
    {"advice.how_about", A, E, 0, 0.8f, "what about (you|we) (just)? @verb"},
    {"advice.how_about", A, E, 0, 0.75f,
     "what about (trying|calling|talking|asking|writing|making|going|taking|getting|looking|reaching|"
     "telling|setting|starting|joining|booking)"},
    // The helper's own recommendation, however softened.
    {"advice.i_suggest", A, E, kNegatable, 0.9f,
     "i (would|will|do)? (strongly|really|just|definitely)? (suggest|recommend|advise|encourage|urge)"},
    {"advice.i_suggest", A, E, kNegatable, 0.9f, "my (advice|suggestion|recommendation)"},
    {"advice.i_suggest", A, E, kNegatable, 0.85f,
     "(i|we) (would|will)? (like|want) to (strongly)? (suggest|recommend|advise|encourage)"},
    {"advice.i_suggest", A, E, kNegatable, 0.85f,
     "we (would|will)? (strongly|really|usually|always)? "
     "(suggest|recommend|advise|encourage) (that|you|people|patients|clients|everyone)"},
    {"advice.i_suggest", A, E, 0, 0.8f, "what i (would|will)? (like|want) you to do"},
    {"advice.i_suggest", A, E, kNegatable, 0.85f,
     "(i|we) (am|are) (just|also)? going to (strongly)? (suggest|recommend|advise|encourage)"},
    {"advice.i_suggest", A, E, kNegatable, 0.8f, "i (really)? wish you would"},
    // A pseudo-cleft names the step: "what you need to do is...", "the only thing you can do is...".
    {"advice.what_you_need", A, E, kNegatable, 0.85f,
     "what you (really|probably|just)? (need|have|ought|got) to do (now|next|first)? is"},
    {"advice.what_you_need", A, E, kNegatable, 0.8f,
     "(the only|the first|the next|all) (thing)? you (can|could|need to|have to|should) (do|try) (now|next|"
     "first)? is"},
    {"advice.i_suggest", A, E, kNegatable, 0.75f, "i (would|will)? (want|like) you to @verb"},
    {"advice.if_i_were_you", A, E, 0, 0.9f, "if i (were|was) you"},
    {"advice.if_i_were_you", A, E, 0, 0.85f, "if it (were|was) me"},
    {"advice.if_i_were_you", A, E, 0, 0.85f, "if i (were|was) in your (situation|position|shoes|place)"},
    // "I would just move on": what the helper would do, offered as the client's plan.
    {"advice.if_i_were_you", A, E, kNegatable | kNotInQuestion | kNotSubordinate, 0.75f,
     "^ i would (probably|just|definitely|personally|honestly|really|also|still|then)? (try|go to|"
     "go for|work on|seek|move on|start|look into|look for|talk to|call|ask|get|focus on|consider|reach "
     "out|stay away|leave|quit|say go for it|recommend)"},
    {"advice.if_i_were_you", A, E, 0, 0.85f, "in your (shoes|position|place) i (would|will)"},
    // The same with any action verb: "I would give her a few days", "I would not bring it up yet".
    {"advice.if_i_were_you", A, E, kNotInQuestion | kNotSubordinate, 0.7f,
     "^ i would (probably|just|definitely|personally|honestly|really|also|still|then|not|never)? (@verb|"
     "continue|update|wait|let|give|bring|hold off|be (careful|subtle|honest|patient|gentle|firm|clear|"
     "cautious))"},
    {"veto.advice.imagined", A, V, 0, 1.0f,
     "i would (probably|just|definitely|really|also)? (think|imagine|guess|say|assume|feel|see (it|that|why|"
     "how)|be (worried|scared|upset|angry|sad|anxious|nervous|happy|glad))"},
    // "Would" telling the helper's own past ("when my mum died, I would sit in her car") or habits.
    {"veto.advice.imagined", A, V, kSentenceScope, 1.0f,
     "(when|after|before|while|back when|once) (i|we) (was|were|@ed|lost|left|quit|got|moved|had|went|felt|"
     "found|broke|became|started|stopped|split)"},
    {"veto.advice.imagined", A, V, kSentenceScope, 1.0f,
     "(when|after|before|while|back when|once) (my|our) *2 "
     "(@ed|died|left|passed|was|were|got|went|broke|split)"},
    {"veto.advice.imagined", A, V, kSentenceScope, 1.0f,
     "(in|during|since|after|before) my (twenties|teens|thirties|forties|youth|20s|30s|younger days|old job|"
     "last job|divorce|breakup|childhood|school days|marriage|recovery)"},
    // The helper's own stance or promise: "I would stay here with you", "I would be honest...".
    {"veto.advice.imagined", A, V, 0, 1.0f,
     "i would (probably|just|really|honestly|also)? (stay (here|with you|as long|right here|on|online)|be "
     "here|be honest|not change|never change|be lying|be happy|be glad)"},
    // What the helper would do for the client is their own commitment: "I'd tell you first".
    {"veto.advice.imagined", A, V, 0, 1.0f,
     "i would (always|also|still|then|just)? (tell|let|call|get|give|bring|take|pick up|check on|ask) "
     "(you|u)"},
    // "It's worth talking to someone": a step recommended as worth its cost.
    {"advice.it_would_be_good", A, E, kNegatable | kNotInQuestion, 0.75f,
     "(it is|its|it would be|it might be|it could be|that is|it may be|that would be) "
     "(definitely|really|always|"
     "probably|maybe|certainly|totally|well)? worth (@ing|a try|a shot|trying|it to)"},
    // Worth holding in mind, not doing: "it's worth remembering how far you've come".
    {"veto.advice.reflect_on", A, V, 0, 1.0f,
     "worth (remembering|celebrating|noting|mentioning|saying|acknowledging|recognising|recognizing|being "
     "proud of|keeping in mind|thinking about)"},
    {"advice.best_thing", A, E, kNegatable, 0.8f,
     "the best (thing|option|way|move|idea|bet|plan) *4 (is|would|might|could)"},
    {"advice.it_would_be_good", A, E, kNegatable | kNotAfterWh | kNotInQuestion | kNotSubordinate, 0.8f,
     "it (would|might|may|could) be (a)? (good|best|better|wise|helpful|worth|smart|useful) (idea)? (to|"
     "if|for you)"},
    // "It's important to call" advises; "it's important to you" reflects what the client values.
    {"advice.it_would_be_good", A, E, kNegatable | kNotAfterWh | kNotInQuestion | kNotSubordinate, 0.75f,
     "it (is|will be) (a good idea|best|wise|smart|important|a good thing) (that you|for you to)"},
    {"advice.it_would_be_good", A, E, kNegatable | kNotAfterWh | kNotInQuestion | kNotSubordinate, 0.75f,
     "it (is|will be) (a good idea|best|wise|smart|important|a good thing) to (really|just|also|try and)? "
     "@verb"},
    {"advice.it_would_be_good", A, E, kNegatable, 0.75f, "it (might|may|could|would|will) help (to|if you)"},
    {"advice.it_would_be_good", A, E, 0, 0.75f, "(might|would|may) not be a bad idea (to|if you)"},
    {"advice.it_would_be_good", A, E, kNegatable, 0.7f,
     "you (might|may) find it (helpful|useful|easier|better|good|nice) to"},
    {"advice.make_sure", A, E, 0, 0.85f, "^ (make|be) sure (you|to|that you)"},
    {"advice.make_sure", A, E, 0, 0.85f, "(do not|never) forget to"},
    {"advice.make_sure", A, E, 0, 0.8f, "^ remember to"},
    {"advice.options", A, E, kNegatable | kNotAfterWh | kNotInQuestion, 0.75f,
     "(one|another) (good|possible|other|useful)? (option|thing|idea|possibility|approach|strategy|step) "
     "(you could|you can|you might|"
     "would be|might be|could be|is to)"},
    {"advice.options", A, E, kNegatable | kNotAfterWh | kNotInQuestion, 0.75f,
     "something you (could|might|can) (try|do)"},
    {"advice.options", A, E, kNegatable | kNotAfterWh | kNotInQuestion, 0.75f,
     "(one|another) (thing|idea|option) that (might|may|could|can|would|often|usually|sometimes)? "
     "(help|helps|"
     "works|work) (is|would be|might be) (just|simply)? (@ing|to)"},
    // Wanting to know more is the helper's question, not a step: "one thing that would help is to know...".
    {"veto.advice.imagined", A, V, 0, 1.0f,
     "(is|would be|might be) to (know|hear|understand|learn|find out)"},
    {"advice.dont_imperative", A, E, 0, 0.8f, "^ (do not|never) @verb"},
    {"advice.be_kind", A, E, 0, 0.8f,
     "^ be (more)? (kind|kinder|gentle|gentler|patient|easy|easier|careful|honest|nicer|firm|open|clear) "
     "(to|with|on|about)?"},

    // Phrases that look like directives but are not.
    // "Have you thought about what you want?", "have you thought about that?": exploring, not proposing.
    {"veto.advice.exploring", A, V, 0, 1.0f,
     "have you (ever|already|maybe)? (thought|considered|given (any|some|much)? thought) (about|of)? (what|"
     "how|why|whether|if|when|where|who|which|that|it|this|those|these|any)"},
    // "Why don't you start by telling me...": an invitation to talk is a question.
    {"veto.advice.invite_talk", A, V, 0, 1.0f,
     "why do not (you|we) (just)? (start|begin)? (by|with)? (you)? (tell|telling|talk|talking|share|"
     "sharing|describe|describing|say|saying|explain|explaining|walk|walking|fill|filling|have you tell)"},
    {"veto.advice.invite_talk", A, V, 0, 1.0f, "why do not we (start|begin|get started|go over|look|talk)"},
    // Perception and understanding: "you can see the progress" describes, it does not direct.
    {"veto.advice.perception", A, V, 0, 1.0f,
     "you (can|could|might|may) (already|probably|clearly|really|just)? (see|tell|hear|feel|imagine|sense|"
     "notice|understand|relate|remember|recall)"},
    // "See what you make of it", "think about how it went": an invitation to reflect.
    {"veto.advice.reflect_on", A, V, 0, 1.0f,
     "^ (see|think|imagine|consider|notice|wonder) (about|back|over)? (what|how|why|if|whether|when|where|"
     "which)"},
    // "Remember that it's only one exam": a fact to hold on to, not a step to take.
    {"veto.advice.reflect_on", A, V, 0, 1.0f, "^ (always)? (remember|know|keep in mind|never forget) that"},
    {"veto.advice.reflect_on", A, V, 0, 1.0f,
     "^ (always)? (remember|know|keep in mind|never forget) "
     "(than|everyone|everybody|we|you|they|he|she|it|this|"
     "there|people|nobody|no one)"},
    // "Think about it": something to mull over, not a step to take.
    {"veto.advice.reflect_on", A, V, 0, 1.0f,
     "^ (think|reflect) (about|on|over) (it|that|this|all (of)? (that|this|it))"},
    {"veto.advice.courtesy", A, V, 0, 1.0f,
     "^ (take care|go ahead|go on|keep going|hang in there|let me|excuse me|forgive me|see you|stop me|"
     "hold on|hang on|try me|look at you|get well|wait a minute|wait a second|wait a moment|hold that "
     "thought)"},
    {"veto.advice.shouldnt_have_to", A, V, 0, 1.0f, "(should|would) not have to"},
    // Banter: "you're too kind, stop it", "haha get out".
    {"veto.advice.courtesy", A, V, 0, 1.0f, "^ (oh)? (stop it|get out|shut up|stop|behave|go on with you) $"},
    // Planning side by side ("would it help to work out together...") seeks collaboration, it does not
    // direct.
    {"veto.advice.together", A, V, 0, 1.0f,
     "(work|figure|think|plan|sort|look|talk) (it|this|that|things|them)? (out|through|at)? together"},
    // "So you have to be up at five": "so" picks up the client's situation and gives it back.
    {"veto.advice.so_you_have_to", A, V, 0, 1.0f, "^ so (now)? you (have|have got|got|gotta) to"},
    // Idioms about the helper's own words: "don't get me wrong", "I don't want to put words in your mouth".
    {"veto.advice.idiom", A, V, 0, 1.0f, "(do not get me wrong|put words in your mouth|do not quote me)"},
    // A need named for the client ("you need to know it's safe") reflects it.
    {"veto.advice.named_need", A, V, 0, 1.0f,
     "you (really|just)? need to (know|feel|hear|trust|be heard|be sure|be understood|be believed|be "
     "safe)"},
    {"veto.advice.named_need", A, V, 0, 1.0f, "you (really|just)? (have|got) to know that"},
    {"veto.advice.nobody_should", A, V, 0, 1.0f, "(no one|nobody) (should|has to|deserves)"},
    // The helper's own availability ("you can call me any time") is an offer, not a plan for the
    // client's life.
    {"veto.advice.offer", A, V, 0, 1.0f,
     "you (can|could) (always|also|just)? (call|contact|reach|text|message|email|ring|phone|find|ask|"
     "come back to|get back to|talk to|write to|get in touch with|get back in touch with) (me|us)"},
    {"veto.advice.offer", A, V, 0, 1.0f, "(get back|get|keep|stay) in touch with (me|us)"},
    {"veto.advice.offer", A, V, 0, 1.0f,
     "(feel free|do not hesitate) to (call|contact|reach out to|reach|text|message|email|ask|come back to|"
     "get back to|talk to|write to|get in touch with) (me|us)"},
    {"veto.advice.offer", A, V, 0, 1.0f,
     "reach (back)? out (to me|to us)? (again|anytime|any time|whenever)"},
    // Telling the helper is talking, not acting: "maybe you can let me know what matters most".
    {"veto.advice.invite_talk", A, V, 0, 1.0f,
     "you (can|could|might) (maybe|perhaps|just)? (let me know|tell me|share with me|fill me in|walk me "
     "through|say more)"},
    // Leave to talk here: "you can share anything with me", "you can talk as long as you like".
    {"veto.advice.invite_talk", A, V, 0, 1.0f,
     "you (can|could) (always|just|also)? (go ahead and)? (share|talk|vent|open up) *3 (with me|to me|here|"
     "freely|as much as|as long as)"},
    {"veto.advice.invite_talk", A, V, 0, 1.0f, "you (can|could) (always|just)? go ahead and (tell|ask) me"},
    // Speculation about what the client may not have to do: "perhaps you might not need to sleep so late".
    {"veto.advice.speculation", A, V, 0, 1.0f, "you (might|may|could) not (have to|need to|be|feel|even)"},
    // A step left to the client's own wishes supports their autonomy: "start wherever you like".
    {"veto.advice.your_call", A, V, 0, 1.0f,
     "(wherever|whatever|whichever|however|where) you (want|like|choose|prefer|decide|feel like)"},
    {"veto.advice.your_call", A, V, 0, 1.0f, "do what you (want|like|feel|choose)"},
    // How to work the chat itself ("press quit at your end", "fill in the survey") is not advice
    // about the client's life.
    {"veto.advice.platform", A, V, kSentenceScope, 1.0f,
     "(press|click|hit|tap|push|select|choose) (on)? (the)? (quit|submit|end|finish|send|exit|leave|done)"},
    {"veto.advice.platform", A, V, kSentenceScope, 1.0f,
     "(take|fill|fill out|fill in|complete|do) (the|a|this|that) (survey|questionnaire|questionaire|form)"},
    {"veto.advice.platform", A, V, kSentenceScope, 1.0f,
     "(end|close|quit|leave|exit|finish) (the|this) (chat|session|conversation|convo)"},
    {"veto.advice.platform", A, V, kSentenceScope, 1.0f,
     "(end|close|quit|leave|exit|finish|stop) (it|this|the chat|the conversation|the session)? (from|on|at) "
     "(your|my) (end|side)"},
    {"veto.advice.platform", A, V, kSentenceScope, 1.0f, "(end|close|quit|finish) (it)? first"},
    {"veto.advice.platform", A, V, kSentenceScope, 1.0f,
     "(press|click|hit|tap|push|use) (on)? the (red|green|blue|grey|gray|quit|end|finish|submit|exit)? "
     "button"},

    // Minimising reassurance: closes the feeling instead of exploring it.
    {"reassurance.dont_worry", R, E, 0, 0.9f, "(do not|no need to|never|try not to) (worry|stress|panic)"},
    {"reassurance.dont_worry", R, E, kNegatable, 0.85f, "nothing to worry about"},
    // "Should" foretelling, not directing: "you should be fine", "you shouldn't have much trouble".
    {"reassurance.dont_worry", R, E, kVetoAdvice, 0.8f,
     "(should|would) not (have|need) (anything|much) to worry about"},
    {"reassurance.dont_worry", R, E, kVetoAdvice, 0.8f,
     "you should not (be|feel) (too|so|that|very)? (worried|nervous|scared|afraid|anxious|stressed)"},
    {"reassurance.will_be_fine", R, E, kVetoAdvice, 0.8f,
     "you should (all)? (be|feel) (just|totally|perfectly)? (fine|okay|ok|alright|all right|safe)"},
    {"reassurance.dont_worry", R, E, 0, 0.85f, "stop (worrying|stressing)"},
    {"reassurance.dont_worry", R, E, 0, 0.8f,
     "(do not|no need to|never) feel (bad|guilty|sad|ashamed|embarrassed|stupid)"},
    {"reassurance.dont_worry", R, E, kVetoAdvice, 0.8f,
     "you (should not|do not need to|do not have to) (feel|be) (bad|guilty|sad|ashamed|embarrassed|"
     "stupid|worried|scared|afraid|upset)"},
    // Talking the client out of blaming themselves argues the feeling away, like "don't worry".
    {"reassurance.dont_blame_yourself", R, E, kVetoAdvice, 0.8f,
     "(do not|never|try not to|please do not|you should not|you do not need to|you do not have to|no need "
     "to|do not think you should) (blame|beat|punish|judge|doubt|hate|criticize|criticise|be (so|too)? "
     "(hard|harsh|tough) on) yourself"},
    // Arguing a feeling away is reassurance however it is phrased: "don't let it get to you",
    // "don't think like that", "don't put yourself down".
    {"reassurance.dont_worry", R, E, kVetoAdvice, 0.8f,
     "(do not|never|try not to) let *4 (get to you|get you down|bring you down|get the best of you|define "
     "you|weigh on you|weigh you down|get under your skin|destroy your|take control of you|control you)"},
    {"reassurance.not_that_bad", R, E, kVetoAdvice, 0.75f,
     "(do not|please do not|try not to) (think|overthink) (like)? (that|about (it|that|this)|too much|so "
     "much|much)"},
    {"reassurance.dont_blame_yourself", R, E, kVetoAdvice, 0.8f,
     "(do not|never|try not to) (put|get|be) (yourself down|(so|too|to)? (hard|harsh|tough) on yourself)"},
    {"reassurance.dont_blame_yourself", R, E, kVetoAdvice, 0.8f,
     "(do not|never|try not to) put (too much|so much|all the|the) (pressure|blame) on yourself"},
    {"reassurance.dont_worry", R, E, kVetoAdvice, 0.8f,
     "do not think you (should|need to|have to) (feel|be) (bad|guilty|sad|ashamed|embarrassed|stupid|"
     "sorry|worried|scared|afraid|upset)"},
    {"reassurance.will_be_fine", R, E, kNegatable, 0.9f,
     "(it|everything|things|you|this|all|that) (will|is going to|are going to) (all)? (be|turn out|work "
     "out) (all)? (fine|okay|ok|alright|great|good|better|perfect|well)"},
    {"reassurance.will_be_fine", R, E, kNegatable, 0.85f,
     "(it|everything|things|this) (will|is going to|are going to) (all)? (work|sort|turn) (itself|"
     "themselves)? out"},
    {"reassurance.will_be_fine", R, E, kNegatable, 0.85f,
     "you (will|are going to) (be|feel|get) (fine|okay|ok|alright|better|over it|through this|through it)"},
    {"reassurance.will_be_fine", R, E, kNegatable | kNotInQuestion, 0.85f,
     "(it|everything|things|life) will (slowly|eventually|surely|definitely|soon|hopefully|all)? (begin to|"
     "start to)? (be|get|become) (better|easier)"},
    {"reassurance.will_be_fine", R, E, kNegatable | kNotInQuestion, 0.8f,
     "(it|everything|things|life) (will|is going to|are going to) (slowly|eventually|surely|definitely|soon|"
     "hopefully)? (calm down|settle down|look up|ease up|pick up|turn around)"},
    {"reassurance.will_be_fine", R, E, kNegatable, 0.8f,
     "(we|you|we all|you all) (will|are going to) (all)? (make it|get|come out) (through|out of)? (this|it|"
     "the other side)"},
    {"reassurance.will_be_fine", R, E, kNegatable, 0.8f,
     "(it|this|all this|all of this|the pandemic) will (hopefully|soon|eventually|surely|all)? (be over|end|"
     "pass) (soon)?"},
    {"reassurance.platitude", R, E, kNegatable, 0.75f,
     "there is always (a way|hope|a solution|light|a silver lining|tomorrow)"},
    // Certainty about an outcome the helper cannot know: "I'm sure there is a way out", "I promise it
    // will fade", "I'm sure your mum will come round".
    {"reassurance.platitude", R, E, kNegatable | kNotInQuestion, 0.75f,
     "i (am|feel) (so|very|pretty|quite|really|totally)? (sure|confident|certain|positive|hopeful) (that)? "
     "there (is|are|will be) (a way|a solution|hope|light|something|someone|better days|an answer|a job|"
     "plenty|lots|many|other)"},
    {"reassurance.will_be_fine", R, E, kNegatable | kNotInQuestion, 0.75f,
     "i (can)? promise (you)? (that)? (it|things|this|everything|you|the pain|that feeling|this "
     "feeling|life) "
     "(will|is going to|are going to|gets|get)"},
    {"reassurance.will_be_fine", R, E, kNegatable | kNotInQuestion, 0.7f,
     "i (am|feel) (so|very|pretty|quite|really|totally)? (sure|confident|certain|positive|hopeful) (that)? "
     "(he|she|your @relative|your friends|your family|people|everyone|others|the people) *4 (will|would|"
     "are going to|is going to)"},
    {"reassurance.will_be_fine", R, E, kNegatable | kNotInQuestion, 0.75f,
     "(it|this|the pain|the feeling|that feeling|this feeling|these feelings|things|the hurt) will (slowly|"
     "eventually|surely|soon|definitely)? (fade|heal|ease|lessen|go away|improve|get easier|subside|change|"
     "pass)"},
    {"reassurance.will_be_fine", R, E, kNotInQuestion, 0.75f,
     "(it|this|that|(the|this) (pandemic|situation|lockdown|feeling|pain)|that "
     "feeling|things|covid|lockdown) (will "
     "not|is not going to|can not) last forever"},
    {"reassurance.will_be_fine", R, E, kNegatable | kNotInQuestion, 0.75f,
     "(we|you|we all|you all) (will|are going to|can) (all|definitely|surely)? (make it|get) through $"},
    {"reassurance.will_be_fine", R, E, kNegatable | kNotInQuestion, 0.75f,
     "(we|we all) (will|are going to|can) (all|definitely|surely)? (overcome|beat|get through|get past) (it|"
     "this|that)"},
    // Good fortune foretold: "good things will come to you", "the right job will come along".
    {"reassurance.platitude", R, E, kNegatable | kNotInQuestion, 0.75f,
     "(good things|better days|the right (one|person|job|opportunity)|something better|someone better|a "
     "better (job|one|person|guy|girl|partner|opportunity)|new opportunities) (will|are going to) (always)? "
     "(come|show up|happen|turn up|find you|come along|appear|be there)"},
    {"reassurance.at_least", R, E, 0, 0.85f,
     "at least (you|it|they|he|she|your|there|we|that|this|nobody|no one|the|now|nothing)"},
    {"reassurance.could_be_worse", R, E, kNegatable, 0.9f,
     "could (always)? (be|have been) (a lot|much|way)? worse"},
    {"reassurance.could_be_worse", R, E, kNegatable, 0.85f,
     "(others|other people|some people|lots of people|many people|plenty of people) have it (much|way|a "
     "lot|even)? worse"},
    {"reassurance.not_that_bad", R, E, 0, 0.85f,
     "(is|was|are) not (that|so|really|even)? (bad|serious|a big deal|the end of the world)"},
    {"reassurance.not_that_bad", R, E, 0, 0.85f, "not as bad as (you think|it seems|it looks|you feel)"},
    {"reassurance.not_that_bad", R, E, 0, 0.85f,
     "(not|no need to|do not) make a big (thing|deal) (of|out of)"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f,
     "(you have|you have got|you got) (so much|a lot|everything|plenty|lots) to live for"},
    {"reassurance.not_that_bad", R, E, kVetoAdvice, 0.75f,
     "^ (do not|you should not) (say|talk like|think like) that"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f, "(no|not a) big deal"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f, "not the end of the world"},
    {"reassurance.platitude", R, E, kNegatable, 0.85f,
     "(everything happens for a reason|look on the bright side|cheer up|time heals|every cloud|think "
     "positive|think positively|stay positive|be positive|chin up)"},
    {"reassurance.platitude", R, E, kNegatable, 0.8f, "(it|this|that) (will|shall) pass"},
    {"reassurance.will_be_fine", R, E, 0, 0.8f,
     "(i am sure|i bet|i am certain|no doubt) (that)? *4 (will|would|is|are|was|does|did|only|just|"
     "probably|loves|love|means|meant|knows|know) *3 (fine|okay|ok|alright|around|round|nothing|busy|best)"},
    {"reassurance.will_be_fine", R, E, kNegatable, 0.8f,
     "(before you know it|look back on this and laugh|you will ace it|blessing in disguise|(will|it will) "
     "blow over|will come (round|around))"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f,
     "(it is|that is|its|it was) (probably|likely|most likely)? (just)? nothing (serious|to worry about)?"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f,
     "(it is|that is|its|it was) (only|just) (money|one|a single|a phase|a bad day) "
     "(exam|test|day|night|slip|"
     "mistake|job|guy|girl|date|trip)?"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f, "(no point|no use|not worth) worrying"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f, "(plenty|plenty more|lots|loads|other) (of)? fish"},
    {"reassurance.will_be_fine", R, E, 0, 0.8f,
     "(i am sure|i bet) (that)? (he|she|they|it|your) *1 (did|does|do|is|was|will|would) not *2 (mean|care|"
     "matter|notice|mind|blame)"},
    {"reassurance.will_be_fine", R, E, kNegatable, 0.8f,
     "(back on track|back to normal|back on your feet|over it|fine) (in no time|soon enough|in a few days)"},
    {"reassurance.not_that_bad", R, E, 0, 0.75f,
     "(everyone|everybody) (slips|relapses|messes up|screws up|fails) (sometimes|at some point)?"},
    {"reassurance.not_that_bad", R, E, 0, 0.8f,
     "(nobody|no one) (is going to|will|would) (even)? (notice|remember|care)"},
    {"reassurance.platitude", R, E, kNegatable, 0.8f, "(never|not) (gives|give) (us|you|anyone) more than"},
    {"reassurance.platitude", R, E, kNegatable, 0.75f,
     "(you are|you have|you still have) (young|loads of time|plenty of time|your whole life)"},
    {"reassurance.platitude", R, E, kNegatable, 0.8f,
     "you have (so much|a lot|lots|plenty) to be (grateful|thankful|happy) (for|about)"},

    // Judging the client or their choices.
    // "to see if it is silly or not" weighs it, it does not call it silly.
    {"veto.judgment.weighing", J, V, 0, 1.0f, "(if|whether) (it|that|this) (is|was) (really|so|too|a bit)?"},
    {"judgment.harsh_label", J, E, kNegatable, 0.85f,
     "(that|it|this) (was|is|sounds|seems) (really|so|pretty|very|kind of|a bit|a little|just)? (stupid|"
     "dumb|selfish|irresponsible|silly|foolish|lazy|childish|immature|ridiculous|pathetic|careless|"
     "reckless)"},
    // "That's crazy!" or "something wrong" is amazement or a question; "wrong of you" judges.
    {"judgment.harsh_label", J, E, kNegatable, 0.85f,
     "(that|it|this) (was|is|sounds|seems) (really|so|pretty|very|kind of|a bit|a little|just)? (wrong|"
     "crazy|insane|stupid|selfish|silly|irresponsible|careless|reckless|dumb) of you"},
    {"judgment.harsh_label", J, E, kNegatable, 0.8f,
     "(that|it|this) (is|was|seems) (really|so|pretty|kind of|just|honestly)? "
     "(crazy|insane|ridiculous|stupid|"
     "silly|pathetic) that you"},
    {"judgment.harsh_label", J, E, kNegatable, 0.8f,
     "(a|an|such a) (really|very)? (stupid|dumb|bad|terrible|silly|foolish|poor|horrible|awful) (idea|"
     "decision|choice|move|thing to do|mistake)"},
    {"judgment.harsh_label", J, E, kNegatable | kReported, 0.85f,
     "you (are|were) (being)? (so|really|just|too|very|way too)? (stupid|lazy|selfish|dramatic|"
     "irresponsible|ridiculous|weak|childish|immature|paranoid|naive|oversensitive|unreasonable|"
     "overreacting|overthinking|exaggerating|pathetic|silly|sensitive|crazy)"},
    {"judgment.blame", J, E, kNegatable, 0.9f,
     "(it is|that is|it was|this is) (all|entirely|totally|really)? your (own)? fault"},
    {"judgment.blame", J, E, kNegatable, 0.9f, "you (only)? have (only)? yourself to blame"},
    {"judgment.blame", J, E, kNegatable, 0.9f, "you brought (this|it|that) on yourself"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "(what|why) were you thinking"},
    // "How could you be so careless?" blames; "how could you get more support?" asks.
    {"judgment.blame", J, E, kNegatable, 0.8f,
     "how could you (be so|be that|possibly|ever|even|not|let|do (that|this|something like that)|say (that|"
     "this)|think (that|this)|cheat|lie|treat|leave|hurt|forget|ignore|abandon|betray|hit|steal)"},
    {"judgment.blame", J, E, kNegatable, 0.75f,
     "why (would|did) you (ever|even)? (do|say) (that|this|something)"},
    {"judgment.excuses", J, E, kNegatable, 0.85f, "(stop|quit) making excuses"},
    {"judgment.excuses", J, E, 0, 0.85f, "(that|this) is (no|just an|only an) excuse"},
    {"judgment.excuses", J, E, kNegatable, 0.8f, "(that|those|these) (are|is) (just)? excuses"},
    {"judgment.should_have", J, E, kNegatable | kReported | kVetoAdvice, 0.85f,
     "you (should|ought to) (not)? have (known|done|listened|called|gone|told|been|thought|said|asked|"
     "seen|left|stopped|quit|tried|waited|stayed|talked|spoken|taken|realized|realised|noticed|come|"
     "gotten|got|paid|saved)"},
    {"judgment.invalidating", J, E, kVetoAdvice, 0.8f,
     "you (should not|do not need to|have no reason to) feel (that way|like that|this way|that)"},
    {"judgment.invalidating", J, E, 0, 0.8f, "you do not (really)? mean (that|it)"},
    {"judgment.harsh_label", J, E, kNegatable | kReported, 0.8f,
     "(was|were|is|are|being) (probably|just|really|totally|so|being)? (just|being)? (overreacting|"
     "dramatic|paranoid|hysterical|selfish|lazy)"},
    // About the world, not the client: "it's ridiculous how rents keep rising".
    {"veto.judgment.about_world", J, V, 0, 1.0f,
     "(is|was) (pretty|really|so|just|kind of|absolutely)? (ridiculous|crazy|insane|silly|stupid|absurd) "
     "(that)? "
     "(how|what|the way|when|people|they|the|rent|rents|prices|there|things|everything|some|nobody|no "
     "one|it)"},
    {"judgment.invalidating", J, E, kNegatable, 0.85f,
     "^ (just)? (grow up|man up|get over it|toughen up|suck it up)"},
    {"judgment.invalidating", J, E, kNegatable, 0.85f,
     "you (need to|have to|should|just need to|just have to|gotta|must|got to) (just)? (grow up|man up|get "
     "over "
     "it|toughen up|suck it up)"},
    {"judgment.invalidating", J, E, kNegatable, 0.85f, "(shame on you|you should be ashamed)"},
    {"judgment.blame", J, E, kNegatable, 0.85f, "(that|it|this) (is|was) (all|entirely)? on you $"},
    {"judgment.blame", J, E, kNegatable, 0.85f, "(nobody|no one) (made|forced) you"},
    {"veto.judgment.not_your_fault", J, V, kSentenceScope, 1.0f, "none of (this|it|that) (is|was) your"},
    {"judgment.blame", J, E, kNegatable | kReported, 0.8f, "your (own)? fault"},
    {"veto.judgment.felt_fault", J, V, 0, 1.0f,
     "(feel|feels|felt|feeling|think|thinks|thought|believe|believes) (like)? (that)? (it is|it was)? (all)? "
     "your "
     "(own)? fault"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "what did you (expect|think would happen)"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "(you|you have|you) made your (own)? bed"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "your own worst enemy"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "(that is|this is) what happens when you"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "why do you (always|keep) (do|doing) (this|that)"},
    {"judgment.blame", J, E, kNegatable, 0.75f,
     "if you (had|would have) (just|only)? (stuck|listened|stayed|gone|kept|followed|gone to)"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "(can not|cannot) believe you (would|did|could)"},
    // "The problem is you feel disrespected" names the client's feeling; "the problem is you never listen"
    // blames.
    {"judgment.blame", J, E, kNegatable, 0.8f,
     "(your|the) (only|real)? problem is (that)? you (are|were|do not|never|always|keep|just|refuse|will not|"
     "can not|did not|@verb|overthink|overreact|worry too much|think too much)"},
    {"judgment.blame", J, E, kNegatable, 0.8f, "(your|the) (only|real)? problem is (that)? you $"},
    {"judgment.should_have", J, E, kNegatable | kVetoAdvice, 0.85f, "should (not)? have known better"},
    {"judgment.should_have", J, E, kNegatable | kVetoAdvice, 0.85f,
     "you (really|honestly|seriously|definitely)? (should|ought to) (not|never)? have (let|known|trusted|"
     "gone|used|drunk|taken|done|listened|told|called|left|stopped)"},
    {"judgment.should_have", J, E, kNegatable, 0.8f,
     "(old enough|too old) to (know better|be acting|be doing)"},
    {"judgment.excuses", J, E, kNegatable, 0.85f, "(you are|just|keep|always|still) making excuses"},
    {"judgment.harsh_label", J, E, kNegatable, 0.85f,
     "(a|such a|the)? (pretty|really|very|so|kind of|rather)? (immature|selfish|stupid|dumb|cold|cowardly|"
     "lazy|manipulative|pathetic|weak|naive|low|irresponsible|childish|cruel|heartless|shameful|"
     "ungrateful) (way|thing|move|choice|decision|of you)"},
    {"judgment.harsh_label", J, E, kNegatable | kNotInAskedQuestion, 0.85f,
     "(that|what you did|doing that) (is|was) (just|simply|plain|flat "
     "out|totally|so|pretty|really|honestly)? "
     "(wrong|shameful|low|naive|manipulative|pathetic|immature|weak|cold|ungrateful|selfish)"},
    {"judgment.harsh_label", J, E, kNegatable, 0.85f,
     "you (sound|seem|look|are being|are|were) (so|really|kind of|a bit|pretty|just|being)? (ungrateful|"
     "selfish|lazy|dramatic|immature|spoiled|entitled|weak|manipulative|naive|pathetic)"},
    {"judgment.harsh_label", J, E, kNegatable, 0.85f, "(drama queen|crybaby|cry baby|low as it gets)"},
    {"judgment.harsh_label", J, E, kNegatable, 0.75f,
     "(do not|does not) want (it|recovery|sobriety|to get better|to change) (badly|bad)? enough"},
    {"judgment.harsh_label", J, E, 0, 0.8f, "(not|no) (a)? good enough reason"},
    {"judgment.taking_sides", J, E, kNegatable | kReported, 0.75f,
     "(your|his|her|their|those|these) "
     "(@relative|parents|caseworker|caseworkers|worker|workers|people|doctor|"
     "doctors|staff|team) (is|are|was|were) (so|being|just|really|totally)? "
     "(wrong|selfish|toxic|manipulative|"
     "controlling|crazy|awful|terrible|horrible|abusive|narcissistic|useless|incompetent|disgraceful|"
     "guilt-tripping you|manipulating you)"},
    {"judgment.taking_sides", J, E, kNegatable, 0.75f,
     "(should be ashamed of themselves|(awful|terrible|horrible|useless) people)"},
    {"judgment.harsh_label", J, E, 0, 0.8f, "(was|is) not (very)? (smart|bright|clever|wise)"},
};

}  // namespace

std::span<const RuleSpec> directive_rules() {
  return kRules;
}

}  // namespace attune::scoring::detail
