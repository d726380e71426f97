// CustomerDirectory on the customers / customer_contracts tables of
// HOME/facteur.db (schema migration 2).
#include <map>

#include "facteur/customers.h"
#include "store/object_store.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace facteur {
namespace {

using store::DbPtr;
using store::Statement;
using store::Transaction;

class SqliteCustomers : public CustomerDirectory {
 public:
  explicit SqliteCustomers(DbPtr db) : db_(std::move(db)) {}

  Status Put(const std::vector<Customer>& customers) override {
    for (const Customer& c : customers)
      if (c.id.empty()) return Status::InvalidArgument("customer with an empty id (name '" + c.name + "')");
    Transaction txn(db_.get());
    FACTEUR_RETURN_IF_ERROR(txn.status());
    for (const Customer& c : customers) {
      // REPLACE deletes the old row first, and with it (ON DELETE CASCADE) its contracts.
      Statement put(db_.get(),
                    "INSERT OR REPLACE INTO customers (id, name, postcode, email, phone) "
                    "VALUES (?, ?, ?, ?, ?)");
      FACTEUR_RETURN_IF_ERROR(put.Bind(c.id).Bind(c.name).Bind(c.postcode).Bind(c.email).Bind(c.phone).Run());
      Statement clear(db_.get(), "DELETE FROM customer_contracts WHERE customer_id = ?");
      FACTEUR_RETURN_IF_ERROR(clear.Bind(c.id).Run());
      for (const std::string& contract : c.contract_ids) {
        Statement add(db_.get(),
                      "INSERT OR IGNORE INTO customer_contracts (contract_id, customer_id) VALUES (?, ?)");
        FACTEUR_RETURN_IF_ERROR(add.Bind(contract).Bind(c.id).Run());
      }
    }
    return txn.Commit();
  }

  Result<std::vector<Customer>> All() override {
    Transaction txn(db_.get(), Transaction::Mode::kRead);
    if (!txn.status().ok()) return Err(txn.status());
    std::vector<Customer> out;
    std::map<std::string, size_t> index;
    Statement rows(db_.get(), "SELECT id, name, postcode, email, phone FROM customers ORDER BY id");
    if (!rows.ok()) return Err(rows.status());
    for (;;) {
      Result<bool> row = rows.Step();
      if (!row) return Err(row.error());
      if (!*row) break;
      index[rows.Text(0)] = out.size();
      out.push_back(Customer{rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3), rows.Text(4), {}});
    }
    Statement contracts(db_.get(),
                        "SELECT customer_id, contract_id FROM customer_contracts ORDER BY contract_id");
    if (!contracts.ok()) return Err(contracts.status());
    for (;;) {
      Result<bool> row = contracts.Step();
      if (!row) return Err(row.error());
      if (!*row) break;
      auto it = index.find(contracts.Text(0));
      if (it != index.end()) out[it->second].contract_ids.push_back(contracts.Text(1));
    }
    return out;
  }

 private:
  DbPtr db_;
};

}  // namespace

Result<std::unique_ptr<CustomerDirectory>> OpenSqliteCustomers(const std::string& home) {
  using namespace store;
  Status s = MakeDirs(home);
  if (!s.ok()) return Err(s.WithContext("customers " + home));
  const std::string path = home + "/facteur.db";
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  DbPtr db(raw);  // owns the handle even when the open failed
  if (rc != SQLITE_OK) return Err(SqliteError(db.get(), rc, path + ": cannot open"));
  // The same settings as the store's connection (sqlite_store.cc): a WAL
  // database shared with it, foreign keys for the contracts' cascade.
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), 5000);
  s = Exec(db.get(), "PRAGMA journal_mode = WAL");
  if (s.ok()) s = Exec(db.get(), "PRAGMA foreign_keys = ON");
  if (s.ok()) s = Migrate(db.get());
  if (!s.ok()) return Err(s.WithContext(path));
  return std::unique_ptr<CustomerDirectory>(new SqliteCustomers(std::move(db)));
}

}  // namespace facteur
