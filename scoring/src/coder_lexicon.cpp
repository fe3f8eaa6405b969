#include "coder_lexicon.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <utility>

#include "coder_tokenizer.h"

namespace attune::scoring::detail {

std::uint64_t hash_bytes(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

Lexicon::Lexicon() {
  slots_.resize(4096);
  words_.emplace_back();  // id 0: kNoWord
  classes_.push_back(0);
  expansion_begin_.push_back(0);
  expansion_len_.push_back(0);
}

// A slot trusts the prefix for words of up to eight bytes; the overlapping loads below give every
// such word its own prefix only in little-endian byte order.
static_assert(std::endian::native == std::endian::little);

std::uint64_t Lexicon::prefix_of(std::string_view word) {
  // Whole loads that stay within the word, overlapping where it is shorter than they are.
  const char* p = word.data();
  const std::size_t n = word.size();
  if (n >= 8) {
    std::uint64_t prefix = 0;
    std::memcpy(&prefix, p, 8);
    return prefix;
  }
  if (n >= 4) {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    std::memcpy(&low, p, 4);
    std::memcpy(&high, p + n - 4, 4);
    return low | (static_cast<std::uint64_t>(high) << (8 * (n - 4)));
  }
  if (n == 0) return 0;
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
  };
  return byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1)));
}

// Most words fit in their prefix: one multiply hashes them, where a byte-at-a-time hash would
// take one per byte.
std::uint32_t Lexicon::slot_hash(std::uint64_t prefix, std::string_view word) {
  std::uint64_t h = (prefix ^ (word.size() * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
  for (std::size_t i = 8; i < word.size(); ++i)
    h = (h ^ static_cast<unsigned char>(word[i])) * 0x100000001B3ull;
  return static_cast<std::uint32_t>(h ^ (h >> 29));
}

void Lexicon::grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.resize(old.size() * 2);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kNoWord) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].id != kNoWord) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

WordId Lexicon::intern(std::string_view word) {
  if (WordId found = find(word); found != kNoWord) return found;
  if ((words_.size() + 1) * 2 > slots_.size()) grow();
  const auto id = static_cast<WordId>(words_.size());
  words_.emplace_back(word);
  classes_.push_back(0);
  expansion_begin_.push_back(0);
  expansion_len_.push_back(0);
  const std::uint64_t prefix = prefix_of(word);
  const std::uint32_t h = slot_hash(prefix, word);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id != kNoWord) i = (i + 1) & mask;
  slots_[i] = Slot{prefix, h, id, static_cast<std::uint16_t>(word.size())};
  return id;
}

WordId Lexicon::find(std::string_view word) const {
  const std::uint64_t prefix = prefix_of(word);
  const std::uint32_t h = slot_hash(prefix, word);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask; slots_[i].id != kNoWord; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash != h || s.prefix != prefix || s.length != word.size()) continue;
    if (word.size() <= 8 || words_[s.id] == word) return s.id;
  }
  return kNoWord;
}

namespace {

template <typename Fn>
void for_each_word(std::string_view words, Fn&& fn) {
  std::size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && words[i] == ' ') ++i;
    std::size_t j = i;
    while (j < words.size() && words[j] != ' ') ++j;
    if (j > i) fn(words.substr(i, j - i));
    i = j;
  }
}

}  // namespace

void Lexicon::add_class(std::string_view words, std::uint32_t word_class) {
  for_each_word(words, [&](std::string_view w) { classes_[intern(w)] |= word_class; });
}

void Lexicon::add_family(std::string_view words) {
  // Every member's stem maps to the first member's, so inflections the stem strips ("annoying",
  // "stressing") join the family too.
  std::uint32_t tag = 0;
  for_each_word(words, [&](std::string_view w) {
    const std::uint32_t stem = stem_hash(w);
    if (tag == 0) tag = stem;
    family_.emplace_back(stem, tag);
  });
  std::sort(family_.begin(), family_.end());
}

std::uint32_t Lexicon::family_stem(std::uint32_t stem) const {
  auto it =
      std::lower_bound(family_.begin(), family_.end(), std::pair<std::uint32_t, std::uint32_t>(stem, 0));
  return it != family_.end() && it->first == stem ? it->second : stem;
}

void Lexicon::add_expansion(std::string_view word, std::string_view replacement) {
  std::vector<WordId> ids;
  for_each_word(replacement, [&](std::string_view w) { ids.push_back(intern(w)); });
  const WordId id = intern(word);
  expansion_begin_[id] = static_cast<std::uint32_t>(expansion_pool_.size());
  expansion_len_[id] = static_cast<std::uint8_t>(ids.size());
  expansion_pool_.insert(expansion_pool_.end(), ids.begin(), ids.end());
}

std::span<const WordId> Lexicon::expansion(WordId id) const {
  if (expansion_len_[id] == 0) return {};
  return {expansion_pool_.data() + expansion_begin_[id], expansion_len_[id]};
}

namespace {

// The project's own word lists. Kept short and general: they describe kinds of
// words, not sentences from any corpus.
constexpr std::pair<std::uint32_t, std::string_view> kClassLists[] = {
    {kAux, "do does did is are was were am can could would will should shall may might must have has had"},
    {kWh, "what how why where when who which whose whom"},
    {kSubject,
     "you i we it that this they he she there anyone anybody someone somebody anything something "
     "everyone everybody people things your my his her their our"},
    {kDiscourse,
     "so and but well okay ok yeah yes um uh oh ah now alright then or also anyway hmm mm mhm mm-hmm "
     "right cause because"},
    {kHedge, "just maybe perhaps please really simply definitely honestly actually probably possibly"},
    {kNegator, "not never no neither nor hardly without"},
    {kActionVerb,
     "call make go stop talk take try get ask write find look start keep put give consider remember "
     "focus avoid reach sleep eat drink exercise walk breathe join contact apply set plan pay save buy "
     "sell quit leave move speak check read use spend limit cut reduce increase drop tell schedule book "
     "sign search download text email visit meditate journal pray practice listen wait think rest relax "
     "forgive accept treat lean open share list note prioritize prioritise organize organise clean pick "
     "choose stay pull push learn ignore cancel change switch slow distract sit throw delete block "
     "report hire borrow ring message phone return attend enroll enrol register volunteer break let "
     "bring grab hold count drive watch play cook run stretch seek see turn go get fill ditch dump "
     "confront explain negotiate research google send mute unfollow update revise tidy post reply respond "
     "invite meet celebrate reward"},
    {kFeeling,
     "feel feels feeling felt sad sadness angry anger mad furious frustrated frustration annoyed irritated "
     "upset hurt hurting "
     "scared afraid fear fearful frightened terrified worried worry worries anxious anxiety nervous "
     "panicky panicked overwhelmed overwhelm stressed stress tense hopeless helpless powerless lonely "
     "alone isolated ashamed shame embarrassed guilty guilt exhausted tired drained worn burned burnt "
     "burnout stuck trapped lost confused torn conflicted ambivalent unsure uncertain relieved relief "
     "hopeful hope proud excited happy glad grateful thankful content calm peaceful determined "
     "motivated confident safe unsafe disappointed disappointment betrayed rejected unappreciated "
     "unheard misunderstood invisible resentful resentment jealous envious defeated discouraged "
     "desperate miserable down low depressed numb empty bitter devastated heartbroken grief grieving "
     "worthless useless failure failing inadequate insecure vulnerable uneasy uncomfortable restless "
     "pressured pressure disgusted regret humiliated shocked disheartened neglected abandoned unloved "
     "unwanted judged blamed fed loneliness sadness helplessness hopelessness fears doubts doubt "
     "excitement joy love loved hate hated resent dread dreading panic upsetting scary worrying "
     "frustrating overwhelming exhausting stressful discouraging disappointing heavy raw shaken "
     "conflicting ambivalence reluctant hesitant uncertain skeptical sceptical curious eager relieved "
     "comfortable uncomfortable pissed livid bored restless impatient"},
    {kStopword,
     "a an the and or but so if then than that this these those there here it its is are was were "
     "be been being am do does did done doing have has had having will would shall should can could may "
     "might must i me my mine myself we us our ours you your yours yourself yourselves he him his she "
     "her hers they them their theirs what which who whom whose when where why how all any both each "
     "few more most other some such no nor not only own same too very just also of at by for with about "
     "against between into through during before after above below to from up down in out on off over "
     "under again further once like yeah okay ok um uh oh well really kind sort thing things lot bit "
     "little get got go going gonna want know think feel feeling felt say said tell told mean sounds "
     "sound seems seem right now even still much many way something anything everything nothing "
     "someone anyone maybe mm-hmm mhm hmm because cause"},
    {kFillerWord,
     "mm mmm mhm mm-hmm mmhmm hmm hm uh-huh uhhuh uh um okay ok kay mkay yeah yea yep yup yes right "
     "sure alright gotcha cool great good nice wow oh ah aha hi hello hey thanks bye goodbye exactly "
     "absolutely definitely indeed totally true fine so well and no nope correct perfect awesome "
     "interesting sorry welcome wonderful excellent certainly agreed huh ooh anyway hey hiya mh-hmm mmh "
     "uh-uh "
     "mm-mm um-hum uh-hum um-hm mm-kay hm-mm neat lol haha hahaha hehe lmao"},
    {kMedication,
     "meds medication medications medicine medicines pills pill antidepressant antidepressants lithium "
     "prozac zoloft xanax lexapro sertraline fluoxetine ssri ssris benzos benzodiazepines adderall "
     "ritalin seroquel abilify wellbutrin valium klonopin ativan dose dosage doses prescription "
     "prescriptions antipsychotic antipsychotics stabilizer stabilizers melatonin suboxone methadone "
     "naltrexone vivitrol buprenorphine lamotrigine lamictal antabuse chantix tablets "
     "benzo opioids painkillers sleeping"},
    {kDisorder,
     "depression bipolar ptsd cptsd adhd ocd bpd schizophrenia schizophrenic psychosis "
     "psychotic anorexia anorexic bulimia bulimic autism autistic narcissist narcissistic sociopath "
     "psychopath disorder manic mania dysthymia alcoholic alcoholism addict hypochondriac "
     "agoraphobia hypomania hypomanic dissociation dissociative"},
    {kProfessional,
     "counselor counsellor counselors counsellors therapist therapists doctor doctors psychiatrist "
     "psychologist gp physician professional professionals nurse specialist clinician prescriber "
     "pharmacist dietitian psychiatrists caseworker"},
    {kSocialApp,
     "instagram facebook snapchat tiktok whatsapp twitter linkedin discord insta fb socials telegram"},
    {kEvaluative,
     "hard tough difficult painful scary frightening frustrating overwhelming exhausting stressful "
     "confusing heavy upsetting rough awful terrible sad lonely isolating draining unfair challenging "
     "complicated hurtful discouraging disappointing tricky worrying intense devastating heartbreaking "
     "horrible brutal tiring demanding daunting maddening infuriating annoying unsettling scary"},
    {kHarmVerb, "kill killing hurt hurting harm harming end ending take taking"},
    {kModal, "can could would will should shall may might must"},
    {kReportVerb,
     "feel feels felt feeling think thinks thought thinking believe believes believed wonder wonders "
     "wondering worry worries worried worrying tell telling told says said saying expect expects "
     "expected hear heard know knows knew guess wish hope hoping hoped afraid sure convinced want wants "
     "wanted "
     "wanting"},
    {kFirstPerson, "i me my mine myself we us our ours ourselves"},
    {kSecondPerson, "you your yours yourself yourselves"},
    {kOuting, "coffee lunch dinner drink drinks beer beers bite tea brunch breakfast meal movie"},
    {kRelative,
     "mom mother dad father brother sister husband wife son daughter partner friend ex family kids "
     "child boss grandmother grandfather parents grandma grandpa uncle aunt cousin boyfriend "
     "girlfriend friends children siblings brothers sisters sons daughters cousins grandparents "
     "relatives dog dogs cat cats pet pets neighbor neighbors neighbour neighbours coworker coworkers "
     "colleague colleagues"},
    {kMetaphor,
     "carry carrying weight burden heavy load drowning wall rollercoaster crossroads juggling tug "
     "pulled torn storm battle fight fighting tunnel edge spinning treading eggshells trapped cage "
     "prison chains weighed weighing mountain uphill"},
    {kBe, "is are was were be been being am"},
    {kPastVerb,
     "lost left quit got started moved had was went felt found tried stopped became broke needed "
     "finished graduated decided did came took struggled dealt experienced lived worked divorced "
     "relapsed made saw met grew kept gave ran wrote sent paid bought brought built fell fought won sold "
     "slept began chose drove ate drank forgot held taught woke spent joined raised done gone seen taken "
     "given "
     "grown written eaten driven chosen forgotten begun fallen spoken"},
    {kNumber, "one two three four five six seven eight nine ten eleven twelve fifteen twenty"},
    {kIntensifier, "really so very quite pretty truly incredibly such extremely super"},
    {kHabitual,
     "often usually sometimes always normally generally typically regularly frequently too also personally "
     "myself"},
    {kSubordinator,
     "when whenever if that because cause where while until unless once before after since everything "
     "anything something things whatever wherever ways changes steps options"},
    {kGreetingWord, "hi hello hey hiya greetings"},
    {kProposal, "can will should helpful hope try best someone everyone people anyone"},
};

// Words for much the same feeling: a reply that gives the client's "anger" back as "angry", or
// "stressed" as "overwhelmed", names no new feeling (simple reflection, MITI 4.2.1). Only near
// synonyms of one feeling at much the same strength share a family.
constexpr std::string_view kFeelingFamilies[] = {
    "angry anger mad pissed",
    "furious livid",
    "annoyed irritated",
    "resentful resentment",
    "anxious anxiety nervous worried worry uneasy tense",
    "panic panicky",
    "scared afraid fear fearful frightened scary",
    "sad sadness unhappy miserable",
    "heartbroken devastated",
    "grief grieving",
    "stressed stress stressful",
    "overwhelmed overwhelm overwhelming",
    "exhausted exhausting drained",
    "lonely loneliness isolated",
    "hopeless hopelessness",
    "helpless helplessness powerless",
    "stuck trapped",
    "guilty guilt",
    "ashamed shame",
    "frustrated frustration frustrating",
    "torn conflicted ambivalent ambivalence",
    "unsure uncertain",
    "happy glad",
    "relieved relief",
    "disappointed disappointment disappointing",
    "discouraged discouraging disheartened",
    "hopeful hope",
};

// Spelled without an apostrophe (typed chat) or fused: split into the words the
// rules are written in.
constexpr std::pair<std::string_view, std::string_view> kExpansions[] = {
    {"dont", "do not"},       {"doesnt", "does not"},
    {"didnt", "did not"},     {"cant", "can not"},
    {"cannot", "can not"},    {"wont", "will not"},
    {"isnt", "is not"},       {"arent", "are not"},
    {"wasnt", "was not"},     {"werent", "were not"},
    {"havent", "have not"},   {"hasnt", "has not"},
    {"hadnt", "had not"},     {"couldnt", "could not"},
    {"wouldnt", "would not"}, {"shouldnt", "should not"},
    {"mustnt", "must not"},   {"im", "i am"},
    {"ive", "i have"},        {"youre", "you are"},
    {"youve", "you have"},    {"youll", "you will"},
    {"youd", "you would"},    {"theyre", "they are"},
    {"thats", "that is"},     {"whats", "what is"},
    {"lets", "let us"},       {"gonna", "going to"},
    {"wanna", "want to"},     {"gotta", "got to"},
    {"kinda", "kind of"},     {"sorta", "sort of"},
    {"itll", "it will"},      {"heres", "here is"},
    {"theres", "there is"},   {"whatre", "what are"},
    {"y'all", "you all"},     {"ya'll", "you all"},
    {"mmhmm", "mm-hmm"},      {"mhmm", "mm-hmm"},
    {"uhhuh", "uh-huh"},      {"u", "you"},
    {"ur", "your"},           {"r", "are"},
    {"iam", "i am"},          {"thx", "thanks"},
};

}  // namespace

void add_word_classes(Lexicon& lexicon) {
  for (const auto& [word_class, words] : kClassLists) lexicon.add_class(words, word_class);
  for (const auto& [word, replacement] : kExpansions) lexicon.add_expansion(word, replacement);
  for (std::string_view family : kFeelingFamilies) lexicon.add_family(family);
  for (WordId id = 1; id < lexicon.size(); ++id) {
    if (lexicon.is(id, kDiscourse | kHedge)) lexicon.add_class(lexicon.word(id), kAnchorSkip);
  }
}

}  // namespace attune::scoring::detail
