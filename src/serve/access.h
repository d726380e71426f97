// Who may use the web page: a bearer token, or users with hashed passwords.
//
// Users file: one "user:HASH" per line; '#' starts a comment line. HASH is
//   pbkdf2-sha256$ITERATIONS$SALT_HEX$KEY_HEX   (PBKDF2-HMAC-SHA256, 32-byte key)
//   sha256$SALT_HEX$HEX                         (SHA-256 of salt bytes + password)
// `facteur serve --hash-password` prints the first form for a password
// read from stdin. A request passes with "Authorization: Bearer TOKEN", or
// HTTP Basic as a user of the file (or any user name with the token as
// password). Comparisons take the same time whatever matches.
//
// Thread safety: Allows() may be called from several threads at once.
#ifndef FACTEUR_SERVE_ACCESS_H_
#define FACTEUR_SERVE_ACCESS_H_

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "facteur/status.h"

namespace facteur::serve {

inline constexpr int kDefaultPbkdf2Iterations = 100000;

class Access {
 public:
  // Errors: kNotFound / kIOError for an unreadable users file,
  // kInvalidArgument naming FILE:LINE for a line that is not user:HASH.
  static Result<Access> Load(const std::string& token, const std::string& users_file);

  Access() = default;
  Access(Access&& other) noexcept : token_(std::move(other.token_)), users_(std::move(other.users_)) {}

  // Whether any credential is configured (else every request passes).
  bool Required() const { return !token_.empty() || !users_.empty(); }

  // Whether the Authorization header value lets the request in; `who` gets
  // the user name ("token" for the bearer token) for the journal.
  bool Allows(const std::string& authorization, std::string& who) const;

 private:
  bool CheckUser(const std::string& user, const std::string& password) const;

  std::string token_;
  std::map<std::string, std::string> users_;  // user -> HASH
  // SHA-256 of "user\npassword" pairs already verified, so PBKDF2 runs
  // once per user rather than once per request (a page has many images).
  mutable std::mutex mu_;
  mutable std::set<std::string> verified_;  // guarded by mu_
};

// "pbkdf2-sha256$ITER$SALT$KEY" for `password` with a fresh random salt.
std::string HashPassword(const std::string& password, int iterations = kDefaultPbkdf2Iterations);

// Whether `password` matches `hash` (either form above); false for a
// malformed hash.
bool CheckPassword(const std::string& hash, const std::string& password);

}  // namespace facteur::serve

#endif  // FACTEUR_SERVE_ACCESS_H_
