// Boundary crossings (diagnosis, dual relationships, secrecy) and the safety
// behaviours (asking about risk, referring on). Almost every rule here is
// negatable: "I can't be friends outside our sessions" is the boundary held.
#include "coder_rules.h"

namespace attune::scoring::detail {
namespace {

constexpr Code D = Code::diagnosis;
constexpr Code DR = Code::dual_relationship;
constexpr Code S = Code::secrecy_promise;
constexpr Code SC = Code::safety_check;
constexpr Code RF = Code::referral;
constexpr Role E = Role::kEmit;
constexpr Role V = Role::kVeto;
constexpr std::uint16_t N = kNegatable;

constexpr RuleSpec kRules[] = {
    // Diagnosing the client (or someone in their life).
    {"diagnosis.sounds_like_disorder", D, E, N | kVetoAdvice, 0.85f,
     "(sounds|seems|looks) like (you have|you are|you might have|you may have|you could have|it is|it "
     "could be|it might be|classic|textbook)? (a|an)? (classic|textbook|clinical|typical|severe|major)? "
     "(@disorder|anxiety disorder|panic disorder|clinical depression|panic attacks)"},
    {"diagnosis.you_have_disorder", D, E, N | kVetoAdvice, 0.85f,
     "you (might|may|could|probably|must|clearly|definitely|obviously|likely) (have|be|suffer from) (a|"
     "an|some)? (kind of|bit of|form of)? (classic|clinical|severe|mild|major)? (@disorder|anxiety "
     "disorder|panic disorder)"},
    {"diagnosis.you_have_disorder", D, E, N, 0.85f,
     "i (think|bet|believe|suspect) (you|he|she|they) (have|has|are|is|might have|may have) (a|an|some)? "
     "(classic|clinical|severe|mild|major)? @disorder"},
    {"diagnosis.label", D, E, N, 0.8f,
     "(you|he|she|they|your @relative) (are|is|sound|sounds|seem|seems) (like)? (a|an)? (bit|little|"
     "total|classic|real)? (bipolar|ocd|autistic|schizophrenic|psychotic|manic|narcissistic|anorexic|"
     "alcoholic|addict|narcissist|sociopath|psychopath|borderline)"},
    {"diagnosis.symptoms", D, E, N, 0.75f,
     "(classic|textbook|clear|typical) (signs|symptoms|sign|symptom|case) of"},
    {"diagnosis.symptoms", D, E, N, 0.7f, "(signs|symptoms|sign|symptom) of (clinical)? @disorder"},
    {"diagnosis.i_diagnose", D, E, N, 0.9f, "(i would|i could|i will|i can|let me|i am going to) diagnose"},
    {"diagnosis.i_diagnose", D, E, N, 0.9f, "diagnose you (with|as)"},
    {"diagnosis.i_diagnose", D, E, N, 0.85f, "my diagnosis"},
    // Recommending or changing medication is a prescriber's call, never a peer's.
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.9f,
     "^ (stop|quit|skip|cut out|come off|get off|go off|take|try|start|get on|go on|ask for|up|increase|"
     "raise|lower|reduce|double|halve|change|adjust|switch) (taking)? (your|the|those|these|that|any|all|"
     "some|a|an)? (@med|sleeping pills)"},
    {"diagnosis.medication", D, E, N | kReported | kVetoAdvice, 0.9f,
     "(should|could|might|need to|have to|ought to|better|can|just|maybe|about|consider) (stop|quit|skip|"
     "cut out|come off|get off|go off|take|try|start|get on|go on|ask for|up|increase|raise|lower|reduce|"
     "double|halve|change|adjust|switch|stopping|coming off|getting off|going off|taking|trying|starting|"
     "upping|increasing|lowering|reducing|changing|switching) (taking)? (your|the|those|these|that|any|"
     "all|some|a|an)? (@med|sleeping pills)"},
    {"diagnosis.medication", D, E, N | kNotInQuestion | kReported | kVetoAdvice, 0.85f,
     "(up|increase|raise|lower|reduce|double|halve|change|adjust|switch) (your|the|those|that|these) @med"},
    {"diagnosis.medication", D, E, N | kReported | kVetoAdvice, 0.85f,
     "you (do not|really do not) need (your|the|those|that|these|any)? @med"},
    {"diagnosis.naming", D, E, N | kVetoAdvice, 0.8f, "(that|it|this) is *3 (@disorder|panic|ptsd)"},
    // "That's why your depression got worse": the client's own word for their condition, and a reason.
    {"veto.diagnosis.reason", D, V, 0, 1.0f,
     "(that|this|it) is (probably|maybe|perhaps|partly)? (why|how) your"},
    {"diagnosis.label", D, E, N, 0.8f,
     "(you|he|she|they) (might|may|could|must)? (be|have|sound|seem|are|is) (like)? (a bit|kind of|a "
     "little)? "
     "borderline"},
    {"diagnosis.label", D, E, N, 0.8f, "borderline personality"},
    {"diagnosis.naming", D, E, N | kVetoAdvice, 0.8f,
     "(what you are describing|what you have|what you have got) is *3 (@disorder|panic|ptsd)"},
    {"diagnosis.naming", D, E, N | kVetoAdvice, 0.8f,
     "you (have got|are dealing with|are suffering from) *3 (@disorder|panic|ptsd)"},
    {"diagnosis.naming", D, E, N, 0.75f,
     "(you|he|she|they) (might|may|could|must)? (be|is|are) on the spectrum"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.85f,
     "(higher|lower|bigger|smaller|double|extra|half) (a)? (dose|dosage|doses)"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.85f,
     "(skip|skipping|miss|drop|dropping|split|splitting|crush|double|doubling) (up)? (the|your|those|that|"
     "a)? (morning|evening|night|nightly|daily|extra)? (dose|doses|pills|pill|tablets|shot|patch)"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.85f,
     "(not|stop|quit|without) taking (the|your|those|these|that|any)? @med"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.85f,
     "(do not bother with|forget|forget about|ditch|throw out|throw away|drop) (the|your|those|these|that)? "
     "@med"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.85f, "throw (the|your|those|these)? @med (out|away)"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.85f,
     "(switch|put|move|take|get) (you|him|her) (off|to|on|onto) (the|your|a|some)? @med"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.8f,
     "(need|needs) to be on (something|meds|medication|@med)"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.8f,
     "(would not|would never|wouldn't) take (the|your|those|that)? @med"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.8f, "(cold turkey|forget tapering)"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.8f, "(up|upping) (the|your)? (dose|dosage)"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.75f,
     "(drop|come off|get off|go off|stop|quit) the (antidepressant|antipsychotic|patch|shot|@med)"},
    {"diagnosis.medication", D, E, N | kVetoAdvice, 0.75f,
     "(talk therapy|therapy|meetings) (is|are) a waste"},
    {"veto.diagnosis.declined", D, V, 0, 1.0f,
     "(not|never) *3 (diagnose|diagnosing|label|labeling|labelling)"},

    // Dual relationships: a social, financial or personal tie outside the role.
    {"dual.social_outing", DR, E, N, 0.9f,
     "(let us|we could|we should|we can|we might|we will|why do not we|you and i could|i would love to|"
     "we have to|we ought to) *2 (grab|get|have|go for|meet for|do|go out for) (a|some)? @outing"},
    {"dual.social_outing", DR, E, N, 0.85f,
     "(grab|get|have) (a|some)? @outing (together|sometime|with me|after)"},
    {"dual.social_outing", DR, E, N, 0.85f, "(take|buy) you (out)? (to|for)? (a|some)? @outing"},
    // Proposed, not described: "we could hang out", not "my friends and I, we hang out on Zoom".
    {"dual.hang_out", DR, E, N, 0.85f,
     "((we|us two|the two of us|you and i|you and me) (could|can|should|might|will|would|ought to|have to|"
     "must) (have to|totally|maybe|definitely|all|even|just|still|actually|always)?|let us) (totally|maybe|"
     "definitely|all|even|just|still|actually|always)? (hang out|be friends|become friends|stay friends)"},
    {"dual.hang_out", DR, E, N, 0.85f,
     "((we|us two|the two of us|you and i|you and me) (could|can|should|might|will|would|ought to|have to|"
     "must) (have to|totally|maybe|definitely|all|even|just|still|actually|always)?|let us) (totally|maybe|"
     "definitely|all|even|just|still|actually|always)? go out (sometime|together|some time|one day|for|to|on "
     "a "
     "date|after)"},
    {"dual.hang_out", DR, E, N, 0.85f,
     "((we|us two|the two of us|you and i|you and me) (could|can|should|might|will|would|ought to|have to|"
     "must) (have to|totally|maybe|definitely|all|even|just|still|actually|always)?|let us) (totally|maybe|"
     "definitely|all|even|just|still|actually|always)? go out $"},
    {"dual.hang_out", DR, E, N, 0.85f, "(hang out|go out|be friends|come out) with me"},
    {"dual.hang_out", DR, E, N, 0.8f,
     "(we|you and i|you and me) (can|could|should|might) (totally|still|maybe|definitely|really)? (be|become|"
     "stay) friends"},
    {"dual.hang_out", DR, E, N, 0.8f, "(be|become|stay) friends with you"},
    {"dual.hang_out", DR, E, N, 0.8f, "(i|i will|i can|i could) be your friend"},
    {"dual.social_media", DR, E, N, 0.9f, "(add|follow|friend|message|dm|find|text) me on"},
    {"dual.social_media", DR, E, N, 0.85f, "(add|friend|dm|pm) me"},
    {"dual.social_media", DR, E, N, 0.85f, "my (@social|handle|profile|page)"},
    {"dual.personal_contact", DR, E, N, 0.9f,
     "(here is|this is) my (personal|private|cell|own|home|direct|mobile)? (number|phone|cell|email|"
     "address)"},
    {"dual.personal_contact", DR, E, N, 0.9f,
     "my (personal|private|cell|home|mobile) (number|phone|cell|email|address)"},
    {"dual.personal_contact", DR, E, N, 0.85f,
     "(text|call|message|ring|phone) me (anytime|any time|whenever|day or night|at any hour|at night|on "
     "my cell|on my phone|after hours|directly)"},
    {"dual.visit", DR, E, N, 0.85f,
     "(come|stay|drop) (over|round|by) (to|at)? (my|our) (place|house|home|apartment)"},
    {"dual.visit", DR, E, N, 0.85f, "(come|stay) (at|to) my (place|house|home|apartment)"},
    {"dual.visit", DR, E, N, 0.8f, "(you can|you could) (come|stay) over"},
    {"dual.money_or_favor", DR, E, N, 0.85f,
     "(i can|i could|i will|let me|i would) (lend|give|loan|send) you (some)? (money|cash|a loan|the "
     "money)"},
    {"dual.money_or_favor", DR, E, N, 0.85f, "(i can|i could|i will|let me) (lend|loan) you"},
    {"dual.money_or_favor", DR, E, N, 0.8f,
     "(i can|i could|i will|let me) (pay for|cover) (your|it|the|that|you)"},
    {"dual.money_or_favor", DR, E, N, 0.8f,
     "(i can|i could|i will|let me) (give you a ride|drive you|pick you up)"},
    {"dual.meet_outside", DR, E, N, 0.85f,
     "(meet|see|talk|hang|chat|catch up) *3 outside (of)? (our|these|the|this)? (sessions|session|"
     "program|group|work|here)"},
    {"dual.hang_out", DR, E, N, 0.85f, "friends outside (of)? (this|here|our|these|group|the program)"},
    {"dual.hang_out", DR, E, N, 0.85f,
     "(want|wanna|would you like|do you want|you want) to (get|grab|go for|have|go out for) (a|some)? "
     "@outing"},
    {"dual.hang_out", DR, E, N, 0.85f, "(ask|asked|asking) you out"},
    {"dual.hang_out", DR, E, N, 0.85f,
     "(i|we) (would|will)? (really|honestly|just|truly|so)? (love|like|want|wanna|be happy) to "
     "(stay|be|become|"
     "remain) friends"},
    {"dual.hang_out", DR, E, N, 0.8f, "(one|a|just one) @outing (can not|will not|would not) hurt"},
    {"dual.personal_contact", DR, E, N, 0.85f, "(swap|exchange|trade) (numbers|contacts|details|socials)"},
    {"dual.personal_contact", DR, E, N, 0.85f,
     "(give me a call|call me|text me|message me) (sometime|anytime|whenever|later|this weekend)"},
    {"dual.personal_contact", DR, E, N, 0.85f,
     "(text|send|give|write down) (you)? my (address|home address|number|personal number|cell|cell "
     "number|phone "
     "number|mobile)"},
    {"dual.visit", DR, E, N, 0.85f,
     "(you can|you could|come|come and) (stay|crash|live|sleep) (with me|at mine)"},
    {"dual.money_or_favor", DR, E, N, 0.8f,
     "(here is|take) (the|some|a)? *2 (hundred|bucks|dollars|quid|cash)"},
    {"dual.hang_out", DR, E, N, 0.8f,
     "(you and me|you and i|me and you) (should|could|can|ought to) (go|get|grab|hang|see) *4 "
     "(together|concert|game|show|movie|movies|gym)"},
    {"dual.hang_out", DR, E, N, 0.85f, "(be|become) (gym|workout|walking|running)? (buddies|buddy)"},
    {"dual.hang_out", DR, E, N, 0.85f, "(send|sent|accept) (you)? a friend request"},
    {"dual.hang_out", DR, E, N, 0.8f, "set you up with my"},
    {"dual.visit", DR, E, N, 0.85f,
     "(crash|stay|sleep|live) (at|in|on) (mine|my place|my house|my spare room|my flat|my apartment|my "
     "couch|my sofa)"},
    {"dual.visit", DR, E, N, 0.85f, "(a|my) spare room"},
    {"dual.visit", DR, E, N, 0.85f,
     "(come|coming|stay|staying) (to|for) (my|dinner at my|lunch at my) (birthday|party|wedding|church|"
     "house|place|bbq|barbecue|dinner|game|kid|son|daughter|home|apartment)"},
    {"dual.visit", DR, E, N, 0.85f,
     "(dinner|lunch|breakfast|drinks|coffee|a bbq) (at|in) my (place|house|home|apartment|flat)"},
    {"dual.visit", DR, E, N, 0.8f, "(as my guest|swing by my|come by my|over to my)"},
    {"dual.money_or_favor", DR, E, N, 0.85f, "out of my (own)? pocket"},
    {"dual.money_or_favor", DR, E, N, 0.85f, "(i can|i could|i will|let me|i would) pay (your|the|for your)"},
    {"dual.money_or_favor", DR, E, N, 0.85f, "(borrow|use) my (car|truck|money|phone|place|bike|card)"},
    {"dual.money_or_favor", DR, E, N, 0.85f,
     "(i will|i can|i could|let me|i would) give you my (old)? (couch|car|bike|tv|phone|furniture|stuff)"},
    {"dual.money_or_favor", DR, E, N, 0.85f, "(sort you out|pay me back|i will buy you|cash in hand)"},
    {"dual.money_or_favor", DR, E, N, 0.85f,
     "(could|can|would|will) you (watch|walk|feed|look after|mind|sit) my"},
    {"dual.money_or_favor", DR, E, N, 0.85f, "(help|helping) (me|with my) (move|moving)"},
    {"dual.money_or_favor", DR, E, N, 0.8f, "(help|helps|helping) with my move"},
    {"dual.business", DR, E, N, 0.85f,
     "(i can|i could|i will|i would|let me|we could) (hire|employ|get you in|pay you)"},
    {"dual.business", DR, E, N, 0.85f, "(get you|give you) a (discount|deal|good price)"},
    {"dual.business", DR, E, N, 0.85f, "(into|in) my (business|company|coaching|recovery coaching business)"},
    {"dual.business", DR, E, N, 0.85f, "(go halves|go into business together)"},
    {"dual.business", DR, E, N, 0.8f, "i (sell|am selling) *3 on the side"},
    {"dual.sponsor", DR, E, N, 0.85f,
     "(i can|i could|i will|i would|let me) be your (sponsor|roommate|landlord|boss|girlfriend|boyfriend)"},
    {"veto.dual.role_kept", DR, V, kSentenceScope, 1.0f,
     "keep *3 (role|roles|relationship|relationships|boundaries|things) *2 (separate|professional|clear)"},
    {"veto.dual.role_kept", DR, V, kSentenceScope, 1.0f, "(professional|clear) boundaries"},

    // Secrecy: an unconditional promise the role can't keep when someone is at risk.
    {"secrecy.wont_tell", S, E, N, 0.9f,
     "i (will|would) (not|never) (tell|say|share|repeat|mention|report) (this|it|that|any of this|"
     "anything)? (to)? (anyone|anybody|a soul|nobody|no one|your|them|the police|the cops|a word)"},
    {"secrecy.wont_tell", S, E, N, 0.85f, "i (will|would) never (tell|say)"},
    {"secrecy.wont_tell", S, E, N, 0.9f, "(promise|swear) (not|never) to (tell|say|share)"},
    {"secrecy.between_us", S, E, N, 0.9f,
     "(stays|stay|is|remains|remain|be|kept|keep it|keep this|keep that) (just|only|strictly)? between "
     "(us|ourselves|you and me|you and i|the two of us|us two)"},
    {"secrecy.between_us", S, E, N, 0.85f,
     "(just|only) between (us|ourselves|you and me|you and i|the two of us)"},
    {"secrecy.between_us", S, E, N, 0.85f, "our (little)? secret"},
    {"secrecy.between_us", S, E, N, 0.85f, "(it|this|that) (will|can|is going to) be (our|a) secret"},
    {"secrecy.keep_secret", S, E, N, 0.85f,
     "i (will|can|would|promise to|swear to|am going to|am gonna)? keep (it|this|that|everything|your "
     "secret|that information|this information|what you say|what you tell me)? (a)? (secret|to myself|"
     "quiet|private|confidential|under wraps)"},
    {"secrecy.keep_secret", S, E, N, 0.85f,
     "(it|this|that|everything) (will|is going to) (stay|be kept|remain) (secret|private|confidential|a "
     "secret)"},
    {"secrecy.keep_secret", S, E, N, 0.85f, "i (promise|swear) *3 (secret|between us|to myself)"},
    {"secrecy.safe_with_me", S, E, N, 0.9f, "(secret|secrets|it|this|that) (is|are|will be) safe with me"},
    {"secrecy.safe_with_me", S, E, N, 0.85f,
     "(no one|nobody) (else)? (will|is going to|needs to|has to|would|will ever|is ever going to) (know|"
     "find out|hear about)"},
    {"secrecy.safe_with_me", S, E, N, 0.85f, "(take it to|to) (my|the) grave"},
    {"secrecy.safe_with_me", S, E, N, 0.85f,
     "(nothing|none of this|none of it|what you say|what you tell me|it|this|that|everything) (you say|"
     "you tell me|you share|we say)? (leaves|will leave|goes|will go|gets out|will get out) (of)? (this "
     "room|the room|here|beyond)"},
    {"secrecy.safe_with_me", S, E, N, 0.85f, "my lips are sealed"},
    {"secrecy.wont_tell", S, E, N, 0.85f, "i (will|would) never (repeat|mention|share|report|break)"},
    {"secrecy.wont_tell", S, E, N, 0.85f,
     "i am (not|never) (going to|gonna) (tell|say|mention|repeat|report) (this|it|that|any of this|"
     "anything)? (to)? (anyone|anybody|a soul|nobody|no one|your|them|the|a word)"},
    {"secrecy.wont_tell", S, E, N, 0.85f, "(not|never) telling (a soul|anyone|anybody)"},
    {"secrecy.wont_tell", S, E, N, 0.85f,
     "i (will|would) (not|never) (say anything|let on|breathe a word|call anyone|tell my supervisor|write "
     "any of this down|write it down|write this down)"},
    {"secrecy.wont_tell", S, E, N, 0.85f, "(will not|would not|never) let on"},
    {"secrecy.safe_with_me", S, E, N, 0.85f,
     "(no one|nobody) (else)? (will|is going to|is gonna|would) ever (know|find out|hear|see)"},
    {"secrecy.safe_with_me", S, E, 0, 0.85f,
     "(hear|find out|learn|know) (about it|about this|it|that)? from me"},
    {"secrecy.safe_with_me", S, E, N, 0.9f, "(secret|secrets) (is|are)? safe with me"},
    {"secrecy.safe_with_me", S, E, N, 0.85f, "(goes|go|will go|gets|get) no further"},
    {"secrecy.safe_with_me", S, E, N, 0.8f, "(i am a vault|like a vault)"},
    {"secrecy.safe_with_me", S, E, N, 0.8f,
     "(it|this|that|everything|whatever|what) *3 (stays|stay) (with|between) (me|us)"},
    {"secrecy.safe_with_me", S, E, N, 0.8f,
     "(will|would) (never|not) (ever)? be (shared|repeated|passed on)"},
    {"secrecy.safe_with_me", S, E, N, 0.85f, "(never|not) break your confidence"},
    {"secrecy.safe_with_me", S, E, N, 0.85f, "(total|complete|absolute) confidentiality"},
    {"secrecy.safe_with_me", S, E, N, 0.85f, "(it|this|that) (will not|would not|will never) leave"},
    {"secrecy.keep_secret", S, E, N, 0.85f,
     "keep (it|this|that|them|the overdose|the self-harm stuff) (from|between) (the|your|my|them|him|her|"
     "everyone|anyone|us)"},
    {"secrecy.keep_secret", S, E, N, 0.85f,
     "(leave|leaving|keep|keeping) *4 out of (my|the) (notes|report|records|record|file|chart)"},
    {"secrecy.keep_secret", S, E, N, 0.85f,
     "trust me to keep (it|this|that|everything|things) (quiet|secret|private|to myself|between us)"},
    {"secrecy.keep_secret", S, E, N, 0.85f,
     "pretend (you never told|you never said|i never heard|i did not hear|this never happened)"},
    {"secrecy.keep_secret", S, E, N, 0.8f,
     "delete (these|the|our|this|those) (messages|chat|texts|conversation)"},
    {"veto.secrecy.limits", S, V, kSentenceScope, 1.0f,
     "(unless|except) (if|when)? (you|someone|somebody|anyone)"},
    {"veto.secrecy.limits", S, V, kSentenceScope, 1.0f, "limits (of|to) (confidentiality|what i can keep)"},
    {"information.confidentiality_limits", Code::information, E, kSentenceScope, 0.8f,
     "(can not|could not|will not be able to|am not able to|do not) (promise to)? keep (this|it|that|"
     "something like this|everything|anything|secrets) (completely|entirely|totally|all)? (a)? (secret|to "
     "myself|private|confidential)"},
    {"veto.secrecy.limits", S, V, kSentenceScope, 1.0f,
     "(i|we) (would|will|may|might)? (have|need) to (tell|share|report|let|inform|involve) (someone|"
     "somebody|others|another|a|the)"},

    // Asking directly about risk. These take precedence over "have you thought about...".
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.9f,
     "(thinking|thoughts|thought|considering|planning|plan|plans|urges|urge|want|wanting|feel like|"
     "feeling like|tempted|going) (about|of|to|on)? @harm (yourself|your life|your own life)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.9f, "have you (ever)? (hurt|harmed|cut|injured) yourself"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.9f,
     "(thinking|thoughts|thought|considering|think|thinking about) (about|of)? (suicide|self-harm|self "
     "harm|dying|ending it|ending things|not being here|not being alive)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.9f,
     "(are you|you are|you feel|have you felt|have you been|you have been|do you feel|are you feeling|"
     "you are feeling|have you ever felt|have you ever been) suicidal"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f, "suicidal (thoughts|feelings|ideation|urges)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f,
     "you *3 (want|wish|wanting|wished) to (die|be dead|not be here|not wake up|disappear|end it)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f,
     "you *3 not (want|wanting) to (be alive|live|be here|wake up|go on)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f, "(wish|wishing|wished) you (were|was) dead"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.8f, "better off dead"},
    {"safety.are_you_safe", SC, E, N, 0.9f, "are you (feeling)? safe"},
    {"safety.are_you_safe", SC, E, N, 0.9f, "(do|would) you feel safe"},
    {"safety.are_you_safe", SC, E, N, 0.85f, "is it safe for you"},
    {"safety.are_you_safe", SC, E, N, 0.9f, "are you in (any)? (immediate)? danger"},
    {"safety.are_you_safe", SC, E, N, 0.85f,
     "(is|are|has|have) (anyone|someone|somebody|he|she|they) (been)? (hurting|threatening|harming|"
     "abusing|hurt|threatened|harmed|hit) you"},
    {"safety.are_you_safe", SC, E, N, 0.85f, "(keep|keeping) yourself safe"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f, "do you have a plan (to|of)"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f,
     "(a|any|the) plan for (how|when|where|killing|ending|hurting|taking)"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.8f,
     "(do you have|have you got|is there) (access to)? (a gun|guns|a weapon|weapons|pills|the means|a "
     "firearm)"},

    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f,
     "(do you have|have you made|have you got) (a|any) plan $"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f,
     "(thought about|know|decided) how you (would|will|might|are going to) do (it|that)"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f,
     "(do you have|have you got|is there) (the|a)? (pills|gun|weapon|weapons) "
     "(with|on|at|nearby|near|around) "
     "(you|home)?"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f,
     "(do you have|have you got|is there) (anything|something) (with you|on you|near you|nearby|around "
     "you|at "
     "home|in the house)"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f,
     "(could|can|might|would) use to (end your life|kill yourself|hurt yourself|harm yourself|end it)"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.85f, "(could|can|might) use to @harm yourself"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.8f,
     "(written|wrote|writing|left) (a|any)? (suicide|goodbye) (note|letter)"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.8f, "(have you|did you) (written|write|left) a note"},
    {"safety.plan_or_means", SC, E, N | kVetoAdvice, 0.8f, "giving (your|things|stuff|belongings) *2 away"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.9f,
     "(tried|try|attempted|attempt) to (kill|end|hurt|harm|take) (yourself|your life|your own life)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f,
     "(talking|thinking) about (suicide|killing yourself|ending your life|ending it|ending things|taking "
     "your (own)? life)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f,
     "act on (those|these|the|that|your)? (thoughts|urges|feelings|it|them)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f, "(overdose|overdosing|overdosed|od) on purpose"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f,
     "(thinking|thought|planning|considering) (about|of)? (overdosing|an overdose)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f,
     "are you (still)? (cutting|self-harming) (yourself)? $"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f, "(mean|meant) to take (that|so|too) many"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.8f,
     "(have you|did you) (taken|take|swallowed|swallow|used|use) (anything|something|any pills|pills|more) "
     "(tonight|today|already|just now|right now)"},
    {"safety.harm_others", SC, E, N | kVetoAdvice, 0.85f,
     "(thinking|thoughts|thought|considering|planning|urges|urge|want|wanting|going) (about|of|to|on)? "
     "@harm (him|her|them|anyone|anybody|someone|somebody|the baby|your baby|your kids|your child|others|"
     "other people)"},
    {"safety.harm_others", SC, E, N | kVetoAdvice, 0.85f,
     "(thinking|thoughts|thought|considering|planning|urges|urge|want|wanting|going) (about|of|to|on)? "
     "@harm your @relative"},
    {"safety.are_you_safe", SC, E, N, 0.85f,
     "(threatened|threatening|threaten|threatens) to (kill|hurt|harm) you"},
    {"safety.are_you_safe", SC, E, N, 0.85f,
     "(is there|is) (someone|somebody|anyone|anybody) (with you|there with you) (tonight|right now|now)"},
    {"safety.are_you_safe", SC, E, N, 0.85f,
     "(you are|you will be|you would be|you be|you feel) safe (where you are|right now|tonight|until|till|"
     "for now)"},
    {"safety.are_you_safe", SC, E, N, 0.85f, "^ (are)? you safe"},
    {"safety.are_you_safe", SC, E, N, 0.8f, "(use|using) alone"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f,
     "(planning|going|want|wanting|thinking|tempted) to (overdose|od)"},
    {"safety.self_harm", SC, E, N | kVetoAdvice, 0.85f, "(overdose|overdosing) (tonight|today|again)"},
    {"safety.are_you_safe", SC, E, N, 0.85f,
     "(afraid|scared|worried|frightened) (that)? *3 (might|will|would|could|is going to|is gonna) (hurt|harm|"
     "kill|hit) you"},
    {"safety.are_you_safe", SC, E, N, 0.85f, "(afraid|scared|worried|fear|fearing) for your (safety|life)"},
    {"veto.safety.warning", SC, V, kSentenceScope, 1.0f,
     "if you keep (this|that|it|doing this|doing that) up"},
    {"veto.safety.ordinary", SC, V, 0, 1.0f, "safe to (drive|travel|walk|get home|eat|go)"},

    // Referral: connecting the person with crisis or professional help. Offering a
    // line or a professional is the referral, not advice ("you can call 988").
    {"referral.crisis_line", RF, E, N | kVetoAdvice | kSentenceScope, 0.95f, "988"},
    {"referral.crisis_line", RF, E, N | kVetoAdvice | kSentenceScope, 0.9f, "(call|text|dial) 911"},
    {"referral.crisis_line", RF, E, N | kVetoAdvice | kSentenceScope, 0.85f, "(call|text|dial) 211"},
    {"referral.crisis_line", RF, E, N | kVetoAdvice | kSentenceScope, 0.9f,
     "(crisis|suicide|help|support|warm|text|prevention) (line|hotline|lifeline|helpline|text line|team|"
     "center|centre|service|services|chat)"},
    {"referral.crisis_line", RF, E, N | kVetoAdvice | kSentenceScope, 0.9f,
     "(hotline|helpline|lifeline|samaritans)"},
    {"referral.crisis_line", RF, E, N | kVetoAdvice | kSentenceScope, 0.85f,
     "(emergency|the emergency) (room|services|department|number)"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope | kNotInAskedQuestion, 0.8f,
     "(talk|speak|reach out|go|get) (to|with)? (a|an|your|the|some|another)? (@pro|mental health "
     "professional|counseling|counselling|therapy)"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope | kNotInAskedQuestion, 0.8f,
     "(talking|speaking|reaching out|going|getting) (to|with)? (a|an|some|another) (@pro|mental health "
     "professional)"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope | kNotInAskedQuestion, 0.8f,
     "(see|visit|consult|call|contact) (a|an|your|the|some)? @pro"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope | kNotInAskedQuestion, 0.8f,
     "(seeing|visiting|consulting|calling|contacting) (a|an|some) @pro"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(professional|outside|expert) (help|support|counseling|counselling|therapy)"},
    {"referral.open_to", RF, E, N | kVetoAdvice | kSentenceScope, 0.85f,
     "(would|are) you (be)? (open|willing|interested) (to|in) *4 (@pro|therapy|counseling|counselling|"
     "someone|support)"},
    {"referral.connect", RF, E, N | kVetoAdvice | kSentenceScope, 0.9f,
     "i (can|could|will|would|am happy to|would be happy to|would like to) (connect|refer|link|put|"
     "introduce|hook) you (up)? (with|to|in touch)"},
    {"referral.connect", RF, E, N | kVetoAdvice | kSentenceScope, 0.85f, "(refer|referring) you"},
    {"referral.connect", RF, E, N | kVetoAdvice | kSentenceScope, 0.85f,
     "(make|give you|get you) a referral"},
    {"referral.connect", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(i|we) (can|could) give you (the|a|some)? (number|contact|contacts|details|list|information) (for|"
     "of|to)"},
    {"referral.service", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(alcoholics|narcotics|gamblers|overeaters|cocaine|dual recovery|parents|debtors|sex addicts) "
     "anonymous"},
    {"referral.service", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(al-anon|alanon|nar-anon|naranon|nami|smart recovery|refuge recovery|celebrate recovery|legal aid|"
     "poison control|urgent care|food bank|food pantry|warmline|warm line|drop-in center|drop-in centre|"
     "walk-in clinic)"},
    {"referral.service", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(detox|crisis|respite|recovery community|vet|veterans|community) (unit|center|centre|ward|house|"
     "program|clinic)"},
    {"referral.service", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(have you heard of|have you looked into|are you aware of|do you know about) *4 (group|groups|program|"
     "meeting|meetings|service|services|center|centre|clinic|line|shelter|@pro)"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "@pro (is|would be|are|is really) the (one|ones|person|people|right person|best person|place)"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(bring|take|mention|raise|ask) *4 (to|with) (your|a|the) @pro"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(are|is) (really)? for your @pro"},
    {"referral.professional", RF, E, N | kVetoAdvice | kSentenceScope, 0.75f,
     "a (@pro|counsellor|counselor|dietitian|therapist) who (does|works|specializes|specialises|takes)"},
    {"referral.connect", RF, E, N | kVetoAdvice | kSentenceScope, 0.8f,
     "(i can|i could|let me|i will) (give you|get you|find) (their|the) (number|details|contact|address)"},
    {"referral.connect", RF, E, N | kVetoAdvice | kSentenceScope, 0.75f,
     "(would you|do you) (want|like) (the|their) (number|details|contact details|address)"},
    {"referral.connect", RF, E, N | kVetoAdvice | kSentenceScope, 0.7f,
     "(there are|there is|we have|i know) (people|someone|somebody|counselors|services) (who|that) (can|"
     "could) help"},
};

}  // namespace

std::span<const RuleSpec> boundary_rules() {
  return kRules;
}

}  // namespace attune::scoring::detail
