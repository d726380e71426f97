// Made-up senders, recipients and dates for generated letters, in the shape
// a French or British mailroom sees them.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_PEOPLE_H_
#define FACTEUR_TOOLS_SAMPLEGEN_PEOPLE_H_

#include <string>
#include <vector>

#include "samplegen/rng.h"

namespace facteur::samplegen {

struct Address {
  std::string street;     // "12 rue Victor Hugo" / "14 Elm Grove"
  std::string city_line;  // "69002 Lyon" / "London SW4 7JU"
  std::string city;       // "Lyon" (for "Lyon, le ...")
  std::string OneLine() const { return street + ", " + city_line; }
};

struct Person {
  std::string name;  // "Claire Dubois" / "Mr James Taylor"
  Address address;
  std::string phone;  // "06 12 34 56 78" / "07700 900123"
};

struct Company {
  std::string name;        // "ACME ASSURANCES"
  std::string department;  // "Service Résiliations"
  Address address;
  std::string fax;  // "+33 1 23 45 67 89"
};

struct Date {
  int year = 2026, month = 1, day = 1;
  std::string Iso() const;
  // "14 octobre 2026" / "12 November 2026"
  std::string Long(const std::string& language) const;
  // "14/10/2026"
  std::string Numeric() const;
};

Person RandomPerson(const std::string& language, Rng& rng);
Address RandomAddress(const std::string& language, Rng& rng);
// A recipient that fits the class: an insurer for claims, a bank for bank
// details, a telecom or utility for complaints...
Company RandomCompany(const std::string& letter_class, const std::string& language, Rng& rng);
// A date in 2026; `after` days later than `base` when given.
Date RandomDate(Rng& rng);
Date AddDays(Date base, int days);

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_PEOPLE_H_
