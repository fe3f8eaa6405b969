// Listening behaviours: question cues, reflection stems and markers, summaries,
// affirmation, autonomy, permission, information, self-disclosure, filler.
// Plain questions and stem-less reflections are recognised from sentence shape
// in coder_sentence.cpp; these are the phrases that name the behaviour outright.
#include "coder_rules.h"

namespace attune::scoring::detail {
namespace {

constexpr Code OQ = Code::open_question;
constexpr Code CQ = Code::closed_question;
constexpr Code SR = Code::simple_reflection;
constexpr Code CR = Code::complex_reflection;
constexpr Code SU = Code::summary;
constexpr Code AF = Code::affirmation;
constexpr Code AU = Code::emphasize_autonomy;
constexpr Code PE = Code::seek_permission;
constexpr Code IN = Code::information;
constexpr Code SD = Code::self_disclosure;
constexpr Code FI = Code::filler;
constexpr Role E = Role::kEmit;
constexpr Role ST = Role::kStem;
constexpr Role MK = Role::kMarker;
constexpr std::uint16_t N = kNegatable;

constexpr RuleSpec kRules[] = {
    // Invitations to elaborate are open questions even without a question mark.
    // Chat greetings often drop the question mark: "hey, how are you doing".
    {"question.open.how_are_you", OQ, E, 0, 0.8f,
     "how are you (doing|feeling|holding up|coping|getting on|today|tonight)"},
    {"question.open.how_are_you", OQ, E, 0, 0.8f,
     "how (are you|have you been|is your (day|week|weekend|evening|morning|night)|is it going|are things) $"},
    {"question.open.tell_me", OQ, E, kVetoAdvice, 0.9f,
     "^ (can|could|would|will)? you? tell (me|us) (more|a little|a bit|about|what|how|why|when|where|who|"
     "something|anything)"},
    {"question.open.say_more", OQ, E, kVetoAdvice, 0.85f,
     "^ (can|could|would)? you? (say|share|talk) (a little|a bit|some)? more"},
    {"question.open.say_more", OQ, E, kVetoAdvice, 0.85f, "^ (talk|speak) to me about"},
    {"question.open.say_more", OQ, E, kVetoAdvice, 0.85f, "^ (can|could|would)? you? (walk|take) me through"},
    {"question.open.describe", OQ, E, kVetoAdvice, 0.85f,
     "^ (can|could|would)? you? (describe|explain) (to me|for me|what|how|why|a little|a bit|more|that|"
     "this|it)"},
    {"question.open.describe", OQ, E, kVetoAdvice, 0.8f, "^ describe"},
    {"question.open.help_me_understand", OQ, E, kVetoAdvice, 0.9f, "help me (to)? understand"},
    {"question.open.curious", OQ, E, 0, 0.85f,
     "i (would|will)? (like|love|want) to (hear|know|understand|learn) (more|about|what|how|why|a little|"
     "a bit)"},
    {"question.open.curious", OQ, E, 0, 0.85f, "i am (really)? curious (about|what|how|why|to hear|to know)"},
    {"question.open.invite", OQ, E, kVetoAdvice, 0.8f,
     "^ (can|could|would) you (think of|give me|share|explain|describe|talk|say|help me|remember|walk|"
     "imagine|picture|paint)"},
    {"question.open.invite", OQ, E, 0, 0.75f, "^ any (other|more)? (thoughts|ideas|sense|guesses|reactions)"},
    {"question.open.anything_else", OQ, E, 0, 0.75f, "^ (anything|something|what) else"},
    {"question.open.wonder_wh", OQ, E, 0, 0.8f,
     "i (wonder|am wondering|was wondering) (what|how|why|where|when|who)"},
    {"question.closed.wonder_if", CQ, E, 0, 0.6f, "i (wonder|am wondering|was wondering) (if|whether)"},
    // Checking a reflection ("..., is that right?"): the turn's main act is the reflection.
    {"question.closed.check", CQ, E, 0, 0.7f,
     "^ (is|was) (that|this|it) (right|correct|true|accurate|fair|about right|what you (are saying|mean|"
     "meant|are getting at))"},
    {"question.closed.check", CQ, E, 0, 0.7f,
     "^ (am i|have i got) (right|correct|close|getting (that|this|it) right|understanding (you|that|this) "
     "(right|correctly)?|on the right track)"},
    {"question.closed.check", CQ, E, 0, 0.7f,
     "^ (did|do) i (get|understand|have|hear) (that|this|it|you)? (right|correctly)"},
    {"question.closed.check", CQ, E, 0, 0.7f,
     "^ (does|would) (that|this) (sound|seem) (right|about right|accurate|fair|correct)"},
    {"question.closed.check", CQ, E, 0, 0.7f,
     "^ (have|did) i (understood|understand|got|get|heard|hear) (that|this|it|you)? (right|correctly)"},
    {"question.closed.check", CQ, E, 0, 0.7f,
     "^ am i (understanding|hearing|getting|reading) (that|this|you|it)? (right|correctly)"},
    {"question.closed.check", CQ, E, 0, 0.7f, "^ (would|am) i (be)? right (in thinking|to (think|say))"},
    {"question.closed.check", CQ, E, 0, 0.7f, "^ do you agree (with (that|this|me))? $"},
    {"question.closed.check", CQ, E, 0, 0.7f, "^ is (that|this) how you (feel|see it|feel about it) $"},

    // Reflection stems. The code decides how to judge complexity: simple_reflection
    // = compare with the client's words, complex_reflection = the stem itself adds meaning.
    {"reflection.sounds_like", SR, ST, 0, 0.9f,
     "(it|that)? (sounds|sounded) (like|as if|as though|to me like)"},
    {"reflection.sounds_like", SR, ST, 0, 0.85f,
     "(it|that|this) (sounds|sounded) (really|so|very|pretty|quite|incredibly|kind of|a bit)? (@eval|"
     "@feeling)"},
    {"reflection.seems", SR, ST, 0, 0.85f,
     "(it|that) (seems|seemed|looks|looked|appears) (like|as if|as though|to me)"},
    {"reflection.seems", SR, ST, 0, 0.85f, "you (seem|seemed|appear) (to be|like)?"},
    {"reflection.seems", SR, ST, 0, 0.8f, "^ (seems|looks|feels) (like|as if|as though)"},
    {"reflection.i_hear", SR, ST, 0, 0.85f,
     "i (am)? (hear|hearing) (that|you say|you saying|you are|what you|a lot of|how|some)"},
    {"reflection.i_hear", SR, ST, 0, 0.85f, "what i (am)? (hear|hearing) (is|you|from you)?"},
    {"reflection.you_feel", SR, ST, 0, 0.85f,
     "you (are|have been|were|might be|may be|seem to be|must be|kind of|really|still|also|just)? (feel|"
     "feeling|felt|feels)"},
    {"reflection.so_you", SR, ST, 0, 0.7f, "so you|your"},
    {"reflection.you_are_saying", SR, ST, 0, 0.85f, "you are (saying|telling me|describing)"},
    // Checking one's understanding out loud: "if I understand you right, ...", "from what I gather".
    {"reflection.if_i_understand", SR, ST, 0, 0.85f,
     "(if|as far as|from what) i (understand|understood|get|got|gather|hear|heard|am understanding) (you|"
     "this|that|it)? (correctly|right|clearly|properly)?"},
    {"reflection.if_i_understand", SR, ST, 0, 0.85f, "(from|to|in) my understanding"},
    {"reflection.if_i_understand", SR, ST, 0, 0.85f,
     "^ (just)? to (make sure|check|be sure) (that)? i (understand|understood|have (this|that|it) right|get "
     "(this|that|it|you) right|am following)"},
    {"reflection.if_i_understand", SR, ST, 0, 0.85f, "^ (so)? i (gather|take it) (that)? you"},
    {"reflection.you_are_saying", SR, ST, 0, 0.85f,
     "what i (am)? (hear|hearing) (you)? (saying|say|tell me|telling me)? (is|are)"},
    {"reflection.you_are_saying", SR, ST, 0, 0.85f, "what you are (saying|describing|telling me)"},
    {"reflection.you_are_saying", SR, ST, kNotInQuestion, 0.75f,
     "you (have)? (said|mentioned|told me|described|noticed|realized|realised)"},
    {"reflection.wondering", SR, ST, 0, 0.8f,
     "you are (wondering|not sure|unsure|torn|struggling|trying to figure out|thinking about|considering|"
     "hoping|questioning)"},
    {"reflection.part_of_you", CR, ST, 0, 0.9f, "part of you"},
    {"reflection.on_one_hand", CR, ST, 0, 0.9f, "(on|in) (the)? one hand"},
    {"reflection.on_one_hand", CR, ST, 0, 0.85f, "on the other hand"},
    {"reflection.must_be", SR, ST, 0, 0.85f, "(that|it|this) must (be|have been|feel|have felt)"},
    {"reflection.must_be", SR, ST, 0, 0.8f,
     "(that|it|this) (would|could|can|might) (be|feel|make you feel) (really|so|very|pretty|quite|"
     "incredibly|such a)? (@eval|@feeling)"},
    {"reflection.must_be", CR, ST, 0, 0.85f, "you must (be|feel|have been|have felt)"},
    {"reflection.inference", CR, ST, 0, 0.8f, "i imagine (that)? (you|it|this|that|there)"},
    {"reflection.inference", CR, ST, 0, 0.8f,
     "i (get|have|am getting) (the|a) (strong|real|clear|definite)? (sense|feeling|impression)"},
    {"reflection.inference", CR, ST, 0, 0.8f, "i sense (that)?"},
    {"reflection.inference", CR, ST, 0, 0.75f,
     "my (guess|sense|hunch|impression) is (that)? (you|your|it|this|that)"},
    // Empathic understanding that names what the client feels: "I can see how tired you are".
    {"reflection.understand", SR, ST, 0, 0.75f,
     "i (can|do|really|completely|totally|fully|truly|definitely)? (can)? (understand|imagine|feel|sense|"
     "see|tell|hear|relate to) (how|why|what|that|your|the) *6 (@feeling|@eval)"},
    {"reflection.understand", SR, ST, 0, 0.7f,
     "i (am)? sure (that)? (it|this|that) (is|was|has been|must be|must have been|can be|feels|felt) "
     "(really|so|very|pretty|quite|incredibly|a bit|kind of)? (@feeling|@eval)"},
    {"reflection.inference", SR, ST, 0, 0.75f, "i am (picking up|sensing)"},
    {"reflection.inference", SR, ST, 0, 0.75f,
     "i am (getting|noticing|hearing) (a|the|some)? (sense|theme|feeling)"},
    {"reflection.inference", SR, ST, 0, 0.7f, "i (guess|suspect) (that)? (you|it|this|that)"},
    {"reflection.inference", SR, ST, 0, 0.6f, "i (think|suppose|bet|believe) (that)? (you|your)"},
    {"reflection.inference", SR, ST, 0, 0.7f, "i can (see|tell) (that|how)? (you|this|it|that)"},
    {"reflection.a_lot", SR, ST, 0, 0.8f,
     "(that|it|this) (is|sounds like|must be|has been|seems like|was) (a lot|so much|quite a lot|a whole "
     "lot)"},
    {"reflection.evaluation", SR, ST, 0, 0.75f,
     "^ (that|it|this|things|life|everything) (is|was|has been|have been|are|were|can be|gets|got|is "
     "getting) (really|so|very|pretty|quite|incredibly|such a|a bit|kind of|super|extremely|just)? "
     "(@eval)"},
    {"reflection.evaluation", SR, ST, 0, 0.7f,
     "^ (what a|such a) (@eval|lot|mess|shame|struggle|relief|burden)"},

    // Evidence that a reflection goes beyond the client's words.
    {"marker.double_sided", SR, MK, 0, 1.0f, "(but|and yet|yet) (at the same time)? (you|your|part|a part)"},
    {"marker.double_sided", SR, MK, 0, 1.0f,
     "(at the same time|even though|although|even if|on the other hand)"},
    {"marker.metaphor", SR, MK, 0, 1.0f,
     "(as if|as though|like a|like an|it is like|kind of like|almost like)"},
    {"marker.meaning", SR, MK, 0, 1.0f,
     "(important|matters|means a lot|meaningful|precious|valuable) to you"},
    {"marker.meaning", SR, MK, 0, 1.0f,
     "you (value|really value|care about|really care about|really want|want most|would rather)"},
    {"marker.meaning", SR, MK, 0, 1.0f,
     "(deep down|underneath|more than anything|the real (issue|problem|question|thing)|really about|what "
     "matters)"},
    {"marker.meaning", SR, MK, 0, 1.0f, "because you"},

    // Summaries gather several things the client said.
    {"summary.so_far", SU, E, 0, 0.85f, "so far (you|we|today)"},
    {"summary.recap", SU, E, 0, 0.85f,
     "(let me|let us|if i (can|could|may)) (see if i can|just|try to|quickly)? (summarize|summarise|sum "
     "up|sum this up|sum that up|recap|pull (this|that|it|things|all this) together|go over what)"},
    {"summary.recap", SU, E, 0, 0.85f,
     "let me (see|make sure|check) (if|that)? i (have|got|understand|heard|am understanding|am getting)"},
    {"summary.recap", SU, E, 0, 0.85f, "(to|just to) (sum up|summarize|summarise|recap)"},
    {"summary.recap", SU, E, 0, 0.85f, "in (summary|sum)"},
    {"summary.recap", SU, E, kNeedsJoin, 0.8f, "(what|so what) i have heard (so far|today|is)"},
    {"summary.gathered", SU, E, 0, 0.8f,
     "you have (told me|mentioned|talked about|described|shared|said|raised|brought up) (a few|several|"
     "some|a couple of|two|three|many|a lot of|lots of) (things|reasons|ways|concerns|ideas|worries|"
     "points)"},
    {"summary.gathered", SU, E, 0, 0.8f,
     "(a few|several|a couple of|two|three) (things|reasons|concerns|ideas|worries) (that)? you "
     "(mentioned|have|talked|said|shared|brought up|raised)"},
    {"summary.gathered", SU, E, kNeedsJoin, 0.75f, "you have (told me|mentioned|talked about|described)"},

    // Affirmation: names a strength or effort of the client's.
    {"affirmation.courage", AF, E, N, 0.9f,
     "(that|it|this|you|what you did) (took|takes|must have taken|must take|shows|showed|show|needed|has "
     "taken) (a lot of|real|so much|some|great|a great deal of|a ton of)? (courage|guts|strength|bravery|"
     "commitment|determination)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.8f,
     "you (are|were|have been|really are|seem|are being|are clearly|were really) (so|really|very|"
     "incredibly|such|clearly|obviously)? (a)? (brave|courageous|strong|resilient|resourceful|determined|"
     "thoughtful|insightful|committed|caring|wise|capable|persistent|dedicated|generous|creative|loving|"
     "devoted|good at|great at|hard working|hardworking|self-aware)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.8f,
     "you (are|were|have been) (a|such a|a really|a very) (good|great|caring|loving|devoted|wonderful|"
     "strong|dedicated) (mom|mother|dad|father|parent|friend|person|partner|son|daughter|worker|employee)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.75f,
     "you (have|have got|got|clearly have) (a lot of|many|real|so many|some|lots of|great|so much) "
     "(strengths|skills|resources|courage|strength|insight|wisdom|determination)"},
    // A quality the client has shown, named: "you clearly take real pride in your work", "you've shown
    // so much patience", "you obviously have a lot of resilience", "you really stuck to your values".
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.75f,
     "you (clearly|obviously|really|truly|definitely)? (take|took|put|have|show|showed|have shown|have "
     "put|keep|kept|stuck to|stick to|stand by|stood by) (so|such)? (real|a lot of|so much|great|genuine|"
     "such|lots of|a great deal of)? (pride|effort|resilience|patience|strength|courage|determination|heart|"
     "commitment|dedication|compassion|honesty|integrity|care|your values|your word|thought)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.75f,
     "you (have|'ve)? come (such|so|a really|a very)? (a)? (long way|far)"},
    // The helper's verdict on what the client did, after it: "..., that's not easy", "..., that's a
    // step", "..., which isn't easy", "that really says something about you".
    {"affirmation.effort", AF, E, N | kKeepsReflection, 0.7f,
     "(that|which|this|and that) (is|was) (not|no|really not|never) (easy|small thing|small feat|a small "
     "thing)"},
    {"affirmation.effort", AF, E, 0, 0.7f,
     "^ (that|this) (is|was) (a|a real|a big|a huge|an important|no small)? (step|rare|what counts|what "
     "matters|something to be proud of) $"},
    {"affirmation.effort", AF, E, 0, 0.7f,
     "(that|this|it) (really)? (says|shows) (something|a lot|so much) about you"},
    {"affirmation.shows", AF, E, N, 0.7f,
     "(shows|showed|says) how much (you|she|he|they|it|this) (care|cared|love|loved|meant|mean|means|"
     "matter|matters|value)"},
    {"affirmation.shows", AF, E, N | kKeepsReflection, 0.7f,
     "the way (you|you have|you are) *6 (is|was) (really|honestly|so|truly|just)? (impressive|lovely|"
     "amazing|admirable|inspiring|wonderful|incredible|remarkable|beautiful)"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "(anyone|anybody|everyone|most people) would (in your (shoes|position|place))? $"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "^ of course you (feel|felt|would feel) (that way|like that)"},
    {"affirmation.good_step", AF, E, N, 0.8f,
     "(that is|that was|this is|that sounds like|sounds like|what a|it is|that would be) (a|an|such a)? "
     "(really|very)? (great|good|wonderful|excellent|huge|big|important|positive|fantastic|amazing|"
     "brilliant|real|healthy|smart|solid|courageous|brave) (step|idea|insight|start|progress|achievement|"
     "accomplishment|decision|effort|change|plan|move|goal|sign|first step|realization|realisation|thing "
     "to do)"},
    {"affirmation.effort", AF, E, N, 0.8f,
     "you (have|had)? (really|clearly|obviously)? (worked|tried|been working|been trying|fought|pushed) "
     "(so|really|very|incredibly)? hard"},
    {"affirmation.effort", AF, E, N, 0.8f,
     "you (have|have already|already)? (made|done|put in|achieved) (real|a lot of|great|good|some|so "
     "much|huge|tremendous|such|amazing) (progress|effort|work|changes|strides)"},
    // Thanks for the client's courage or trust affirms them; thanks for telling is courtesy.
    {"affirmation.thanks_for_trust", AF, E, 0, 0.85f,
     "(thank you|thanks) (so much|very much)? for (trusting|being (so)? (honest|open|brave)|your "
     "honesty|your "
     "openness|your courage|being willing)"},
    {"filler.thanks", FI, E, 0, 0.8f,
     "(thank you|thanks) (so much|very much)? for (sharing|telling|opening up|reaching "
     "out|explaining|letting "
     "me know)"},
    {"affirmation.thanks_for_trust", AF, E, 0, 0.85f,
     "i (really)? appreciate (you|your) (sharing|telling|honesty|openness|being|trust|effort|courage|"
     "willingness|talking|coming|doing|taking)"},
    {"affirmation.care", AF, E, N, 0.8f,
     "you (clearly|obviously|really|truly|genuinely|deeply|must) (care|love|cared|loved) (so much|a lot|"
     "deeply)? (about|for)?"},
    {"affirmation.care", AF, E, N, 0.8f, "it is (clear|obvious) (that)? you (care|love|want|are|have)"},
    {"affirmation.care", AF, E, N, 0.8f, "you care (so much|a lot|deeply) about"},
    {"affirmation.praise", AF, E, N, 0.85f,
     "i am (so|really|very|truly)? (proud of|impressed|inspired|amazed by|glad you|happy you)"},
    {"affirmation.praise", AF, E, 0, 0.85f,
     "(good for you|well done|way to go|good job|great job|nice work|nice job|great work|amazing work|"
     "bravo)"},
    // "A routine will be good for you" predicts, it does not praise.
    {"veto.affirmation.good_for_you", AF, Role::kVeto, 0, 1.0f,
     "(be|is|was|are|been) (really|so|very)? good for you"},
    {"affirmation.praise", AF, E, kVetoAdvice, 0.85f,
     "you should (be|feel) (really|so|very)? (proud|pleased)"},
    {"affirmation.praise", AF, E, N, 0.8f,
     "you (did|have done|are doing|have been doing) (a)? (really|so)? (great|good|amazing|fantastic|"
     "wonderful|brilliant|well|the right thing|your best|an amazing|a great|a good)"},
    // Confidence in what the client can do is not a plan for them: kVetoAdvice.
    {"affirmation.praise", AF, E, N | kVetoAdvice, 0.75f,
     "you (can|will|could) (do|handle|get through) (it|this|that)"},
    {"affirmation.praise", AF, E, N | kVetoAdvice, 0.75f, "(give yourself|deserve) a (big)? pat on the back"},
    {"affirmation.praise", AF, E, 0, 0.8f, "(i|i really|i truly) believe in you"},
    {"affirmation.praise", AF, E, N, 0.8f,
     "i am (so|really|very|truly)? (happy|glad|thrilled|pleased) for you"},
    // "I'm happy for you to call the office" agrees to an arrangement; it does not praise.
    {"veto.affirmation.arrangement", AF, Role::kVeto, 0, 1.0f,
     "(happy|glad|pleased|thrilled) for you to "
     "(call|come|book|bring|contact|email|text|ring|join|use|take|go|"
     "leave|stop|reach|drop|send|share|ask|message|phone)"},
    {"affirmation.praise", AF, E, N, 0.8f, "i (really|truly|have to)? (commend|applaud|salute) you"},
    {"affirmation.praise", AF, E, N, 0.75f, "(lucky|blessed|fortunate) to have (you|someone like you)"},
    {"affirmation.praise", AF, E, 0, 0.75f, "(good|great|smart) thinking"},
    {"affirmation.praise", AF, E, N, 0.75f,
     "you deserve (so much|much|way|a lot|far)? (credit|to be proud|a lot of credit|better|more|to be "
     "happy|support|respect|kindness|to feel|to be (treated|loved|heard|respected|appreciated|valued))"},
    {"affirmation.praise", AF, E, 0, 0.75f, "^ you (have)? got this"},
    {"affirmation.praise", AF, E, kVetoAdvice, 0.8f,
     "keep (it up|up the good work|up the great work|going like this)"},
    // More of the client's strengths named outright: "you're so talented", "you sound like a caring dad".
    // Like every strength rule, the words also describe the client, so the plain reflection they carry
    // stays as the next choice (kKeepsReflection).
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.75f,
     "you are (so|very|really|truly|incredibly|clearly|obviously|definitely)? (smart|intelligent|beautiful|"
     "amazing|worthy|enough|talented)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.75f,
     "you (sound like|seem like|seem to be) (a|an|such a) (really|very|truly)? (good|great|strong|wonderful|"
     "caring|loving|amazing|kind|smart|thoughtful|brave|capable|determined|devoted|dedicated) (person|mom|"
     "mother|dad|father|friend|parent|woman|man|son|daughter|partner|wife|husband|sister|brother)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.75f, "(good|level) head on your shoulders"},
    {"affirmation.praise", AF, E, N | kKeepsReflection, 0.75f,
     "you deserve (something|someone) (so much)? better"},
    {"affirmation.normalising", AF, E, N | kKeepsReflection, 0.75f,
     "(your|that|the|those|these) (feeling|feelings|frustration|anger|reaction|fear|fears|worry|worries|"
     "concern|concerns|response|emotions|sadness|stress|anxiety) (is|are) (completely|totally|very|so|"
     "perfectly|entirely)? (understandable|valid|normal|natural|justified|reasonable|legitimate)"},
    {"affirmation.shows", AF, E, N, 0.7f,
     "(that|it|this) (shows|says|tells me) (a lot|how (much|committed|hard)|that you)"},
    {"affirmation.shows", AF, E, N, 0.7f, "you (managed|were able|have been able|found a way) to"},

    // Encouragement: cheering the client on is support, not a plan for them.
    {"affirmation.encouragement", AF, E, kVetoAdvice, 0.75f,
     "^ (stay|keep|be|remain) (so)? (strong|positive|hopeful|brave|optimistic|tough|motivated|focused)"},
    {"affirmation.encouragement", AF, E, kVetoAdvice, 0.75f,
     "(hang in there|hang on in there|keep your (head|chin) up|keep (going|pushing|fighting|trying|"
     "at it|your head up)|believe in yourself|do not (ever)? give up|never give up|(do not|try not to|"
     "never) lose (hope|faith))"},
    // The same cheer behind a modal: "you have to stay strong", "try to stay positive".
    {"affirmation.encouragement", AF, E, kVetoAdvice, 0.75f,
     "(you (have|need|got|just have|just need|must) to|try to|try and) (stay|keep|be|remain) (so)? "
     "(strong|positive|hopeful|brave|optimistic|tough|motivated)"},
    // Confidence in the client: "I'm sure you'll find a way", "you'll get through this".
    {"affirmation.confidence", AF, E, N, 0.75f,
     "i (am|feel|am really|am very|am pretty) (sure|confident|certain|positive) (that)? (you|things|it|"
     "everything|this|they) (will|can|would|are going to|is going to|are|have|did|were|had|know|do)"},
    // Gladness about the client's own step: "it's great that you kept going".
    {"affirmation.glad_you", AF, E, N, 0.75f,
     "(it is|that is|this is) (so|really|very|truly|just)? (great|good|wonderful|awesome|amazing|fantastic|"
     "brilliant|admirable|impressive|lovely) (that|how) you"},
    {"affirmation.good_step", AF, E, N, 0.75f,
     "(that|this|it) (is|would be|might be|could be|sounds like|seems like) (a)? (really|very)? (good|great) "
     "(place to start|starting point|first step|way to start)"},
    {"affirmation.good_step", AF, E, N, 0.75f,
     "(those|these|they) (sound|are|seem|look) (like)? (really|very|such)? (good|great|wonderful|excellent|"
     "healthy|smart|solid|positive|helpful) (ideas|steps|choices|plans|skills|coping skills|strategies|"
     "goals|changes|decisions|options)"},
    {"affirmation.confidence", AF, E, N, 0.75f,
     "i (really|truly|just)? (know|believe|trust|think) (that)? you (will|can|are going to|are able to|"
     "have what it takes)"},
    // "You can get through this" trusts the client; "you can find a group online" may still advise.
    {"affirmation.confidence", AF, E, N | kVetoAdvice, 0.7f,
     "you (will|can|are going to|will be able to|can definitely|will definitely|will surely) (get through|"
     "make it|overcome|get past|pull through|succeed|bounce back) (this|it|that|all of this|all this)?"},
    {"affirmation.confidence", AF, E, N, 0.7f,
     "you (will|can|are going to|will be able to|can definitely|will definitely|will surely) (get through|"
     "make it|overcome|figure (it|this|that) out|find (a|the|your|someone|something|another)|get past|beat|"
     "pull through|succeed|come out|bounce back|do (this|it|great|well))"},
    // Normalising and validating: the reaction makes sense, the client is not alone.
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "(it is|that is|this is|it was|that was|it would be|that would be) (completely|totally|perfectly|"
     "very|so|quite|entirely|only|really|absolutely)? (normal|natural|understandable|okay|ok|fine|valid|"
     "reasonable|human) (to|that you|for you|if you|when you)"},
    {"affirmation.normalising", AF, E, kWholeSentence, 0.75f,
     "(it is|that is|this is|that was|that is very|that is totally|that is completely|that is so|it is "
     "totally|it is completely|it is very) (understandable|valid|normal|natural|human)"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "your (feelings|reaction|reactions|emotions|concerns|fears|feelings here) (are|is) (completely|totally|"
     "perfectly|very|so|entirely)? (valid|normal|natural|understandable|justified|reasonable)"},
    {"affirmation.normalising", AF, E, 0, 0.8f, "you are (not|never) (alone|the only one|by yourself)"},
    {"affirmation.normalising", AF, E, N, 0.75f,
     "(a lot of|many|lots of|so many|most|other|plenty of) people (are|have been|were) (also)? (in|going "
     "through) (the same|a similar|similar|your) (position|situation|boat|place|shoes)"},
    {"affirmation.normalising", AF, E, N, 0.75f,
     "we are (all)? (in (this|it|the same boat) together|all going through (this|the same|similar|it))"},
    {"affirmation.normalising", AF, E, 0, 0.8f,
     "(it is|that is|it was|this is|that was) (not|never) (your|at all your) fault"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "its (completely|totally|perfectly|very|so|quite|entirely|only|really|absolutely)? (normal|natural|"
     "understandable|okay|ok|fine|valid|reasonable|human) (to|that you|for you|if you|when you)"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "(anyone|anybody|everyone|most people) (would|in your (shoes|position|place)) (would)? (be|feel|find|"
     "struggle|react)"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "(it|that) makes (total|complete|perfect|a|so)? (lot|much)? (of)? sense (that)? (you|your)"},
    {"affirmation.normalising", AF, E, 0, 0.75f, "(is|are) a (sign of)? strength"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.8f,
     "you (are|were|seem|have been) (so|really|clearly|obviously|such|incredibly)? (a|an|such)? (a)? (really|"
     "very)? (loyal|patient|caring|thoughtful|fighter|survivor|generous|hardworking|"
     "wonderful|great|insightful|mature|sensible|wise|loving)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.8f,
     "(stronger|braver|more capable) than you (think|know|give)"},
    {"affirmation.strength", AF, E, N | kKeepsReflection, 0.8f, "(such a|a) (big|good|kind|huge) heart"},
    {"affirmation.courage", AF, E, N, 0.8f,
     "(takes|took|shows|showed|show|taken) (a|so|real|some|great)? (lot|much)? (of)? (maturity|self|insight|"
     "determination|persistence|commitment|honesty|patience|resilience)"},
    {"affirmation.praise", AF, E, N, 0.8f,
     "(brave|kind|smart|thoughtful|mature|generous|wise|sweet|proactive|sensible|strong) of you"},
    {"affirmation.praise", AF, E, N, 0.8f,
     "(handled|managed|dealt with|navigated|handle) *4 (well|maturely|gracefully|brilliantly|calmly|"
     "beautifully)"},
    {"affirmation.praise", AF, E, N, 0.8f,
     "you (made|make|took) (a|such a)? (really|very)? (good|great|sensible|smart|wise|brave|healthy|"
     "mature) (decision|choice|call|step)"},
    {"affirmation.praise", AF, E, N, 0.8f, "i (really|truly)? (admire|respect) (how|that|the way|your|you)"},
    {"affirmation.praise", AF, E, N, 0.75f,
     "(that is|that was) (really|so|such|very|honestly|incredibly|pretty)? (a)? (brave|smart|huge|"
     "impressive|proactive|mature|sensible|wise|thoughtful|creative|resourceful|admirable|courageous)"},
    {"affirmation.praise", AF, E, 0, 0.8f,
     "(that is not nothing|not a small thing|that (really)? counts|that is a (real|big|huge) (step|deal|"
     "achievement|accomplishment|turnaround|win))"},
    {"affirmation.praise", AF, E, N, 0.75f, "(really|honestly|so)? proud of you"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "(there is)? nothing (wrong with|to be ashamed of|shameful about|to feel (bad|guilty|ashamed) about)"},
    {"affirmation.normalising", AF, E, 0, 0.75f,
     "you (did|have done|are doing) (nothing wrong|the right thing|everything you could|all you could|"
     "your best|what you could)"},

    // Autonomy: the decision stays with the client.
    {"autonomy.your_choice", AU, E, N, 0.9f,
     "(is|it is|that is|this is) (really|totally|entirely|completely|all|ultimately|still)? your (own)? "
     "(decision|choice|call|life|body)"},
    {"autonomy.your_choice", AU, E, N, 0.9f, "(the|that) (choice|decision|call) is (all)? (yours|up to you)"},
    {"autonomy.your_choice", AU, E, N, 0.85f, "^ your (call|choice|decision)"},
    {"autonomy.up_to_you", AU, E, N, 0.9f, "up to you"},
    {"autonomy.know_best", AU, E, N, 0.9f,
     "you know (yourself|your life|your situation|what is best|best|better than anyone|what you need|"
     "what works)"},
    {"autonomy.know_best", AU, E, N, 0.85f,
     "you are (really)? the (expert|best judge|one who knows|one who decides|one who gets to decide|boss)"},
    {"autonomy.know_best", AU, E, N, 0.85f, "only you (can|know)"},
    // Deferring to the client's own judgement: "you have to go with your gut".
    {"autonomy.know_best", AU, E, N | kVetoAdvice, 0.85f,
     "(go with|follow|trust|listen to) (kind of|sort of)? your (own)? (gut|heart|instinct|instincts|"
     "intuition|judgement|judgment)"},
    {"autonomy.whatever_you_decide", AU, E, 0, 0.9f,
     "(whatever|whichever) (way)? you (decide|choose|feel|think|want|pick|end up)"},
    {"autonomy.whatever_you_decide", AU, E, N, 0.85f,
     "i (will|would|am going to)? (support|respect) (you|your decision|your choice|whatever)"},
    {"autonomy.you_choose", AU, E, N | kVetoAdvice, 0.9f,
     "you (get|are free|have the right|are allowed) to (choose|decide|say|pick|make|set)"},
    {"autonomy.you_choose", AU, E, N | kVetoAdvice, 0.8f, "you (can|could) (choose|decide|pick)"},
    {"autonomy.you_choose", AU, E, N | kVetoAdvice, 0.8f,
     "you (can|could|get to) make (up)? your own (choices|choice|decisions|decision|mind)"},
    {"autonomy.you_choose", AU, E, N, 0.85f, "(it is|that is) in your hands"},
    {"autonomy.you_choose", AU, E, N, 0.8f, "you decide"},
    {"autonomy.no_pressure", AU, E, kVetoAdvice, 0.85f, "you do not (have|need|got) to"},
    {"autonomy.no_pressure", AU, E, 0, 0.85f,
     "you do not need (my|anyone|anybody|our) (permission|approval)"},
    {"autonomy.no_pressure", AU, E, 0, 0.85f, "no (pressure|rush|hurry)"},
    {"autonomy.no_pressure", AU, E, 0, 0.8f, "(when|if|whenever) you (are|feel) ready"},
    {"autonomy.no_pressure", AU, E, 0, 0.85f, "(at|in) your own (pace|time|way)"},
    {"autonomy.no_pressure", AU, E, kVetoAdvice, 0.85f, "take (all)? (your|the) time (you need)?"},
    {"autonomy.no_pressure", AU, E, 0, 0.8f,
     "(there is|there are) no (right|wrong) (answer|answers|way|choice)"},
    {"autonomy.no_pressure", AU, E, N, 0.8f, "you are (in) (charge|control)"},
    {"autonomy.no_pressure", AU, E, kVetoAdvice, 0.75f, "feel free"},
    {"autonomy.no_pressure", AU, E, 0, 0.8f, "only if you (want|would like|feel like)"},
    {"autonomy.not_telling", AU, E, kVetoAdvice, 0.9f, "(not|never) *4 tell you what to (do|think|feel)"},
    {"autonomy.not_telling", AU, E, kVetoAdvice, 0.85f,
     "(not|never) (here|going|gonna|trying) to (tell you|push|pressure|force|lecture|convince|judge)"},
    {"autonomy.not_telling", AU, E, kVetoAdvice, 0.85f,
     "(not|never) (my|our) (place|job|role) to (tell|decide)"},
    // "It's your life, and I can't live it for you": the choice stays with the client, whatever
    // "you have to" says beside it.
    {"autonomy.not_telling", AU, E, kVetoAdvice | kSentenceScope, 0.85f,
     "i (can not|am not going to|will not) (make|do|live|walk|decide|choose|fix|change) *3 for you"},
    {"autonomy.your_way", AU, E, 0, 0.8f, "(what|whatever) (feels|seems|works|is) (right|best) (to|for) you"},

    // Asking before offering information or advice.
    {"permission.is_it_ok", PE, E, 0, 0.9f,
     "(would|will|is) it (be)? (ok|okay|alright|all right|fine|cool) (with you)? (if (i|we)|for me to|to)"},
    {"permission.is_it_ok", PE, E, 0, 0.9f, "(do|would) you mind if (i|we)"},
    // The helper offering something of their own: "Would it be helpful to give you some information?"
    {"permission.is_it_ok", PE, E, kVetoAdvice, 0.85f,
     "(would|will|is) it (be)? (helpful|useful) (if (i|we)|for me to|to) (give|share|tell|offer|show|go "
     "over|talk about)"},
    {"permission.can_i", PE, E, 0, 0.85f,
     "^ (can|could|may|might) i (just)? (share|offer|tell|give|suggest|ask|mention|add|make|say|read|"
     "talk|show|run|check|bring|point|throw|pass|provide|explain|describe|go over|jump in|offer)"},
    {"permission.can_i", PE, E, 0, 0.8f, "^ may i"},
    // "May I ask why you're so tired?" asks the question it asks leave for.
    {"veto.permission.asks_anyway", PE, Role::kVeto, 0, 1.0f,
     "(can|could|may|might) i (just)? ask (you)? (why|what|how|when|where|who|which|if|whether)"},
    {"question.open.may_i_ask", OQ, E, 0, 0.85f,
     "^ (can|could|may|might) i (just)? ask (you)? (why|what|how|when|where|who|which)"},
    {"permission.would_you_like", PE, E, 0, 0.85f,
     "(would|do) you (like|want) (to hear|me to (share|tell|give|suggest|offer|explain|go over|talk "
     "about)|some (information|ideas|suggestions|tips|thoughts|feedback|resources|advice|info)|to know "
     "(more)? about|more information|to (learn|hear) (more|about|what))"},
    {"permission.would_you_like", PE, E, 0, 0.85f,
     "(would|are) you (be)? (interested|open) (in|to) (hearing|learning|some (information|ideas|"
     "suggestions|thoughts)|hear)"},
    {"permission.would_you_like", PE, E, 0, 0.8f, "would it (help|be helpful|be useful) if i"},
    {"permission.if_you_like", PE, E, 0, 0.75f,
     "^ if you (would like|would like to|want|want to|like|are open to it|are okay with that|are up for "
     "it) (we|i)"},
    {"permission.would_you_like", PE, E, 0, 0.8f,
     "if (you (want|like|would like|are interested|are open to it)|that is (ok|okay|alright)) *2 i (can|"
     "could) (share|tell|give|offer|suggest)"},

    // Information: facts, norms, resources.
    {"information.many_people", IN, E, N, 0.85f,
     "(many|most|some|lots of|a lot of|plenty of|other) (people|folks|parents|patients|clients|students|"
     "adults|women|men|peers|survivors) (find|feel|experience|have|go through|struggle|say|report|notice|"
     "get|deal|who|in|with|like)"},
    {"information.common", IN, E, N, 0.8f,
     "(common|normal|natural|typical|usual|understandable) (to|for|when|that|in|among|after|reaction|"
     "response|experience|part)"},
    {"information.resources", IN, E, 0, 0.85f,
     "(there is|there are|we have|they have|there is also|there are also) (a|an|some|several|many|lots "
     "of|free|local)? (free|local|weekly|online|great|good)? (group|groups|program|programs|programme|"
     "class|classes|service|services|website|websites|app|apps|meeting|meetings|resource|resources|"
     "organization|organizations|organisation|workshop|workshops|book|books|course|courses|clinic|"
     "clinics|center|centers|centre|fund|funds|shelter|shelters|food bank|benefits|assistance)"},
    // "There are lots of YouTube videos that show you how": what exists, with a word of any kind before it.
    {"information.resources", IN, E, 0, 0.8f,
     "^ there (is|are) (also)? (a|some|several|many|lots of|a lot of|plenty of|loads of|tons of|so many) _? "
     "(videos|sites|websites|apps|jobs|options|charities|forums|hotlines|podcasts|channels|communities|"
     "tutorials|articles|places|companies|agencies|opportunities|scholarships|grants|programs|groups|"
     "resources|services|books|courses|organizations|organisations|support groups)"},
    {"information.hours", IN, E, 0, 0.8f,
     "(is|are) open (from|on|until|till|every|daily|all|monday|tuesday|wednesday|thursday|friday|"
     "saturday|sunday|weekdays|weekends|@num)"},
    {"information.hours", IN, E, 0, 0.8f,
     "(meets|runs|opens|closes) (every|on|at|weekly|once|twice|daily|monday|tuesday|wednesday|thursday|"
     "friday|saturday|sunday)"},
    {"information.hours", IN, E, 0, 0.75f,
     "(the|our|that) (office|center|centre|clinic|group|program|library|shelter|service|line) (is|opens|"
     "closes|meets|runs|offers|has|provides|can|will)"},
    {"information.research", IN, E, N, 0.85f,
     "(research|studies|evidence|data|science|experts|doctors|guidelines|statistics) (show|shows|suggest|"
     "suggests|says|say|indicate|indicates|has shown|have shown|found|recommend|recommends|tells us)"},
    {"information.research", IN, E, 0, 0.8f, "according to"},
    {"information.effects", IN, E, N, 0.7f,
     "(alcohol|drinking|smoking|stress|caffeine|sleep|exercise|nicotine|sugar|cigarettes|drugs|weed|"
     "cannabis|marijuana|vaping|diet|medication|withdrawal|depression|anxiety|trauma|grief) (can|may|"
     "might|tends to|often|usually|actually|also|affects|increases|reduces|raises|lowers|causes|helps|is "
     "linked|is associated|is one of|is a)"},
    {"information.amounts", IN, E, 0, 0.75f,
     "@num (or @num)? (drinks|units|cigarettes|hours|minutes|days|weeks|times|servings|glasses|percent|"
     "mg|milligrams) (a|per|each|every|of|in a) (day|week|month|night|year)?"},
    {"information.generally", IN, E, kNotInQuestion, 0.6f,
     "^ (usually|typically|generally|normally|in general|on average|statistically|for most people)"},
    {"information.role", IN, E, 0, 0.8f, "(my|our) (role|job) (here)? is to"},
    {"information.role", IN, E, 0, 0.8f, "i am (required|obligated|mandated|obliged) to"},
    {"information.role", IN, E, 0, 0.75f,
     "(everything|what you say|what we talk about|this conversation) (here)? is (confidential|private)"},

    // Self-disclosure: the helper's own lived experience.
    {"disclosure.when_i", SD, E, 0, 0.85f, "(when|after|before|back when) i (@past|first|was|used to)"},
    {"disclosure.been_there", SD, E, N, 0.9f,
     "i (have|have also|have definitely|have certainly)? been (there|through (that|this|it|something|a "
     "lot|the same|similar)|in (your|a similar|the same|similar) (shoes|situation|place|position|spot))"},
    {"disclosure.been_there", SD, E, N, 0.85f,
     "i (went|have gone|also went|had to go) through (that|this|the same|something|a|it|similar|my own)"},
    {"disclosure.been_there", SD, E, N, 0.7f,
     "i know (exactly)? (how|what) (it|that|this) (feels|is like|was like|felt)"},
    {"disclosure.been_there", SD, E, 0, 0.75f, "i (can|really|totally|definitely)? relate"},
    {"disclosure.been_there", SD, E, 0, 0.75f, "(me too|same here)"},
    {"disclosure.been_there", SD, E, N, 0.75f, "^ i (am|was) (also|exactly|just|pretty much)? the same way"},
    {"disclosure.been_there", SD, E, N, 0.75f,
     "^ i (am|was) (also|exactly|just)? the same (too|myself|as well)"},
    {"disclosure.been_there", SD, E, 0, 0.75f, "i (also)? (feel|felt|have felt) the same (way)?"},
    // The helper's parallel experience, marked by "too" or "as well": "I feel that way too",
    // "I have been looking for work as well". "I would be worried too" imagines; it does not tell.
    {"disclosure.been_there", SD, E, N, 0.75f,
     "i (also|sometimes|often|still)? (feel|felt|have felt) (that way|like that|this way|the same) (too|as "
     "well|sometimes|myself|a lot)"},
    {"disclosure.been_there", SD, E, N, 0.75f,
     "i (also|sometimes|often|still)? (feel|felt|have felt) (that way|like that|this way|the same) $"},
    {"disclosure.been_there", SD, E, N, 0.7f, "^ i (am|was|have been) (also)? @ing *8 (too|as well) $"},
    {"disclosure.been_there", SD, E, N, 0.8f,
     "i (am|was|have been) (also|too)? going through (the same|that|this|something similar|similar|a "
     "similar)"},
    {"disclosure.been_there", SD, E, N, 0.8f,
     "(i|we) (am|are|was|were|have been) (also|both|all|kind of|pretty much|once)? in (the same|a similar|"
     "similar|this|that|your) (position|situation|boat|spot|shoes)"},
    // A fragment with the subject left out, as chat drops it: "Been there myself."
    {"disclosure.been_there", SD, E, N, 0.8f,
     "^ (have been|been) (there|through (it|that|this|the same|something similar)) (myself|too|as "
     "well|before)?"},
    {"disclosure.happened_to_me", SD, E, N, 0.8f,
     "i (also|too|still|sometimes)? (suffer|suffered|have suffered|have been suffering|am suffering) from"},
    {"disclosure.i_remember", SD, E, N, 0.75f,
     "i (still|also)? (remember|recall) (very well|well|vividly|clearly|all too well)? (the|what it was|how "
     "it "
     "felt|how hard|how scary|how lonely|those|that feeling|feeling|the feeling)"},
    {"disclosure.own_story", SD, E, N, 0.75f,
     "(it|that) (also)? took me (a|quite|so|ages|years|months|weeks|forever|some|awhile|a while|time|long)"},
    {"disclosure.my_life", SD, E, kNotInQuestion, 0.65f,
     "^ i (also)? have (a|one|two|some|many|a few)? (very|really)? (close|good|best|old|dear)? "
     "(friend|friends|"
     "@relative|neighbor|neighbour|neighbors|neighbours|coworker|coworkers|colleague|colleagues|cousin|"
     "relatives|loved ones|kids|children|family members|siblings) (who|that|with|whose)"},
    {"disclosure.been_there", SD, E, N, 0.7f, "^ i (also)? @past *8 (too|as well) $"},
    {"disclosure.been_there", SD, E, N, 0.7f,
     "^ i (am|was|have been) (also)? (so|really|very|pretty|a bit|a little)? @feeling *6 (too|as well) $"},
    {"disclosure.been_there", SD, E, N, 0.85f,
     "(have|had|was) been in (your|the same|a similar|similar) (shoes|situation|position|spot|place|boat)"},
    {"disclosure.been_there", SD, E, N, 0.8f, "(i too|i also|me as well|i as well)"},
    // "I'm also a single parent", "I am also taking classes online": the helper's own parallel.
    {"disclosure.been_there", SD, E, kNotInQuestion, 0.7f, "^ i (am|was) also"},
    {"disclosure.own_story", SD, E, N, 0.65f,
     "i (also|too|personally|myself|actually|once)? (was|had|went|felt|lost|struggled|got|used|have been|"
     "have had|have gone|have lost|have struggled|have dealt|tried|found|started|quit|stopped|moved|left|"
     "spent|ended up|have found|have tried|have noticed|noticed)"},
    // The helper's own tastes and life, in the present: "I love baking", "I work nights".
    {"disclosure.my_life", SD, E, kNotInQuestion, 0.6f,
     "^ i (also|always|personally|really|usually|often|sometimes|actually|too)? (like|love|enjoy|hate|play|"
     "work|live|watch|cook|grew up|have (a|an|two|three|four|kids|children|a son|a daughter|a dog|a cat|"
     "pets))"},
    {"disclosure.my_life", SD, E, kNotInQuestion, 0.6f,
     "^ i (also|personally|actually|too)? (am|was) (a|an) (@relative|student|teacher|nurse|parent|mother|"
     "father|mom|dad|single|retired|veteran|introvert|extrovert|worker|manager|freelancer|artist|writer)"},
    {"disclosure.my_life", SD, E, kNotInQuestion, 0.6f,
     "^ i (also|personally|actually)? am (originally)? from"},
    // The helper's own ways of coping: "I try to walk every day", "swimming helps me a lot".
    {"disclosure.my_life", SD, E, kNotInQuestion, 0.6f,
     "^ i (also|personally|usually|always|often|really|just)? (try|tend) to"},
    {"disclosure.what_helped_me", SD, E, 0, 0.7f,
     "(helped|helps) me (a lot|alot|so much|a great deal|a ton|cope|relax|calm down|unwind|through|get "
     "through|feel better|to cope|to relax|to calm down|to unwind|to feel better|stay|to stay|keep|to keep)"},
    // Not a disclosure: the helper reacting to what was said, or offering material.
    {"veto.disclosure.reaction", SD, Role::kVeto, 0, 1.0f,
     "(helps|helped) me (to)? (understand|see|get|picture|follow|know|make sense|imagine)"},
    {"veto.disclosure.reaction", SD, Role::kVeto, kSentenceScope, 1.0f,
     "i (really|also)? (like|love|enjoy|hate) (that|this|it|how|the way|what|your|hearing|to hear|the "
     "idea|you)"},
    {"veto.disclosure.reaction", SD, Role::kVeto, 0, 1.0f,
     "i have (a|an|some|another|one more|two|a few) (question|questions|suggestion|suggestions|idea|ideas|"
     "thought|thoughts|information|concern|concerns|handout|brochure|list|sheet|form|card|leaflet|"
     "pamphlet)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (was|am|have been|had|did|just|also) (wondering|thinking|going|hoping|trying|just|glad|happy|"
     "sorry|able|curious|asking|saying|told|noticing|listening|reading|looking at|a chance|the chance|"
     "talked|spoke)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (got|found|noticed|saw|made|missed|read|heard|caught|wrote|took) (it|that|this|you|a note|your)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f, "i had (you|your|a note)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (got|get|have|had) (the|a)? (same)? (impression|sense|feeling) (from|that)"},
    // The helper's attention and the chat itself: "my mind wandered", "my question was not clear",
    // "I've been away for a bit", "I lost track".
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "my (mind|brain|head|question|message|messages|internet|connection|wifi|phone|computer|laptop|screen|"
     "typing|keyboard|english|bad|apologies|pleasure|door|reply|answer|point)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (have been|was|got|had) (away|distracted|pulled away|called away) (for)?"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (lost|have lost) (track|my train of thought)"},
    // Feelings about the client, not the helper's own story: "I'm so proud of you too", "I'm worried
    // about your safety too".
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (am|was|have been) (so|really|very|also|just|truly)? (proud of|glad|happy|rooting for|worried about|"
     "concerned about|praying for|here for|thinking of|sorry|grateful|thankful|excited for|happy for) (you|"
     "your|that you|for you)"},
    // "I'm also glad you wrote", "I am also doing well, thanks", "I am also worried about the rent": a
    // reply, or concern for the client's plight, not a parallel life.
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (am|was) also (glad|happy|sorry|here|available|able|going|not|curious|wondering|thinking|hoping|"
     "doing|fine|good|okay|ok|well|great|worried|concerned|afraid|scared)"},
    // Calling the client "my friend" is warmth, not the helper's people: "good luck, my friend!".
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f, "my (dear)? friend $"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "(hi|hey|hello|thanks|thank you|bye|goodbye|welcome|worry|luck|care|well|oh|yes|no) my (dear)? friend"},
    // Quoting oneself ("I was like, no way") or managing the conversation ("Sorry, I got
    // disconnected", "I didn't catch that").
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f, "i (was|am) (just|all)? like"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (got|get|was|am|have been) (disconnected|cut off|distracted|interrupted|logged out)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (was|am|got) (a bit|a little|slightly|so|really)? (confused|lost) (there|just now|for a second|for a "
     "moment|for a minute)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i had (it|that|this) (all)? (wrong|backwards|mixed up|confused|down|written|noted|in mind)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (have not|have never|had not|had never) (heard|read|understood|caught|followed|noticed|seen) "
     "(of|about|"
     "that|this|it|what|your|anything like)"},
    {"veto.disclosure.here_and_now", SD, Role::kVeto, 0, 1.0f,
     "i (did not|do not|could not|have not) (catch|get|understand|follow|see|hear|read) "
     "(that|this|it|you|what|"
     "your)"},
    {"disclosure.my_experience", SD, E, 0, 0.85f,
     "(in|during|through|from) my (own)? (recovery|experience|life|journey|case|family|past|addiction|"
     "drinking|twenties|teens|marriage|divorce|childhood)"},
    {"disclosure.my_experience", SD, E, 0, 0.85f,
     "my (own)? (experience|recovery|story|journey) (is|was|has been|with)"},
    {"disclosure.i_remember", SD, E, 0, 0.85f, "i (remember|recall) (when|being|feeling|how i|that i|my)"},
    {"disclosure.i_remember", SD, E, N, 0.8f, "i used to"},
    {"disclosure.been_there", SD, E, N, 0.85f,
     "i am (also)? (in recovery|sober|clean|a survivor|a person in recovery) (too|myself|as well)?"},
    {"disclosure.been_there", SD, E, N, 0.85f, "i have been (in recovery|sober|clean) (for|since)"},
    {"disclosure.happened_to_me", SD, E, N, 0.9f,
     "(it|that|the same thing|something similar|this|the same) (has)? (happened|happens) to me"},
    {"disclosure.happened_to_me", SD, E, N, 0.85f,
     "i (also)? (struggled|struggle|battled|battle|dealt|deal|suffered|suffer|lived|live|have struggled|"
     "have lived|have dealt) with"},
    {"disclosure.happened_to_me", SD, E, N, 0.85f,
     "i (was|got|have been|was also|also got) (diagnosed|divorced|fired|laid off|addicted|sober|clean|"
     "homeless|hospitalized|hospitalised|bullied|abused|evicted)"},
    {"disclosure.happened_to_me", SD, E, N, 0.8f,
     "i (have|had|have had) (a|my|the)? (similar|same|very similar) (experience|situation|problem|issue|"
     "thing|feeling|struggle)"},
    {"disclosure.happened_to_me", SD, E, 0, 0.75f,
     "my (own)? @relative (also)? (was|had|did|used to|passed|died|struggled|went|left|drank)"},
    {"disclosure.what_helped_me", SD, E, 0, 0.8f,
     "what (really|also|always|honestly|personally)? (helped|helps|worked for|works for) me"},
    {"disclosure.what_helped_me", SD, E, 0, 0.8f,
     "(it|that|this) (really|also|definitely|always|genuinely|honestly)? (helped|worked for|did help) me"},
    {"disclosure.what_helped_me", SD, E, 0, 0.8f, "(it|that|this) helps me"},
    {"disclosure.what_helped_me", SD, E, 0, 0.75f,
     "i found (it|that)? (helpful|useful|that|it helped|it helps)"},

    // Filler: acknowledgements, greetings, thanks, sympathy.
    {"filler.acknowledgement", FI, E, kWholeSentence, 0.8f,
     "(i see|i understand|i get it|i hear you|i hear ya|i know|i agree|got it|i got it|fair enough|of "
     "course|no problem|sounds good|that makes sense|makes sense|that is fair|fair point|no worries|all "
     "right|very well|i see what you mean|i know what you mean|that is right|that is true|it is true|you "
     "are right|exactly right|for sure|i bet|that is interesting|that is good|that is great|good point|"
     "uh huh|go on|keep going|i hear what you are saying|i can understand that|i understand that|that is "
     "okay|that is ok|it is okay|it is ok|fine by me|sure thing|let us see|let me see|you bet|thank "
     "goodness|i guess|you know|i mean)"},
    {"filler.greeting", FI, E, kWholeSentence, 0.8f,
     "(hi|hello|hey|welcome|welcome back|good (morning|afternoon|evening|night))"},
    // "Hi there", "Hello again", "Hey Sam": a greeting and a name or a word of address.
    {"filler.greeting", FI, E, kWholeSentence, 0.8f,
     "(hi|hello|hey|hiya|howdy) (there|again|everyone|all|_)"},
    // Interjections: "Goodness.", "Oh my gosh", "Yikes".
    {"filler.acknowledgement", FI, E, kWholeSentence, 0.75f,
     "(oh)? (my)? (goodness|gosh|god|omg|yikes|ouch|geez|jeez|whoa|wow|dang|darn|golly|oof)"},
    {"filler.greeting", FI, E, kWholeSentence, 0.8f,
     "(nice|good|great) to (meet|see|talk to) you (again|too)?"},
    {"filler.greeting", FI, E, kWholeSentence, 0.8f,
     "(see you|see ya|catch you|talk to you|talk|chat|speak to you|speak) (later|soon|next time|next week|"
     "tomorrow)?"},
    {"filler.greeting", FI, E, kWholeSentence, 0.8f,
     "(goodnight|good night|night night|sweet dreams|best wishes|warm wishes|blessings|god bless|cheers|"
     "congrats|congratulations|bye bye|farewell)"},
    {"filler.greeting", FI, E, kWholeSentence, 0.8f,
     "(take care|bye|goodbye|nice meeting you|have a (good|great|nice|lovely) (day|night|week|weekend|"
     "one|afternoon|morning|evening))"},
    {"filler.thanks", FI, E, kWholeSentence, 0.8f,
     "(thank you|thanks|many thanks|thankyou|thanku|thx|tysm) (so|very)? (much|a lot)? "
     "(again|today|everyone)?"},
    {"filler.thanks", FI, E, kWholeSentence, 0.8f,
     "(thank you|thanks) (so|very)? much? for (coming|being|your|talking|today|that|having|meeting|the|"
     "letting) *4"},
    // Thanks opening a sentence ("Thank you for coming in", "Thanks, you too") is courtesy, whatever follows.
    {"filler.thanks", FI, E, 0, 0.75f,
     "^ (thank you|thanks|thank u|many thanks) (so|very)? (much)? (for|again|and|you too|too|as well)"},
    {"filler.courtesy", FI, E, 0, 0.75f,
     "^ (lol|haha|aw|aww|oh)? (good|nice|great|lovely) (talking|chatting|speaking) (to|with) you (too)?"},
    {"filler.courtesy", FI, E, kWholeSentence, 0.75f, "(you too|you as well|same to you|and you)"},
    {"filler.praise", FI, E, 0, 0.7f,
     "^ (that is|that was|that sounds|sounds|it is|this is|how|it looks|that looks) (so|really|very|just|"
     "pretty|quite)? (fantastic|excellent|wonderful|great|good|awesome|amazing|neat|terrific|brilliant|"
     "fabulous|impressive|cool|nice|lovely|perfect|fine|interesting)"},
    {"filler.acknowledgement", FI, E, 0, 0.7f, "^ you are (absolutely|totally|so|exactly|quite)? right"},
    {"filler.acknowledgement", FI, E, kWholeSentence, 0.75f,
     "(not at all|of course not|no problem at all|not really|no way|i see that|that is it|there you go|"
     "here we go|all right then|good to know|glad to hear it|glad to hear that|i am glad|oh neat|oh good|"
     "oh great|oh nice)"},
    {"filler.courtesy", FI, E, 0, 0.75f,
     "^ (you are|your) (very|more than|most|so|always|quite|really|truly|totally)? welcome"},
    {"filler.thanks", FI, E, kWholeSentence, 0.75f,
     "(that is|that was|you are|how)? (too|so|very|really)? kind (of you)?"},
    // Talk about the chat itself: "It's been a pleasure", "Sorry for the slow reply".
    {"filler.courtesy", FI, E, 0, 0.75f,
     "^ (it|this) (has been|was|is) (a|such a|my|an absolute)? (pleasure|privilege|honour|honor)"},
    {"filler.courtesy", FI, E, 0, 0.75f,
     "^ (it|this) (has been|was|is) (so|really|very)? (nice|good|great|lovely|a pleasure) (talking|chatting|"
     "speaking|to talk|to chat|to speak) (to|with) you"},
    {"filler.courtesy", FI, E, 0, 0.7f,
     "^ (sorry|apologies|i am sorry|i apologise|i apologize) (for|about) (the|my)? (late|slow|delayed|"
     "poor|bad|short|long)? (reply|replies|response|responses|delay|wait|connection|internet|typo|typos|"
     "typing|spelling|lag)"},
    {"filler.courtesy", FI, E, kWholeSentence, 0.75f, "(no problem|my pleasure|anytime)"},
    {"filler.sympathy", FI, E, 0, 0.7f,
     "^ (sending|send|here is|heres) (you)? (a|big|lots of|so many|some)? (big|virtual|warm|gentle)? "
     "(big|virtual|"
     "warm|gentle)? (hug|hugs|"
     "love|good vibes|positive vibes|strength|prayers|healing)"},
    {"filler.sympathy", FI, E, kWholeSentence, 0.7f, "(big|virtual|warm)? (hugs|hug)"},
    // Thanks closing a sentence ("Very well, thank you"), leave to go on ("yes, please do"), a moment
    // asked for, and gladness to help.
    {"filler.thanks", FI, E, 0, 0.75f, "(thank you|thanks|thankyou|thx) (so|very)? (much)? $"},
    {"filler.courtesy", FI, E, 0, 0.7f, "^ (please)? (do|go ahead) $"},
    {"filler.courtesy", FI, E, 0, 0.7f, "^ (just)? (a|one) (moment|minute|second|sec) (please)? $"},
    {"filler.courtesy", FI, E, 0, 0.7f,
     "^ (i am)? (always|more than|so)? (happy|glad) to (help|have helped|be of (some)? help|be here|listen|"
     "chat)"},
    {"filler.courtesy", FI, E, 0, 0.7f, "^ hope (you|your|that|this|everything|things|it|the best)"},
    {"filler.courtesy", FI, E, 0, 0.75f, "^ (you too|you as well|same to you)"},
    {"filler.courtesy", FI, E, 0, 0.7f,
     "^ (you|i hope you|hope you) (have|enjoy) a (good|great|nice|lovely|wonderful|blessed) (day|night|"
     "week|weekend|evening|afternoon|morning|one|holiday)"},
    {"filler.courtesy", FI, E, 0, 0.7f,
     "^ i (really|just|truly)? (hope|wish) (you|your|that|this|everything|things|it|the best)"},
    {"filler.courtesy", FI, E, 0, 0.7f, "(best of luck|good luck|all the best|take care of yourself)"},
    // Closing wishes are goodbyes, not instructions: "stay safe", "have a good night".
    {"filler.closing", FI, E, kVetoAdvice | kSentenceScope, 0.75f,
     "^ (stay|keep|be) (safe|well|healthy|warm|blessed|in touch)"},
    {"filler.closing", FI, E, kVetoAdvice | kSentenceScope, 0.75f,
     "^ take care (of yourself)? (and|&) (stay|keep|be|god bless|all the best|good luck)"},
    {"filler.closing", FI, E, kVetoAdvice | kSentenceScope, 0.75f,
     "^ (have|enjoy) (a|an|the)? (good|great|nice|lovely|wonderful|blessed|happy|safe|fun|merry|relaxing|"
     "peaceful) (festive season|season|holiday season|break|vacation|trip|birthday|summer|winter|"
     "celebration)"},
    // Working the chat itself: "please end the chat", "click the quit button", "sorry, that sent twice".
    {"filler.chat", FI, E, kVetoAdvice | kSentenceScope, 0.7f,
     "(end|close|quit|leave|exit|finish) (the|this) (chat|session|conversation|convo)"},
    {"filler.chat", FI, E, kVetoAdvice | kSentenceScope, 0.7f,
     "(press|click|hit|tap|push) (on)? (the)? (quit|submit|end|finish|exit) (button)?"},
    {"filler.chat", FI, E, kVetoAdvice | kSentenceScope, 0.7f,
     "(sorry|oops|whoops) *3 (typed|sent|posted|came through) twice"},
    {"filler.closing", FI, E, kVetoAdvice | kSentenceScope, 0.75f,
     "^ (have|enjoy) (a|an|the)? (good|great|nice|lovely|wonderful|amazing|blessed|happy|safe|fun|"
     "fantastic|merry|awesome|beautiful|relaxing|peaceful|restful) (rest|day|night|evening|week|weekend|"
     "time|holiday|holidays|one|christmas|new year|sleep|afternoon|morning)"},
    {"filler.closing", FI, E, kVetoAdvice | kSentenceScope, 0.75f,
     "(merry|happy) (christmas|holidays|new year|birthday|thanksgiving|easter|hanukkah|diwali|eid|weekend)"},
    {"filler.closing", FI, E, kVetoAdvice | kWholeSentence, 0.75f, "(have fun|fingers crossed|enjoy)"},
    {"filler.closing", FI, E, kVetoAdvice | kSentenceScope, 0.75f,
     "^ (have|enjoy) (the)? rest of (your|the) (day|night|evening|week|weekend|afternoon|morning|holiday)"},
    {"filler.closing", FI, E, kVetoAdvice | kSentenceScope, 0.75f, "^ (goodbye|bye|bye bye|farewell)"},
    {"filler.sympathy", FI, E, 0, 0.7f,
     "i am (so|really|very|truly|just)? sorry (to hear|that|about|for|you are|you have|this|it|you went|"
     "you had)"},
    {"filler.sympathy", FI, E, kWholeSentence, 0.7f,
     "(sorry to hear that|so sorry|i am sorry|oh no|that sucks)"},
};

}  // namespace

std::span<const RuleSpec> listening_rules() {
  return kRules;
}

}  // namespace attune::scoring::detail
