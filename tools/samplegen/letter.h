// Letter: the content of one generated mailroom letter, before rendering.
//
// ComposeLetter picks sender, recipient, date, references and 2-4 body
// paragraphs from per-class, per-language wordings (templates_fr.cc,
// templates_en.cc) with a seeded Rng, so one seed gives one letter. The
// ground-truth fields (customer_id, iban, date...) are recorded as they are
// printed, normalised (ISO dates, IBAN without spaces).
#ifndef FACTEUR_TOOLS_SAMPLEGEN_LETTER_H_
#define FACTEUR_TOOLS_SAMPLEGEN_LETTER_H_

#include <string>
#include <utility>
#include <vector>

#include "samplegen/rng.h"

namespace facteur::samplegen {

// The classes facteur routes, as written in .json ground truth and --classes.
extern const std::vector<std::string> kLetterClasses;
// Letters that fit none of them (thanks, invitations, applications): class
// "other", asked for by name with --classes.
extern const char kOtherClass[];

// One laid-out piece of a letter. Lines blocks keep their line breaks (address
// blocks, tables); paragraphs are wrapped by the renderer.
struct Block {
  enum class Kind { kLines, kParagraph, kPageBreak };
  Kind kind = Kind::kParagraph;
  std::vector<std::string> lines;  // kLines: one entry per printed line
  std::string text;                // kParagraph: wrapped to the text width
  double indent = 0;               // left offset as a fraction of the text width
  bool right_align = false;        // flush right (place and date)
  bool bold = false;               // subject line, invoice title
  double space_before = 0.8;       // blank space above, in lines
  // Left tab stops as fractions of the text width: a line's '\t' jumps to
  // the next stop (item tables). Ground truth writes a tab as two spaces.
  std::vector<double> tabs;
};

struct Letter {
  std::string letter_class;  // one of kLetterClasses
  std::string language;      // "fr" or "en"
  std::vector<Block> blocks;
  // Ground truth in print order: ("customer_id", "CL-482913"), ("date", "2026-10-14")...
  std::vector<std::pair<std::string, std::string>> fields;
};

struct ComposeOptions {
  std::string letter_class = "termination";
  std::string language = "fr";
  // 2 forces a page break in the body (a two-page letter); 1 lets it flow.
  int min_pages = 1;
  // Which wordings may be used: "" all of them; "train" and "eval" disjoint
  // sets (see SplitIndices), so an evaluation corpus has wordings and
  // templates no training letter has.
  std::string split;
};

// Indices of a list of `n` wordings that `split` may use: "eval" gets the
// last one, and every third from index 2 when there are more than three;
// "train" the others; a single wording is shared by both; "" gives all.
std::vector<int> SplitIndices(int n, const std::string& split);
// A wording from `items` allowed by `split`.
const std::string& SplitPick(const std::vector<std::string>& items, const std::string& split, Rng& rng);

// REQUIRES: options.letter_class in kLetterClasses, language "fr" or "en".
Letter ComposeLetter(const ComposeOptions& options, Rng& rng);

// All the letter's text, unwrapped, one block per line (for field checks).
std::string LetterText(const Letter& letter);

// Replaces each "{key}" in `tmpl` by its value in `vars`; unknown keys stay.
std::string FillTemplate(const std::string& tmpl,
                         const std::vector<std::pair<std::string, std::string>>& vars);

// Per-class wordings in one language. Each string may use {placeholders}
// filled by ComposeLetter (see letter.cc for the list).
struct ClassWordings {
  std::vector<std::string> subjects;
  std::vector<std::string> openings;     // first paragraph: pick one
  std::vector<std::string> middles;      // pick 1-2
  std::vector<std::string> endings;      // pick 0-1
  std::vector<std::string> attachments;  // "P.J. : ..." lines, may be empty
};

struct LanguageWordings {
  std::vector<std::string> salutations;
  std::vector<std::string> closings;
  ClassWordings (*for_class)(const std::string& letter_class);
};

// More wordings for `letter_class`, used when a split is asked for
// (templates_extra.cc), so samples/ stay reproducible.
void AddExtraWordings(const std::string& letter_class, const std::string& language, ClassWordings& wordings);

// Wordings only the "train" split uses (templates_train_fr.cc,
// templates_train_en.cc): many more phrasings per class. They are added
// after SplitIndices has divided the shared lists, so they never move a
// wording into or out of the eval split.
void AddFrenchTrainWordings(const std::string& letter_class, ClassWordings& wordings);
void AddEnglishTrainWordings(const std::string& letter_class, ClassWordings& wordings);
// Sentences any class may carry (distractors) in "train" letters.
const std::vector<std::string>& FrenchTrainAsides();
const std::vector<std::string>& EnglishTrainAsides();
// Salutations and closings train letters of every class may use.
const std::vector<std::string>& FrenchTrainSalutations();
const std::vector<std::string>& FrenchTrainClosings();
const std::vector<std::string>& EnglishTrainSalutations();
const std::vector<std::string>& EnglishTrainClosings();

const LanguageWordings& FrenchWordings();
const LanguageWordings& EnglishWordings();

}  // namespace facteur::samplegen

#endif  // FACTEUR_TOOLS_SAMPLEGEN_LETTER_H_
