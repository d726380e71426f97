// The store's SQL schema and its migrations.
//
// The schema version lives in SQLite's `PRAGMA user_version`. Migration N
// (1-based) takes the database from version N-1 to N; Migrate() applies the
// missing ones in order, each in its own transaction together with the new
// user_version, so a crash leaves the database at some whole version. To add
// a table or a column later, append a migration to kMigrations in schema.cc;
// never edit one that has shipped.
//
// A database written by a newer facteur (user_version above ours) is refused
// with kUnsupported rather than guessed at.
#ifndef FACTEUR_STORE_SCHEMA_H_
#define FACTEUR_STORE_SCHEMA_H_

#include <sqlite3.h>

#include "facteur/status.h"

namespace facteur::store {

// The version Migrate() brings a database to.
int LatestSchemaVersion();

// Creates or upgrades the schema. REQUIRES: no open transaction on db.
// Errors: kUnsupported (newer database), kBusy, kExternal.
Status Migrate(sqlite3* db);

}  // namespace facteur::store

#endif  // FACTEUR_STORE_SCHEMA_H_
