// facteur customers: the customer directory that match.customer reads.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "extract/customer_csv.h"
#include "facteur/customers.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur customers import [options] FILE.csv
       facteur customers list [options]

import: loads a customer directory export into the store, replacing the
customers with the same id. Columns (first row, any order): id, name,
postcode, email, phone, contracts (several ids separated by ';' or '|').
Delimiter ',' or ';'. The `match.customer` stage then attaches each
document to its customer by id, contract id, e-mail or name+postcode.

list: prints the directory (id, name, postcode, contracts).

options:
  --home DIR    store folder (default: $FACTEUR_HOME, else ./var)
  -h, --help    this help

exit codes: 0 done, 2 bad file or options, 5 store not writable.
)";

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Err(Status::NotFound(path + ": cannot open"));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Err(Status::IOError(path + ": read error"));
  return s.str();
}

}  // namespace

int CustomersCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("customers", args, {{"home", true}}, kHelp, flags, code)) return code;
  const auto& pos = flags.positional();
  const std::string verb = pos.empty() ? "" : pos[0];
  if (verb != "import" && verb != "list")
    return ReportError("customers", Status::InvalidArgument("give `import FILE.csv` or `list` (see --help)"));
  if (verb == "import" && pos.size() != 2)
    return ReportError("customers", Status::InvalidArgument("import takes one CSV file"));
  auto dir = OpenSqliteCustomers(HomeDir(flags));
  if (!dir) return ReportError("customers", dir.error());
  if (verb == "list") {
    auto all = (*dir)->All();
    if (!all) return ReportError("customers", all.error());
    for (const Customer& c : *all) {
      std::string contracts;
      for (const std::string& k : c.contract_ids) contracts += (contracts.empty() ? "" : ";") + k;
      std::printf("%s\t%s\t%s\t%s\n", c.id.c_str(), c.name.c_str(), c.postcode.c_str(), contracts.c_str());
    }
    return 0;
  }
  auto text = ReadFile(pos[1]);
  if (!text) return ReportError("customers", text.error());
  auto customers = extract::ParseCustomersCsv(*text, pos[1]);
  if (!customers) return ReportError("customers", customers.error());
  Status s = (*dir)->Put(*customers);
  if (!s.ok()) return ReportError("customers", s);
  std::fprintf(stderr, "facteur customers: %zu customers imported into %s\n", customers->size(),
               HomeDir(flags).c_str());
  return 0;
}

}  // namespace facteur
