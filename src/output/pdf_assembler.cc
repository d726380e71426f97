#include "output/pdf_assembler.h"

#include <exception>
#include <filesystem>
#include <map>
#include <memory>

// Use qpdf 11 with std::shared_ptr only (no PointerHolder, no warning).
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace facteur {
namespace {

namespace fs = std::filesystem;

// An opened source file and its pages. qpdf copies pages lazily: every
// source must stay open until the output has been written.
struct Source {
  std::unique_ptr<QPDF> pdf;
  std::vector<QPDFPageObjectHelper> pages;
};

Result<Source*> Open(std::map<std::string, Source>& sources, const std::string& path) {
  auto it = sources.find(path);
  if (it != sources.end()) return &it->second;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Err(Status::NotFound(path + ": no such PDF file"));
  Source source;
  source.pdf = std::make_unique<QPDF>();
  source.pdf->setSuppressWarnings(true);
  try {
    source.pdf->processFile(path.c_str());
    source.pages = QPDFPageDocumentHelper(*source.pdf).getAllPages();
  } catch (const std::exception& e) {
    return Err(Status::Corrupt(path + ": qpdf: " + e.what()));
  }
  return &sources.emplace(path, std::move(source)).first->second;
}

// Writes `pdf` to `out_path` through "<out_path>.tmp" and a rename.
Status WriteThenRename(QPDF& pdf, const std::string& out_path) {
  const std::string tmp = out_path + ".tmp";
  try {
    QPDFWriter writer(pdf, tmp.c_str());
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return Status::IOError(out_path + ": qpdf: " + e.what());
  }
  std::error_code ec;
  fs::rename(tmp, out_path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::IOError(out_path + ": cannot rename " + tmp + ": " + ec.message());
  }
  return Status::OK();
}

}  // namespace

Status AssemblePdf(const std::vector<PdfPageRef>& pages, const std::string& out_path) {
  if (pages.empty()) return Status::InvalidArgument(out_path + ": no pages to write");
  std::map<std::string, Source> sources;
  try {
    QPDF out;
    out.setSuppressWarnings(true);
    out.emptyPDF();
    QPDFPageDocumentHelper out_pages(out);
    for (const PdfPageRef& ref : pages) {
      Result<Source*> source = Open(sources, ref.path);
      if (!source) return source.error();
      const auto& src_pages = source.value()->pages;
      if (ref.page < 0 || static_cast<size_t>(ref.page) >= src_pages.size()) {
        return Status::NotFound(ref.path + ": no page " + std::to_string(ref.page + 1) + " (it has " +
                                std::to_string(src_pages.size()) + ")");
      }
      // A page of another QPDF is copied in (copyForeignObject) by addPage.
      out_pages.addPage(src_pages[ref.page], /*first=*/false);
    }
    return WriteThenRename(out, out_path);
  } catch (const std::exception& e) {
    return Status::IOError(out_path + ": qpdf: " + e.what());
  }
}

Status OverlayPdfPage(const std::string& base_path, const std::vector<std::string>& overlays) {
  std::map<std::string, Source> sources;
  Result<Source*> base = Open(sources, base_path);
  if (!base) return base.error();
  if (base.value()->pages.empty()) return Status::Corrupt(base_path + ": no page");
  try {
    QPDF& pdf = *base.value()->pdf;
    QPDFPageObjectHelper page = base.value()->pages[0];
    // The page's own drawing is closed in q/Q, so that whatever state it
    // leaves cannot move the text laid over it.
    page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), /*first=*/true);
    page.addPageContents(QPDFObjectHandle::newStream(&pdf, "\nQ\n"), /*first=*/false);
    QPDFObjectHandle resources = page.getAttribute("/Resources", true);
    if (!resources.hasKey("/XObject")) resources.replaceKey("/XObject", QPDFObjectHandle::newDictionary());
    int suffix = 0;
    for (const std::string& path : overlays) {
      Result<Source*> overlay = Open(sources, path);
      if (!overlay) return overlay.error();
      if (overlay.value()->pages.empty()) return Status::Corrupt(path + ": no page");
      QPDFObjectHandle form = pdf.copyForeignObject(overlay.value()->pages[0].getFormXObjectForPage());
      const std::string name = resources.getUniqueResourceName("/Fx", suffix);
      resources.getKey("/XObject").replaceKey(name, form);
      const std::string place = page.placeFormXObject(form, name, page.getTrimBox().getArrayAsRectangle());
      page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n" + place + "\nQ\n"), /*first=*/false);
    }
    return WriteThenRename(pdf, base_path);
  } catch (const std::exception& e) {
    return Status::IOError(base_path + ": qpdf: " + e.what());
  }
}

}  // namespace facteur
