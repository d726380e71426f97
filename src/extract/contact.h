// Contact details: e-mail, phone and fax numbers (French and UK forms,
// normalised to E.164), postcodes (French 5 digits before a town, UK
// postcodes), and the sender's number in a fax header line
// ("26/11/2026 09:11  +33 4 75 16 66 29  JULIEN GIRARD  P.01").
#ifndef FACTEUR_EXTRACT_CONTACT_H_
#define FACTEUR_EXTRACT_CONTACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/found.h"

namespace facteur::extract {

// "+33 4 75 16 66 29" -> "+33475166629", "07 68 47 85 25" -> "+33768478525",
// "07700 107443" -> "+447700107443", "+44 (0)20 3215 3505" -> "+442032153505";
// "" when it is not a French or UK number.
std::string NormalisePhone(std::string_view printed);

struct Span {
  std::string value;  // normalised
  size_t begin = 0;   // byte range in the line
  size_t end = 0;
};

// Phone numbers in one cleaned line.
std::vector<Span> FindPhones(std::string_view line);
// Postcodes in one cleaned line: "44000" before a town name, "M14 5RB".
std::vector<Span> FindPostcodes(std::string_view line);

// The index of the fax header line among the first lines, or -1.
int FaxHeaderLine(const std::vector<std::string>& lines);
// The sending machine's number from the fax header line.
MaybeFound FindFaxSender(const std::vector<std::string>& lines);

// The sender's phone: a "Tél." / "Tel" / "Phone" / "Mobile" label first, then
// any number outside fax lines. Lines before `prefer_before` (the sender
// block) rank above the rest.
MaybeFound FindPhone(const std::vector<std::string>& lines, int prefer_before);

// The first e-mail address (lower-cased), higher when labelled.
MaybeFound FindEmail(const std::vector<std::string>& lines);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_CONTACT_H_
