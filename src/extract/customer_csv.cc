#include "extract/customer_csv.h"

#include <map>
#include <set>

#include "extract/contact.h"
#include "extract/text_scan.h"

namespace facteur::extract {
namespace {

// One record; `pos` moves past it. Quoted fields may span lines.
Result<std::vector<std::string>> ReadRecord(const std::string& text, size_t& pos, char delim, int& line,
                                            const std::string& origin) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  const int start_line = line;
  while (pos < text.size()) {
    char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == delim) {
      fields.emplace_back();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted)
    return Err(Status::InvalidArgument(origin + ":" + std::to_string(start_line) + ": unclosed quote"));
  for (std::string& f : fields) f = CleanLine(f);
  return fields;
}

std::string Column(const std::string& header) {
  static const std::map<std::string, std::string> kNames = {{"id", "id"},
                                                            {"customer_id", "id"},
                                                            {"customer id", "id"},
                                                            {"client", "id"},
                                                            {"ref", "id"},
                                                            {"name", "name"},
                                                            {"nom", "name"},
                                                            {"postcode", "postcode"},
                                                            {"code_postal", "postcode"},
                                                            {"code postal", "postcode"},
                                                            {"cp", "postcode"},
                                                            {"zip", "postcode"},
                                                            {"email", "email"},
                                                            {"e-mail", "email"},
                                                            {"mail", "email"},
                                                            {"courriel", "email"},
                                                            {"phone", "phone"},
                                                            {"telephone", "phone"},
                                                            {"tel", "phone"},
                                                            {"contracts", "contracts"},
                                                            {"contract_ids", "contracts"},
                                                            {"contrats", "contracts"},
                                                            {"contract", "contracts"}};
  auto it = kNames.find(FoldText(Trim(header)));
  return it == kNames.end() ? "" : it->second;
}

std::vector<std::string> SplitIds(const std::string& s) {
  std::vector<std::string> out;
  std::string id;
  for (char c : s + " ") {
    if (c == ';' || c == '|' || c == ' ' || c == ',') {
      if (!id.empty()) out.push_back(id);
      id.clear();
    } else {
      id += c;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<Customer>> ParseCustomersCsv(const std::string& input, const std::string& origin) {
  std::string text = input.rfind("\xEF\xBB\xBF", 0) == 0 ? input.substr(3) : input;
  const std::string first_line = text.substr(0, text.find('\n'));
  const char delim =
      first_line.find(';') != std::string::npos && first_line.find(',') == std::string::npos ? ';' : ',';
  size_t pos = 0;
  int line = 1;
  auto header = ReadRecord(text, pos, delim, line, origin);
  if (!header) return Err(header.error());
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header->size(); ++i)
    if (std::string name = Column((*header)[i]); !name.empty()) col.emplace(name, i);
  if (!col.count("id"))
    return Err(Status::InvalidArgument(
        origin + ":1: no id column (want id, name, postcode, email, phone, contracts)"));
  std::vector<Customer> out;
  std::set<std::string> seen;
  while (pos < text.size()) {
    const int at = line;
    auto rec = ReadRecord(text, pos, delim, line, origin);
    if (!rec) return Err(rec.error());
    if (rec->size() == 1 && (*rec)[0].empty()) continue;  // blank line
    auto get = [&](const char* name) {
      auto it = col.find(name);
      return it != col.end() && it->second < rec->size() ? (*rec)[it->second] : std::string();
    };
    Customer c{get("id"),    get("name"),  Upper(get("postcode")),
               get("email"), get("phone"), SplitIds(get("contracts"))};
    if (c.id.empty()) return Err(Status::InvalidArgument(origin + ":" + std::to_string(at) + ": empty id"));
    if (!seen.insert(c.id).second)
      return Err(
          Status::InvalidArgument(origin + ":" + std::to_string(at) + ": id '" + c.id + "' given twice"));
    if (std::string e164 = NormalisePhone(c.phone); !e164.empty()) c.phone = e164;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace facteur::extract
