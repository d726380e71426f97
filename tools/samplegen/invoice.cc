#include "samplegen/invoice.h"

#include <cstdio>
#include <vector>

#include "samplegen/iban.h"
#include "samplegen/people.h"

namespace facteur::samplegen {
namespace {

struct Item {
  const char* fr;
  const char* en;
  const char* ref;
  long unit_cents;
};
const std::vector<Item> kItems = {
    {"Ramette papier A4 80 g", "A4 copier paper, 80 gsm, ream", "PA-4080", 590},
    {"Classeur à levier dos 80 mm", "Lever arch file, 80 mm", "CL-0080", 345},
    {"Cartouche toner noir", "Black toner cartridge", "TN-2410", 6890},
    {"Enveloppes C4 auto-adhésives (boîte de 250)", "C4 self-seal envelopes, box of 250", "EN-C425", 2450},
    {"Stylos bille bleus (boîte de 50)", "Blue ballpoint pens, box of 50", "ST-0050", 1290},
    {"Agrafeuse de bureau", "Desktop stapler", "AG-0210", 1875},
    {"Chemises cartonnées (paquet de 100)", "Manila folders, pack of 100", "CH-0100", 1560}};

std::string Digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Below(10));
  return s;
}

Block LinesBlock(std::vector<std::string> lines, double space_before, double indent = 0) {
  Block b;
  b.kind = Block::Kind::kLines;
  b.lines = std::move(lines);
  b.space_before = space_before;
  b.indent = indent;
  return b;
}

}  // namespace

std::string FormatMoney(long cents, const std::string& language) {
  const bool fr = language == "fr";
  std::string units = std::to_string(cents / 100);
  std::string grouped;
  for (size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) grouped += fr ? " " : ",";
    grouped += units[i];
  }
  char frac[4];
  std::snprintf(frac, sizeof frac, "%02ld", cents % 100);
  return fr ? grouped + "," + frac + " €" : "£" + grouped + "." + frac;
}

std::string OrderItems(const std::string& language, Rng& rng) {
  const bool fr = language == "fr";
  std::string out;
  int n = rng.Between(2, 4);
  int first = rng.Below(static_cast<int>(kItems.size()));
  for (int i = 0; i < n; ++i) {
    const Item& it = kItems[(first + i) % kItems.size()];
    if (i > 0) out += "\n";
    out += std::to_string(rng.Between(1, 12)) + " x " + (fr ? it.fr : it.en) + (fr ? ", réf. " : ", ref. ") +
           it.ref;
  }
  return out;
}

Letter ComposeInvoice(const ComposeOptions& options, Rng& rng) {
  const std::string& lang = options.language;
  const bool fr = lang == "fr";
  Letter letter;
  letter.letter_class = "invoice";
  letter.language = lang;
  Company supplier = RandomCompany("invoice", lang, rng);
  Person client = RandomPerson(lang, rng);
  Date date = RandomDate(rng);
  Date due = AddDays(date, 30);
  std::string number = (fr ? "F-2026-" : "INV-2026-") + Digits(rng, 4);
  std::string customer_id = "CL-" + Digits(rng, 6);
  std::string iban = MakeFrenchIban(rng);

  letter.blocks.push_back(LinesBlock({supplier.name, supplier.address.street, supplier.address.city_line,
                                      (fr ? "Fax : " : "Fax: ") + supplier.fax},
                                     0));
  letter.blocks.push_back(
      LinesBlock({client.name, client.address.street, client.address.city_line}, 1.2, 0.55));
  Block title = LinesBlock({(fr ? "FACTURE N° " : "INVOICE No. ") + number}, 1.5);
  title.bold = true;
  letter.blocks.push_back(title);
  letter.blocks.push_back(LinesBlock({(fr ? "Date de facture : " : "Invoice date: ") + date.Long(lang),
                                      (fr ? "Référence client : " : "Customer ref: ") + customer_id},
                                     0.8));

  std::vector<std::string> table = {fr ? "Qté\tDésignation\tPrix unitaire\tMontant"
                                       : "Qty\tDescription\tUnit price\tAmount"};
  long total = 0;
  int n = rng.Between(2, 5);
  int first = rng.Below(static_cast<int>(kItems.size()));
  for (int i = 0; i < n; ++i) {
    const Item& it = kItems[(first + i) % kItems.size()];
    int qty = rng.Between(1, 10);
    long line = qty * it.unit_cents;
    total += line;
    table.push_back(std::to_string(qty) + "\t" + (fr ? it.fr : it.en) + "\t" +
                    FormatMoney(it.unit_cents, lang) + "\t" + FormatMoney(line, lang));
  }
  Block items = LinesBlock(table, 1.5);
  items.tabs = {0.08, 0.66, 0.85};
  letter.blocks.push_back(items);
  long vat = (total * 20 + 50) / 100;
  letter.blocks.push_back(LinesBlock({(fr ? "Total HT : " : "Subtotal: ") + FormatMoney(total, lang),
                                      (fr ? "TVA 20 % : " : "VAT 20%: ") + FormatMoney(vat, lang),
                                      (fr ? "Total TTC : " : "Total due: ") + FormatMoney(total + vat, lang)},
                                     1.2, 0.5));
  letter.blocks.push_back(LinesBlock(
      {(fr ? "Échéance : " : "Payment due by: ") + due.Long(lang),
       (fr ? "Règlement par virement sur le compte IBAN " : "Please pay by bank transfer to IBAN ") +
           FormatIban(iban)},
      1.5));

  char total_str[32];
  std::snprintf(total_str, sizeof total_str, "%ld.%02ld", (total + vat) / 100, (total + vat) % 100);
  letter.fields = {{"date", date.Iso()},           {"invoice_number", number},
                   {"sender_name", supplier.name}, {"sender_address", supplier.address.OneLine()},
                   {"recipient", client.name},
                   {"customer_id", customer_id},   {"amount_total", total_str},
                   {"due_date", due.Iso()},        {"iban", iban}};
  return letter;
}

}  // namespace facteur::samplegen
