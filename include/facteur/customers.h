// CustomerDirectory: the customers a letter can be attached to (id, name,
// postcode, e-mail, phone, contract ids), loaded by `facteur customers
// import` and read by the `match.customer` stage.
//
// The real one is a table of HOME/facteur.db (src/store/sqlite_customers.cc,
// schema migration 2); tests may use it on a temporary home.
//
// Thread safety: one thread at a time per directory object.
#ifndef FACTEUR_CUSTOMERS_H_
#define FACTEUR_CUSTOMERS_H_

#include <memory>
#include <string>
#include <vector>

#include "facteur/status.h"

namespace facteur {

struct Customer {
  std::string id;                         // the CRM's customer id, e.g. "CL-446749"
  std::string name;                       // "Julien Girard", as the CRM writes it
  std::string postcode;                   // "44000", "M14 5RB"; may be empty
  std::string email;                      // may be empty
  std::string phone;                      // E.164 when known; may be empty
  std::vector<std::string> contract_ids;  // "CT-23065859"...
};

class CustomerDirectory {
 public:
  virtual ~CustomerDirectory() = default;
  // Adds the customers, replacing those with the same id (and their
  // contracts), in one transaction: all or none. Errors: kInvalidArgument
  // for an empty id, kBusy (retry), kExternal.
  virtual Status Put(const std::vector<Customer>& customers) = 0;
  // Every customer, ordered by id.
  virtual Result<std::vector<Customer>> All() = 0;
};

// Opens (creating if needed) the directory in HOME/facteur.db.
Result<std::unique_ptr<CustomerDirectory>> OpenSqliteCustomers(const std::string& home);

}  // namespace facteur

#endif  // FACTEUR_CUSTOMERS_H_
