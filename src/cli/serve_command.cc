// facteur serve: the archivists' web page over a store (src/serve).
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "serve/access.h"
#include "serve/web_server.h"

namespace facteur {
namespace {

const char kHelp[] = R"(usage: facteur serve [options]
       facteur serve --hash-password < password.txt

Serves the archivists' web page: a search box with filters (class,
customer, contract, received dates, queue, status, source), ranked hits with
snippets and thumbnails, each record with its page images beside the OCR
text, fields, classes, route, deliveries and journal, and downloads of the
original and the searchable PDF. Every view and download is journaled.
Plain HTML, no internet needed. Stops on SIGINT / SIGTERM.

options:
  --home DIR        store folder (default: $FACTEUR_HOME, else ./var)
  --listen ADDR     HOST:PORT to listen on (default 127.0.0.1:8080; port 0 =
                    any free port, printed on stderr)
  --token T         require "Authorization: Bearer T" (or T as an HTTP Basic
                    password); $FACTEUR_SERVE_TOKEN is read when not given,
                    which keeps the token out of `ps`
  --users FILE      require HTTP Basic as a user of FILE: lines user:HASH
  --threads N       request threads (default 4)
  --hash-password   read a password from stdin, print a PBKDF2-SHA256 hash
                    for a users-file line (user:HASH), and exit
  -h, --help        this help

On an address other than loopback (127.0.0.0/8, ::1, localhost) the server
refuses to start unless --token or --users is given. Put it behind a TLS
reverse proxy when it leaves the machine: Basic and Bearer travel in clear.

exit codes: 0 stopped by a signal, 2 bad options or non-loopback without
  authentication, 4 no store in HOME, 5 the address cannot be bound.
)";

int HashPasswordCommand() {
  bool tty = ::isatty(STDIN_FILENO);
  termios old_mode {};
  if (tty) {
    std::fprintf(stderr, "password: ");
    ::tcgetattr(STDIN_FILENO, &old_mode);
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (tty) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::fprintf(stderr, "\n");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) return ReportError("serve", Status::InvalidArgument("--hash-password: empty password"));
  std::printf("%s\n", serve::HashPassword(password).c_str());
  return 0;
}

}  // namespace

int ServeCommand(const Args& args) {
  Flags flags;
  int code = 0;
  if (!ParseOrExit("serve", args,
                   {{"home", true}, {"listen", true}, {"token", true}, {"users", true}, {"threads", true},
                    {"hash-password", false}},
                   kHelp, flags, code))
    return code;
  if (flags.Has("hash-password")) return HashPasswordCommand();
  if (!flags.positional().empty()) {
    return ReportError("serve", Status::InvalidArgument("unexpected argument '" + flags.positional()[0] + "'"));
  }
  auto threads = flags.GetInt("threads", 4, 1, 64);
  if (!threads) return ReportError("serve", threads.error());
  serve::ServeOptions options;
  options.home = HomeDir(flags);
  options.listen = flags.Get("listen", options.listen);
  const char* env_token = std::getenv("FACTEUR_SERVE_TOKEN");
  options.token = flags.Get("token", env_token ? env_token : "");
  options.users_file = flags.Get("users");
  options.threads = static_cast<int>(*threads);

  // Block the stop signals before Poco makes its threads, so they inherit
  // the mask and only sigwait below sees them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  auto server = serve::StartWebServer(options);
  if (!server) return ReportError("serve", server.error());
  std::string host = options.listen.substr(0, options.listen.rfind(':'));
  std::fprintf(stderr, "facteur serve: %s on http://%s:%d/ (%s)\n", options.home.c_str(), host.c_str(),
               (*server)->Port(),
               options.token.empty() && options.users_file.empty() ? "no authentication" : "authentication required");
  int sig = 0;
  sigwait(&stop, &sig);
  std::fprintf(stderr, "facteur serve: stopping (signal %d)\n", sig);
  (*server)->Stop();
  return 0;
}

}  // namespace facteur
