// facteur: the one executable. Subcommands are added as they land.
#include <cstdio>

int main() {
  std::puts("facteur " FACTEUR_VERSION);
  return 0;
}
