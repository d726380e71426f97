#include "samplegen/people.h"

#include <cstdio>

namespace facteur::samplegen {
namespace {

const std::vector<std::string> kFrFirst = {"Claire",  "Julien", "Élodie",  "François", "Hélène",
                                           "Mathieu", "Sophie", "Thierry", "Agnès",    "Jérôme"};
const std::vector<std::string> kFrLast = {"Dubois",  "Lefèvre",  "Moreau",  "Girard", "Rousseau",
                                          "Lambert", "Fournier", "Mercier", "Bonnet", "Garnier"};
const std::vector<std::string> kEnFirst = {"James",     "Emily",  "Oliver", "Sarah",  "Thomas",
                                           "Charlotte", "Daniel", "Hannah", "George", "Lucy"};
const std::vector<std::string> kEnLast = {"Taylor",  "Brown",  "Wilson", "Evans",  "Thompson",
                                          "Roberts", "Walker", "Wright", "Hughes", "Green"};
const std::vector<std::string> kFrStreets = {
    "rue Victor Hugo",      "avenue Jean Jaurès", "boulevard Gambetta", "rue de la République",
    "impasse des Tilleuls", "chemin du Moulin",   "place de l'Église",  "rue Pasteur"};
const std::vector<std::string> kFrCities = {"69002 Lyon",     "33000 Bordeaux",  "44000 Nantes",
                                            "31000 Toulouse", "13006 Marseille", "67000 Strasbourg",
                                            "59800 Lille",    "35000 Rennes"};
const std::vector<std::string> kEnStreets = {"Elm Grove",     "High Street", "Station Road", "Church Lane",
                                             "Victoria Road", "Park Avenue", "Mill Lane",    "Queen Street"};
const std::vector<std::string> kEnCities = {"London SW4 7JU",  "Manchester M14 5RB", "Leeds LS6 2AB",
                                            "Bristol BS8 1TH", "Leicester LE2 3FG",  "York YO10 5DD",
                                            "Oxford OX4 1AW",  "Bath BA1 2QT"};

const char* const kFrMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const kEnMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};

std::string CityOf(const std::string& city_line, bool french) {
  if (french) return city_line.substr(city_line.find(' ') + 1);
  return city_line.substr(0, city_line.find(' '));
}

std::string Digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Below(10));
  return s;
}

int DaysIn(int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month - 1];
}

}  // namespace

std::string Date::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::Numeric() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
  return buf;
}

std::string Date::Long(const std::string& language) const {
  if (language == "fr") {
    return (day == 1 ? std::string("1er") : std::to_string(day)) + " " + kFrMonths[month - 1] + " " +
           std::to_string(year);
  }
  return std::to_string(day) + " " + kEnMonths[month - 1] + " " + std::to_string(year);
}

Address RandomAddress(const std::string& language, Rng& rng) {
  bool fr = language == "fr";
  Address a;
  a.street = std::to_string(rng.Between(1, 148)) + " " + rng.Pick(fr ? kFrStreets : kEnStreets);
  a.city_line = rng.Pick(fr ? kFrCities : kEnCities);
  a.city = CityOf(a.city_line, fr);
  return a;
}

Person RandomPerson(const std::string& language, Rng& rng) {
  bool fr = language == "fr";
  Person p;
  p.name = rng.Pick(fr ? kFrFirst : kEnFirst) + " " + rng.Pick(fr ? kFrLast : kEnLast);
  p.address = RandomAddress(language, rng);
  p.phone = fr ? "0" + std::to_string(rng.Between(6, 7)) + " " + Digits(rng, 2) + " " + Digits(rng, 2) + " " +
                     Digits(rng, 2) + " " + Digits(rng, 2)
               : "07700 " + Digits(rng, 6);
  return p;
}

Company RandomCompany(const std::string& letter_class, const std::string& language, Rng& rng) {
  bool fr = language == "fr";
  // Recipients by trade; French names for French letters, British for English.
  struct Option {
    const char* name;
    const char* dept;
  };
  static const std::vector<Option> kFrInsurers = {{"ACME ASSURANCES", "Service Sinistres"},
                                                  {"Mutuelle du Rhône", "Service Contrats"},
                                                  {"Assurances Générales de l'Ouest", "Service Clients"}};
  static const std::vector<Option> kEnInsurers = {{"Albion Insurance plc", "Claims Department"},
                                                  {"Thistle Mutual", "Policy Services"}};
  static const std::vector<Option> kFrServices = {{"TéléNova", "Service Résiliations"},
                                                  {"Énergie Plus", "Service Réclamations"},
                                                  {"Eau de la Vallée", "Service Abonnés"},
                                                  {"Box Fibre Océane", "Service Prélèvements"}};
  static const std::vector<Option> kEnServices = {{"Brightwave Telecom", "Customer Relations"},
                                                  {"Northern Power & Gas", "Complaints Team"},
                                                  {"Severnside Water", "Customer Services"}};
  static const std::vector<Option> kFrSuppliers = {{"Bureau Plus SARL", "Service Commandes"},
                                                   {"Papeterie Martin", "Service Commercial"}};
  static const std::vector<Option> kEnSuppliers = {{"Oakley Office Supplies Ltd", "Sales Office"},
                                                   {"Penrose Stationery", "Orders Desk"}};
  bool insurer = letter_class == "claim" || letter_class == "information_request" ||
                 ((letter_class == "termination" || letter_class == "bank_details" ||
                   letter_class == "address_change") &&
                  rng.Chance(0.5));
  const std::vector<Option>* pool = fr ? &kFrServices : &kEnServices;
  if (insurer) pool = fr ? &kFrInsurers : &kEnInsurers;
  if (letter_class == "order" || letter_class == "invoice") pool = fr ? &kFrSuppliers : &kEnSuppliers;
  const Option& o = rng.Pick(*pool);
  Company c;
  c.name = o.name;
  c.department = o.dept;
  c.address = RandomAddress(language, rng);
  c.address.street = fr ? "TSA " + Digits(rng, 5) : "PO Box " + Digits(rng, 3);
  c.fax = fr ? "+33 " + std::to_string(rng.Between(1, 5)) + " " + Digits(rng, 2) + " " + Digits(rng, 2) +
                   " " + Digits(rng, 2) + " " + Digits(rng, 2)
             : "+44 20 " + Digits(rng, 4) + " " + Digits(rng, 4);
  return c;
}

Date RandomDate(Rng& rng) {
  Date d;
  d.year = 2026;
  d.month = rng.Between(1, 12);
  d.day = rng.Between(1, DaysIn(d.month));
  return d;
}

Date AddDays(Date d, int days) {
  d.day += days;
  while (d.day > DaysIn(d.month)) {
    d.day -= DaysIn(d.month);
    if (++d.month > 12) {
      d.month = 1;
      ++d.year;
    }
  }
  return d;
}

}  // namespace facteur::samplegen
