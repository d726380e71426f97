// Conversions between facteur::Image and cv::Mat for the cleanup folder.
// OpenCV types stay inside src/cleanup.
//
// Thread safety: plain functions; each call owns what it creates.
#ifndef FACTEUR_CLEANUP_OPENCV_IMAGE_H_
#define FACTEUR_CLEANUP_OPENCV_IMAGE_H_

#include <opencv2/core.hpp>

#include "facteur/image.h"

namespace facteur::cleanup {

// A CV_8UC1 or CV_8UC3 (RGB order) header over the image's pixels: no copy,
// valid while `image` lives and is not reassigned.
cv::Mat View(Image& image);
cv::Mat View(const Image& image);  // do not write through it

// A Gray8 copy of any image (RGB -> luminance); the dpi is kept.
cv::Mat GrayMat(const Image& image);

// An Image holding a copy of `mat` (CV_8UC1 -> Gray8, CV_8UC3 -> Rgb8) with
// the given dpi. REQUIRES: mat is 8-bit with 1 or 3 channels.
Image FromMat(const cv::Mat& mat, double dpi_x, double dpi_y);

// `mat` scaled by `scale` (INTER_AREA), never below 1x1 pixel: a tiny page
// (a 32x2 fax strip) must not make OpenCV assert.
cv::Mat Scaled(const cv::Mat& mat, double scale);

// True when every pixel of a Gray8 image is 0 or 255.
bool IsBilevel(const cv::Mat& gray);

}  // namespace facteur::cleanup

#endif  // FACTEUR_CLEANUP_OPENCV_IMAGE_H_
