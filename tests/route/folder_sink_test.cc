#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/hash.h"
#include "facteur/store.h"
#include "route/deliverer.h"
#include "route/folder_sink.h"
#include "store/temp_home.h"
#include "testing/corpus.h"

namespace facteur {
namespace {

namespace fs = std::filesystem;

using facteur::testing::Slurp;

Document Stored(const testing::TempHome& home, const std::string& id, const std::string& pdf_bytes) {
  Document d;
  d.id = id;
  d.source.path = "/in/" + id + ".tif";
  d.source.sha256 = Sha256Hex("original " + id);
  d.source.received = "2026-11-22T17:41:00Z";
  d.classification = {.label = "complaint", .confidence = 0.97};
  d.fields["customer"] = {.value = "C-" + id};
  d.queues = {"crm-complaints"};
  d.deliveries = {{.destination = "crm-complaints", .priority = 5, .due = "2026-11-24T17:41:00Z"}};
  d.pdf_path = home / (id + ".work.pdf");
  testing::WriteFile(d.pdf_path, pdf_bytes);
  return d;
}

}  // namespace

TEST_CASE("The folder sink never shows a partial PDF to a consumer that waits for the sidecar", "[route]") {
  testing::TempHome home;
  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  const int kDocs = 40;
  std::map<std::string, std::string> sha_of;  // file stem -> sha256 of its PDF
  for (int i = 0; i < kDocs; ++i) {
    std::string id = "doc" + std::to_string(i);
    std::string bytes = "%PDF-1.4\n" + std::string(150000 + i * 997, static_cast<char>('a' + i % 26));
    REQUIRE((*store)->Put(Stored(home, id, bytes)).ok());
    sha_of["20261122_complaint_" + id] = Sha256Hex(bytes);
  }
  const fs::path queue = home / "out/crm-complaints";
  std::atomic<bool> done{false};
  std::atomic<int> checked{0}, bad{0};
  std::thread consumer([&] {
    // Polls while the deliverer writes; bounded by the deliverer finishing.
    for (bool last = false; !last;) {
      last = done.load();
      std::error_code ec;
      if (!fs::exists(queue, ec)) continue;
      for (const auto& e : fs::directory_iterator(queue, ec)) {
        std::string name = e.path().filename().string();
        if (name[0] == '.' || e.path().extension() != ".json") continue;
        std::string stem = e.path().stem().string();
        std::string pdf = Slurp(queue / (stem + ".pdf"));
        std::string json = Slurp(e.path());
        if (Sha256Hex(pdf) != sha_of[stem] || json.find(sha_of[stem]) == std::string::npos) ++bad;
        ++checked;
      }
    }
  });
  route::Destinations destinations(home.path());
  auto report = route::DeliverDue(**store, destinations);
  done = true;
  consumer.join();
  REQUIRE(report.has_value());
  CHECK(report->delivered == kDocs);
  CHECK(bad == 0);
  CHECK(checked >= kDocs);
  int visible = 0;
  for (const auto& e : fs::directory_iterator(queue)) {
    CHECK(e.path().filename().string()[0] != '.');  // no temp file left
    ++visible;
  }
  CHECK(visible == 2 * kDocs);
  std::string sidecar = Slurp(queue / "20261122_complaint_doc3.json");
  CHECK(sidecar.find("\"document_id\":\"doc3\"") != std::string::npos);
  CHECK(sidecar.find(Sha256Hex("original doc3")) != std::string::npos);
  CHECK(sidecar.find("\"customer\":\"C-doc3\"") != std::string::npos);
  CHECK(sidecar.find("\"due\":\"2026-11-24T17:41:00Z\"") != std::string::npos);
  CHECK((*store)->ListDeliveries("delivered", "", 1000)->size() == kDocs);
}

TEST_CASE("The folder sink dead-letters a record whose PDF is gone and writes no sidecar", "[route]") {
  testing::TempHome home;
  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  REQUIRE((*store)->Put(Stored(home, "gone", "%PDF-1.4 x")).ok());
  fs::remove(home / "documents/gone.pdf");
  route::Destinations destinations(home.path());
  auto report = route::DeliverDue(**store, destinations);
  REQUIRE(report.has_value());
  CHECK(report->dead == 1);
  CHECK_FALSE(fs::exists(home / "out/crm-complaints/20261122_complaint_gone.json"));
  auto dead = (*store)->ListDeliveries("dead", "", 10);
  REQUIRE(dead->size() == 1);
  CHECK(dead->front().last_error.find("gone.pdf") != std::string::npos);
}

TEST_CASE("Folder sink file name templates stay inside the folder", "[route]") {
  Document d;
  d.id = "x1";
  d.classification.label = "a/b";
  d.source.received = "2026-01-02T00:00:00Z";
  CHECK(*route::ExpandName("{date}-{class}-{id}-{queue}", d, {.destination = "q"}) == "20260102-a_b-x1-q");
  CHECK_FALSE(route::ExpandName(".{id}", d, {.destination = "q"}).has_value());
}

}  // namespace facteur
