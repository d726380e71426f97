#include "cleanup/geometry.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <opencv2/imgproc.hpp>

#include "cleanup/opencv_image.h"
#include "ocr/leptonica_image.h"

namespace facteur::cleanup {
namespace {

// A 1 bpp PIX (1 = ink) of a dark-on-light gray mat.
PixPtr ToPix1(const cv::Mat& gray) {
  cv::Mat ink;
  cv::threshold(gray, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  PixPtr pix(pixCreate(ink.cols, ink.rows, 1));
  if (!pix) return pix;
  const int wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < ink.rows; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* src = ink.ptr<uint8_t>(y);
    for (int x = 0; x < ink.cols; ++x) {
      if (src[x]) SET_DATA_BIT(line, x);
    }
  }
  return pix;
}

// Leptonica prints warnings ("max found at sweep edge") and errors of its
// own inner steps ("numaGetIValue: index not valid" on a page without
// enough text lines) to stderr; what matters reaches the page notes through
// the return values and confidences instead.
void QuietLeptonica() {
  static const bool quiet = [] {
    setMsgSeverity(L_SEVERITY_NONE);
    return true;
  }();
  (void)quiet;
}

cv::Mat Rotated(const cv::Mat& src, double clockwise_degrees) {
  const cv::Point2f centre(static_cast<float>(src.cols) / 2.0f, static_cast<float>(src.rows) / 2.0f);
  // OpenCV turns counter-clockwise for positive angles.
  cv::Mat m = cv::getRotationMatrix2D(centre, -clockwise_degrees, 1.0);
  const cv::Scalar white = src.channels() == 3 ? cv::Scalar(255, 255, 255) : cv::Scalar(255);
  cv::Mat out;
  cv::warpAffine(src, out, m, src.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, white);
  return out;
}

// Leptonica's confidence that `ink` has straight text lines across it,
// within 15 degrees (0 when none can be measured).
double LinesConfidence(Pix* ink) {
  l_float32 angle = 0, conf = 0;
  if (pixFindSkewSweepAndSearch(ink, &angle, &conf, 2, 2, 15.0f, 1.0f, 0.05f) != 0) return 0;
  return conf;
}

// Settles a vote Leptonica's rule left unsure (see AscenderVote).
void SettleByLines(Pix* ink, AscenderVote& vote) {
  constexpr double kMinVote = 8, kMinRatio = 1.5, kMinLines = 3;
  const double up = std::fabs(vote.up), side = std::fabs(vote.sideways);
  const bool up_axis = up >= kMinVote && up >= kMinRatio * side;
  const bool side_axis = side >= kMinVote && side >= kMinRatio * up;
  if (!up_axis && !side_axis) return;
  vote.lines_across = LinesConfidence(ink);
  if (up_axis && vote.lines_across >= kMinLines) {
    vote.rotate_degrees = vote.up > 0 ? 0 : 180;
    vote.by_lines = true;
    return;
  }
  PixPtr turned(pixRotate90(ink, 1));
  if (!turned) return;
  vote.lines_down = LinesConfidence(turned.get());
  if (side_axis && vote.lines_down >= kMinLines && vote.lines_across < kMinLines) {
    vote.rotate_degrees = vote.sideways > 0 ? 90 : 270;
    vote.by_lines = true;
  }
}

}  // namespace

Result<Skew> FindSkew(const Image& image, double max_degrees) {
  QuietLeptonica();
  try {
    PixPtr pix = ToPix1(GrayMat(image));
    if (!pix) return Err(Status::External("leptonica: cannot allocate image"));
    l_float32 angle = 0, conf = 0;
    // Sweep at 1/4 size in 1 degree steps, then refine by binary search at
    // 1/2 size down to 0.01 degree.
    const int reduce = image.width() * image.height() > 4'000'000 ? 4 : 2;
    if (pixFindSkewSweepAndSearch(pix.get(), &angle, &conf, reduce, std::min(reduce, 2),
                                  static_cast<l_float32>(max_degrees), 1.0f, 0.01f) != 0) {
      return Skew{};  // too little text: not measurable
    }
    // Leptonica's angle is the clockwise turn that corrects the page.
    return Skew{.degrees = angle, .confidence = conf};
  } catch (const cv::Exception& e) {
    return Err(Status::External(std::string("opencv: ") + e.what()));
  }
}

Result<AscenderVote> VoteAscenders(const Image& image) {
  QuietLeptonica();
  try {
    Result<PixPtr> gray = ImageToPix(FromMat(GrayMat(image), image.dpi_x(), image.dpi_y()));
    if (!gray) return Err(gray.error());
    // Leptonica's own example values: 10x15 tiles, background to 255.
    PixPtr ink(pixOtsuThreshOnBackgroundNorm(gray->get(), nullptr, 10, 15, 100, 50, 255, 2, 2, 0.1f, nullptr));
    l_float32 up = 0, sideways = 0;
    l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
    if (!ink || pixOrientDetect(ink.get(), &up, &sideways, 0, 0) != 0) return AscenderVote{};
    makeOrientDecision(up, sideways, 0, 0, &orient, 0);
    AscenderVote vote{.up = up, .sideways = sideways};
    switch (orient) {
      case L_TEXT_ORIENT_UP: vote.rotate_degrees = 0; break;
      case L_TEXT_ORIENT_LEFT: vote.rotate_degrees = 90; break;
      case L_TEXT_ORIENT_DOWN: vote.rotate_degrees = 180; break;
      case L_TEXT_ORIENT_RIGHT: vote.rotate_degrees = 270; break;
      default: SettleByLines(ink.get(), vote); break;
    }
    return vote;
  } catch (const cv::Exception& e) {
    return Err(Status::External(std::string("opencv: ") + e.what()));
  }
}

Image RotateImage(const Image& image, double degrees) {
  cv::Mat view = View(image);
  const bool bilevel = IsBilevel(view);
  cv::Mat out = Rotated(view, degrees);
  if (bilevel) cv::threshold(out, out, 127, 255, cv::THRESH_BINARY);
  return FromMat(out, image.dpi_x(), image.dpi_y());
}

void RotatePageQuarter(Page& page, int clockwise_degrees) {
  const int q = ((clockwise_degrees % 360) + 360) % 360 / 90;
  if (q == 0) return;
  const int codes[] = {0, cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180, cv::ROTATE_90_COUNTERCLOCKWISE};
  for (Image* image : {&page.image, &page.ocr_image}) {
    if (image->empty()) continue;
    cv::Mat out;
    cv::rotate(View(*image), out, codes[q]);
    const bool swap = q % 2 == 1;
    *image = FromMat(out, swap ? image->dpi_y() : image->dpi_x(), swap ? image->dpi_x() : image->dpi_y());
  }
  page.width = page.image.width();
  page.height = page.image.height();
}

void RotatePage(Page& page, double clockwise_degrees) {
  for (Image* image : {&page.image, &page.ocr_image}) {
    if (!image->empty()) *image = RotateImage(*image, clockwise_degrees);
  }
}

}  // namespace facteur::cleanup
