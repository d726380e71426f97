#include "samplegen/tray.h"

#include <cstdio>
#include <fstream>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "samplegen/check.h"
#include "samplegen/degrade.h"
#include "samplegen/letter.h"
#include "samplegen/render.h"
#include "samplegen/writers.h"

namespace facteur::samplegen {
namespace {

struct TrayPage {
  Page page;
  int letter = 0;  // 1-based; 0 = blank back
  const char* kind = "blank";
};

// A blank back side: white paper, a few specks of dust, scanner noise.
Page BlankBack(int width, int height, int dpi, Rng& rng) {
  Page page;
  page.pixels = cv::Mat(height, width, CV_8UC1, cv::Scalar(255));
  page.dpi_x = page.dpi_y = dpi;
  for (int i = 0; i < 6; ++i)
    cv::circle(page.pixels, cv::Point(rng.Below(width), rng.Below(height)), 1, cv::Scalar(rng.Between(60, 160)), -1);
  GaussianNoise(page, 5, rng, 230);
  return page;
}

// 1, 2 or 3 pages (about 45/35/20 %): a second page break before the
// closing makes the third.
Letter ComposeTrayLetter(const std::string& language, Rng& rng) {
  ComposeOptions options;
  options.letter_class = rng.Pick(kLetterClasses);
  options.language = language;
  const int pages = rng.Chance(0.45) ? 1 : rng.Chance(0.64) ? 2 : 3;
  options.min_pages = pages > 1 ? 2 : 1;
  Letter letter = ComposeLetter(options, rng);
  if (pages == 3) {
    for (size_t i = letter.blocks.size(); i-- > 0;) {
      if (letter.blocks[i].kind != Block::Kind::kParagraph) continue;
      Block brk;
      brk.kind = Block::Kind::kPageBreak;
      letter.blocks.insert(letter.blocks.begin() + static_cast<long>(i), brk);
      break;
    }
  }
  return letter;
}

}  // namespace

Result<std::string> GenerateTray(const TraySpec& spec, const std::string& out_dir) {
  Rng rng(spec.seed);
  std::vector<TrayPage> tray;
  for (int n = 1; n <= spec.letters; ++n) {
    std::string language = spec.language == "both" ? (rng.Chance(0.5) ? "fr" : "en") : spec.language;
    Letter letter = ComposeTrayLetter(language, rng);
    RenderOptions render;
    render.dpi = spec.dpi;
    render.font = rng.Pick(kFonts);
    render.font_size_pt = rng.Chance(0.5) ? 11 : 10;
    auto pages = RenderLetter(letter, render);
    if (!pages) return Err(pages.error());
    const bool both_sides = pages->size() > 1 && rng.Chance(spec.recto_verso);
    for (size_t p = 0; p < pages->size(); ++p) {
      Page& page = (*pages)[p];
      Skew(page, rng.Uniform(-1.2, 1.2));
      GaussianNoise(page, rng.Between(3, 8), rng, 230);
      const int width = page.pixels.cols, height = page.pixels.rows;
      tray.push_back(TrayPage{std::move(page), n, p == 0 ? "first" : "next"});
      // Recto-verso: odd pages go on the back of the sheet before.
      const bool back_follows = both_sides && p % 2 == 0 && p + 1 < pages->size();
      if (!back_follows) tray.push_back(TrayPage{BlankBack(width, height, spec.dpi, rng), 0, "blank"});
    }
  }
  const std::string base = out_dir + "/" + spec.name;
  std::vector<Page> pages;
  std::ofstream truth(base + ".truth.tsv");
  for (size_t i = 0; i < tray.size(); ++i) {
    truth << i << '\t' << tray[i].letter << '\t' << tray[i].kind << '\n';
    pages.push_back(std::move(tray[i].page));
  }
  if (!truth) return Err(Status::IOError(base + ".truth.tsv: cannot write"));
  FACTEUR_RETURN_IF_ERROR_RESULT(WriteTiff(base + ".tif", pages, TiffCompression::kLzw));
  return base + ".tif";
}

}  // namespace facteur::samplegen
