// Reads a customer directory export (CSV) into Customers.
//
// The first row names the columns, in any order and case: id (or
// customer_id, client), name (nom), postcode (code_postal, cp, zip), email
// (mail, courriel), phone (telephone, tel), contracts (contract_ids,
// contrats; several ids separated by ';', '|' or spaces). Only id is
// required. The delimiter is ',' or ';' (French spreadsheets), guessed from
// the header; fields may be quoted ("..." with "" for a quote); a UTF-8 BOM
// and CRLF line ends are accepted. Phones are normalised to E.164 when they
// are French or UK numbers.
#ifndef FACTEUR_EXTRACT_CUSTOMER_CSV_H_
#define FACTEUR_EXTRACT_CUSTOMER_CSV_H_

#include <string>
#include <vector>

#include "facteur/customers.h"
#include "facteur/status.h"

namespace facteur::extract {

// Errors: kInvalidArgument "FILE:LINE: problem" (no id column, an empty id,
// an unclosed quote, a duplicate id).
Result<std::vector<Customer>> ParseCustomersCsv(const std::string& text, const std::string& origin);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_CUSTOMER_CSV_H_
