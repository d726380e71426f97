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
  Block subject = Lines({FillTemplate(SplitPick(cw.subjects, options.split, rng), vars)}, 0.8);
  subject.bold = true;
  letter.blocks.push_back(subject);
  letter.blocks.push_back(Lines({SplitPick(words.salutations, options.split, rng)}, 1.2));

  // Body: an opening, 1-2 middles, maybe an ending (2-4 paragraphs).
  std::vector<Block> body = {BodyBlock(FillTemplate(SplitPick(cw.openings, options.split, rng), vars))};
  const std::vector<int> middles = SplitIndices(static_cast<int>(cw.middles.size()), options.split);
  int n_middle = middles.size() > 1 ? rng.Between(1, 2) : 1;
  int first = rng.Below(static_cast<int>(middles.size()));
  for (int i = 0; i < n_middle; ++i) {
    body.push_back(BodyBlock(FillTemplate(cw.middles[middles[(first + i) % middles.size()]], vars)));
  }
  std::string ending = SplitPick(cw.endings, options.split, rng);
  if (!ending.empty()) body.push_back(BodyBlock(FillTemplate(ending, vars)));
  for (size_t i = 0; i < body.size(); ++i) {
    if (options.min_pages > 1 && i == (body.size() + 1) / 2) {
      Block brk;
      brk.kind = Block::Kind::kPageBreak;
      letter.blocks.push_back(brk);
    }
    letter.blocks.push_back(body[i]);
  }
  letter.blocks.push_back(Paragraph(SplitPick(words.closings, options.split, rng)));
  letter.blocks.push_back(Lines({sender.name}, 2.5, 0.55));
  std::string attachment = SplitPick(cw.attachments, options.split, rng);
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
