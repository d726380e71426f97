// Invoices and order lines: the two classes that carry item tables.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_INVOICE_H_
#define FACTEUR_TOOLS_SAMPLEGEN_INVOICE_H_

#include <string>

#include "samplegen/letter.h"
#include "samplegen/rng.h"

namespace facteur::samplegen {

// "1 234,50 €" (fr) or "£1,234.50" (en).
std::string FormatMoney(long cents, const std::string& language);

// 2-4 order lines ("3 x Ramette papier A4 80 g, réf. PA-4080"), '\n'-separated.
std::string OrderItems(const std::string& language, Rng& rng);

// A supplier's invoice: letterhead, number, dates, client, item table,
// totals with 20 % VAT, payment terms with a valid IBAN. Fields: date,
// invoice_number, customer_id, amount_total, due_date, iban, recipient.
Letter ComposeInvoice(const ComposeOptions& options, Rng& rng);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_INVOICE_H_
