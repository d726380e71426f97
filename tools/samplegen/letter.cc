// ComposeLetter: one letter's blocks and ground truth from the wordings.
//
// Placeholders the wordings may use: {sender_name} {contract_id}
// {customer_id} {effective_date} {incident_date} {amount} {phone}
// {old_address} {new_address} {iban} {bic} {bank_name} {order_number} {items}.
#include "samplegen/letter.h"

#include "samplegen/iban.h"
#include "samplegen/invoice.h"
#include "samplegen/people.h"

namespace facteur::samplegen {

const std::vector<std::string> kLetterClasses = {
    "termination", "complaint", "address_change", "bank_details",
    "claim",       "order",     "invoice",        "information_request"};

const char kOtherClass[] = "other";

std::vector<int> SplitIndices(int n, const std::string& split) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) {
    const bool eval = n > 3 ? (i % 3 == 2 || i == n - 1) : i == n - 1;
    if (split.empty() || n == 1 || (split == "eval") == eval) out.push_back(i);
  }
  return out;
}

const std::string& SplitPick(const std::vector<std::string>& items, const std::string& split, Rng& rng) {
  const std::vector<int> allowed = SplitIndices(static_cast<int>(items.size()), split);
  return items[allowed[rng.Below(static_cast<int>(allowed.size()))]];
}

std::string FillTemplate(const std::string& tmpl,
                         const std::vector<std::pair<std::string, std::string>>& vars) {
  std::string out = tmpl;
  for (const auto& [key, value] : vars) {
    const std::string token = "{" + key + "}";
    for (size_t pos = out.find(token); pos != std::string::npos; pos = out.find(token, pos + value.size())) {
      out.replace(pos, token.size(), value);
    }
  }
  return out;
}

namespace {

std::string Digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Below(10));
  return s;
}

Block Lines(std::vector<std::string> lines, double space_before, double indent = 0) {
  Block b;
  b.kind = Block::Kind::kLines;
  b.lines = std::move(lines);
  b.space_before = space_before;
  b.indent = indent;
  return b;
}

Block Paragraph(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

// A filled paragraph; text with '\n' (a bank-details box, an item list)
// keeps its lines and is indented.
Block BodyBlock(const std::string& text) {
  if (text.find('\n') == std::string::npos) return Paragraph(text);
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(text.substr(start, nl - start));
  }
  lines.push_back(text.substr(start));
  return Lines(std::move(lines), 0.8, 0.08);
}

// `cw` for a train letter: its share of the shared lists, then the
// train-only wordings.
void TrainWordings(const std::string& cls, const std::string& lang, ClassWordings& cw) {
  for (std::vector<std::string>* list : {&cw.subjects, &cw.openings, &cw.middles, &cw.endings, &cw.attachments}) {
    std::vector<std::string> kept;
    for (int i : SplitIndices(static_cast<int>(list->size()), "train")) kept.push_back((*list)[i]);
    *list = std::move(kept);
  }
  (lang == "fr" ? AddFrenchTrainWordings : AddEnglishTrainWordings)(cls, cw);
}

// Salutations and closings for a train letter: the train share of the
// shared ones plus the train-only ones, the same for every class.
void TrainCourtesies(const std::string& lang, std::vector<std::string>& salutations,
                     std::vector<std::string>& closings) {
  for (std::vector<std::string>* list : {&salutations, &closings}) {
    std::vector<std::string> kept;
    for (int i : SplitIndices(static_cast<int>(list->size()), "train")) kept.push_back((*list)[i]);
    *list = std::move(kept);
  }
  const bool fr = lang == "fr";
  const auto& more_salutations = fr ? FrenchTrainSalutations() : EnglishTrainSalutations();
  const auto& more_closings = fr ? FrenchTrainClosings() : EnglishTrainClosings();
  salutations.insert(salutations.end(), more_salutations.begin(), more_salutations.end());
  closings.insert(closings.end(), more_closings.begin(), more_closings.end());
}

// Train letters vary in shape: some are one paragraph, some carry a
// sentence any class may have, some mention a second topic in passing
// (the letter's class stays its main intent).
void VaryTrainBody(const std::string& cls, const std::string& lang,
                   const std::vector<std::pair<std::string, std::string>>& vars, Rng& rng, std::vector<Block>& body) {
  if (body.size() > 1 && cls != "bank_details" && cls != "order" && rng.Chance(0.15)) body.resize(1);
  const auto& asides = lang == "fr" ? FrenchTrainAsides() : EnglishTrainAsides();
  for (int n = rng.Chance(0.6) ? rng.Between(1, 2) : 0; n > 0; --n) {
    const int at = rng.Between(0, static_cast<int>(body.size()));
    body.insert(body.begin() + at, BodyBlock(FillTemplate(asides[rng.Below(static_cast<int>(asides.size()))], vars)));
  }
  if (rng.Chance(0.12)) {
    static const std::vector<std::string> kSide = {"termination", "complaint", "address_change", "claim",
                                                   "information_request"};
    const std::string& side = kSide[rng.Below(static_cast<int>(kSide.size()))];
    if (side == cls) return;
    ClassWordings other = (lang == "fr" ? FrenchWordings() : EnglishWordings()).for_class(side);
    TrainWordings(side, lang, other);
    std::string mention = FillTemplate(other.middles[rng.Below(static_cast<int>(other.middles.size()))], vars);
    if (!mention.empty() && mention[0] >= 'A' && mention[0] <= 'Z' && mention.compare(0, 2, "I ") != 0)
      mention[0] = static_cast<char>(mention[0] - 'A' + 'a');
    body.push_back(BodyBlock((lang == "fr" ? "Par ailleurs, " : "Also, ") + mention));
  }
}

}  // namespace

std::string LetterText(const Letter& letter) {
  std::string text;
  for (const Block& b : letter.blocks) {
    for (const std::string& line : b.lines) text += line + "\n";
    if (!b.text.empty()) text += b.text + "\n";
  }
  return text;
}

Letter ComposeLetter(const ComposeOptions& options, Rng& rng) {
  const std::string& cls = options.letter_class;
  const std::string& lang = options.language;
  if (cls == "invoice") return ComposeInvoice(options, rng);
  const bool fr = lang == "fr";
  const LanguageWordings& words = fr ? FrenchWordings() : EnglishWordings();
  ClassWordings cw = words.for_class(cls);
  if (!options.split.empty()) AddExtraWordings(cls, lang, cw);
  // Train letters pick from their share of the shared lists plus the
  // train-only wordings; eval letters draw exactly as before (same lists,
  // same random draws), so the eval split stays what it was.
  const bool train = options.split == "train";
  const std::string pick_split = train ? "" : options.split;
  if (train) TrainWordings(cls, lang, cw);

  Letter letter;
  letter.letter_class = cls;
  letter.language = lang;
  Person sender = RandomPerson(lang, rng);
  Company to = RandomCompany(cls, lang, rng);
  Date date = RandomDate(rng);
  Date effective = AddDays(date, rng.Between(20, 60));
  Date incident = AddDays(RandomDate(rng), 0);
  if (incident.month > date.month) incident.month = date.month;
  if (incident.month == date.month && incident.day > date.day) incident.day = 1;
  std::string customer_id = "CL-" + Digits(rng, 6);
  std::string contract_id = (fr ? "CT-2" : "POL-") + Digits(rng, 7);
  const FrenchBank& bank = RandomFrenchBank(rng);
  std::string iban = MakeFrenchIban(rng, bank);
  const std::pair<std::string, std::string> bic = {bank.bic, bank.name};
  Address new_address = RandomAddress(lang, rng);
  int cents = rng.Between(2500, 189000);
  std::string amount = FormatMoney(cents, lang);
  std::string order_number = (fr ? "BC-" : "PO-") + Digits(rng, 5);
  std::string items = OrderItems(lang, rng);

  std::vector<std::pair<std::string, std::string>> vars = {{"sender_name", sender.name},
                                                           {"contract_id", contract_id},
                                                           {"customer_id", customer_id},
                                                           {"effective_date", effective.Long(lang)},
                                                           {"incident_date", incident.Long(lang)},
                                                           {"amount", amount},
                                                           {"phone", sender.phone},
                                                           {"old_address", sender.address.OneLine()},
                                                           {"new_address", new_address.OneLine()},
                                                           {"iban", FormatIban(iban)},
                                                           {"bic", bic.first},
                                                           {"bank_name", bic.second},
                                                           {"order_number", order_number},
                                                           {"items", items}};

  // Header: sender, recipient, place and date, references, subject.
  letter.blocks.push_back(Lines({sender.name, sender.address.street, sender.address.city_line,
                                 (fr ? "Tél. : " : "Tel: ") + sender.phone},
                                0));
  letter.blocks.push_back(
      Lines({to.name, to.department, to.address.street, to.address.city_line}, 1.2, 0.55));
  Block place = Lines({sender.address.city + (fr ? ", le " : ", ") + date.Long(lang)}, 1.5);
  place.right_align = true;
  letter.blocks.push_back(place);
  std::vector<std::string> refs = {(fr ? "Référence client : " : "Customer ref: ") + customer_id};
  if (cls != "order") {
    refs.push_back((fr ? "N° de contrat : " : (cls == "claim" ? "Policy No. " : "Contract No. ")) +
                   contract_id);
  }
  letter.blocks.push_back(Lines(refs, 1.2));
  Block subject = Lines({FillTemplate(SplitPick(cw.subjects, pick_split, rng), vars)}, 0.8);
  subject.bold = true;
  // Train letters sometimes have no subject line (as many real ones).
  if (!train || !rng.Chance(0.1)) letter.blocks.push_back(subject);
  std::vector<std::string> salutations = words.salutations, closings = words.closings;
  if (train) TrainCourtesies(lang, salutations, closings);
  letter.blocks.push_back(Lines({SplitPick(salutations, pick_split, rng)}, 1.2));

  // Body: an opening, 1-2 middles, maybe an ending (2-4 paragraphs).
  std::vector<Block> body = {BodyBlock(FillTemplate(SplitPick(cw.openings, pick_split, rng), vars))};
  const std::vector<int> middles = SplitIndices(static_cast<int>(cw.middles.size()), pick_split);
  int n_middle = middles.size() > 1 ? rng.Between(1, 2) : 1;
  int first = rng.Below(static_cast<int>(middles.size()));
  for (int i = 0; i < n_middle; ++i) {
    body.push_back(BodyBlock(FillTemplate(cw.middles[middles[(first + i) % middles.size()]], vars)));
  }
  std::string ending = SplitPick(cw.endings, pick_split, rng);
  if (!ending.empty()) body.push_back(BodyBlock(FillTemplate(ending, vars)));
  if (train) VaryTrainBody(cls, lang, vars, rng, body);
  for (size_t i = 0; i < body.size(); ++i) {
    if (options.min_pages > 1 && i == (body.size() + 1) / 2) {
      Block brk;
      brk.kind = Block::Kind::kPageBreak;
      letter.blocks.push_back(brk);
    }
    letter.blocks.push_back(body[i]);
  }
  letter.blocks.push_back(Paragraph(SplitPick(closings, pick_split, rng)));
  letter.blocks.push_back(Lines({sender.name}, 2.5, 0.55));
  std::string attachment = SplitPick(cw.attachments, pick_split, rng);
  if (!attachment.empty()) letter.blocks.push_back(Lines({attachment}, 1.5));

  // Ground truth, normalised. A field is recorded only when the wording
  // that was picked actually printed it.
  letter.fields = {{"date", date.Iso()},
                   {"sender_name", sender.name},
                   {"sender_address", sender.address.OneLine()},
                   {"recipient", to.name},
                   {"customer_id", customer_id}};
  const std::string text = LetterText(letter);
  struct Candidate {
    const char* key;
    std::string value;
    std::string printed;
  };
  const Candidate candidates[] = {
      {"contract_id", contract_id, contract_id},
      {"effective_date", effective.Iso(), effective.Long(lang)},
      {"incident_date", incident.Iso(), incident.Long(lang)},
      {"new_address", new_address.OneLine(), new_address.OneLine()},
      {"iban", iban, FormatIban(iban)},
      {"bic", bic.first, bic.first},
      {"amount",
       std::to_string(cents / 100) + "." + std::to_string(cents % 100 / 10) + std::to_string(cents % 10),
       amount},
      {"order_number", order_number, order_number}};
  for (const Candidate& c : candidates) {
    if (text.find(c.printed) != std::string::npos) letter.fields.push_back({c.key, c.value});
  }
  return letter;
}

}  // namespace facteur::samplegen
