// The parts of a letter found by their place: the sender's block at the top
// (name, address up to the postcode line), the recipient's block after it,
// and the subject line ("Objet :", "Re:", "Subject:").
#ifndef FACTEUR_EXTRACT_LETTER_PARTS_H_
#define FACTEUR_EXTRACT_LETTER_PARTS_H_

#include <string>
#include <vector>

#include "extract/found.h"

namespace facteur::extract {

struct SenderBlock {
  MaybeFound name;       // first line of the block, when it reads like a name
  MaybeFound address;    // the following lines up to the postcode, joined with ", "
  MaybeFound postcode;   // "44000", "M14 5RB"
  MaybeFound recipient;  // first line of the next block (with its own postcode)
  int end_line = -1;     // index of the block's last line (the postcode line)
};

// Reads the top of the first page; `skip_line` (or -1) is a fax header.
// Empty result when no postcode line comes within the first lines.
SenderBlock FindSenderBlock(const std::vector<std::string>& lines, int skip_line);

// The subject after "Objet :", "Subject:", "Re:", "Concerne :".
MaybeFound FindSubject(const std::vector<std::string>& lines);

}  // namespace facteur::extract

#endif  // FACTEUR_EXTRACT_LETTER_PARTS_H_
