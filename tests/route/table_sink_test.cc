// The pull queue: a `type: table` destination delivers into the store, and
// `facteur queue pull NAME [--ack]` hands the messages to an integrator.
#include <catch2/catch.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/hash.h"
#include "facteur/store.h"
#include "route/deliverer.h"
#include "store/temp_home.h"
#include "testing/cli.h"

namespace facteur {
namespace {

const char kPipeline[] = R"(name: table-queues
version: 1
stages:
  - import: {}
  - route:
      default: [erp-inbound]
      destinations:
        erp-inbound: {type: table, queue: erp}
)";

Document Routed(const testing::TempHome& home, const std::string& id) {
  Document d;
  d.id = id;
  d.source.path = "/in/" + id + ".tif";
  d.source.sha256 = Sha256Hex("original " + id);
  d.source.received = "2026-11-22T17:41:00Z";
  d.classification = {.label = "invoice", .confidence = 0.9};
  d.queues = {"erp-inbound"};
  d.deliveries = {{.destination = "erp-inbound"}};
  d.pdf_path = home / (id + ".work.pdf");
  testing::WriteFile(d.pdf_path, "%PDF-1.4 " + id);
  return d;
}

Poco::JSON::Object::Ptr Parse(const std::string& line) {
  Poco::JSON::Parser parser;
  return parser.parse(line).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("A table destination queues each document once and an ack is final", "[route]") {
  testing::TempHome home;
  const std::string pipeline = home.Write("p.yaml", kPipeline);
  {
    auto store = OpenSqliteStore(home.path());
    REQUIRE(store.has_value());
    for (const char* id : {"d1", "d2", "d3"}) REQUIRE((*store)->Put(Routed(home, id)).ok());
    auto dest = route::Destinations::FromPipelineFile(pipeline, home.path());
    REQUIRE(dest.has_value());
    auto report = route::DeliverDue(**store, **dest);
    REQUIRE(report.has_value());
    CHECK(report->delivered == 3);
    // Delivering again (a replay, or a crash before the outbox heard of the
    // first delivery) keeps one message per document.
    REQUIRE(*(*store)->RequeueDeliveries("d1", "", true) == 1);
    REQUIRE(route::DeliverDue(**store, **dest)->delivered == 1);
  }
  auto store = OpenSqliteStore(home.path());
  REQUIRE(store.has_value());
  Store& s = **store;

  auto peek = s.PullQueue("erp", 10, "");
  REQUIRE(peek.has_value());
  REQUIRE(peek->size() == 3);
  CHECK((*peek)[0].document_id == "d1");
  CHECK((*peek)[0].pdf_sha256 == Sha256Hex("%PDF-1.4 d1"));
  CHECK((*peek)[0].pdf_path == home.path() + "/documents/d1.pdf");
  auto meta = Parse((*peek)[0].metadata);
  CHECK(meta->getValue<std::string>("idempotency_key") == "d1:erp-inbound");
  CHECK(meta->getObject("class")->getValue<std::string>("label") == "invoice");
  CHECK(s.PullQueue("other", 10, "")->empty());

  SECTION("without --ack a pull can be repeated") { CHECK(s.PullQueue("erp", 10, "")->size() == 3); }
  SECTION("acknowledged messages are journaled and never offered again") {
    auto acked = s.PullQueue("erp", 2, "alice");
    REQUIRE(acked.has_value());
    REQUIRE(acked->size() == 2);
    CHECK((*acked)[1].acked_by == "alice");
    auto left = s.PullQueue("erp", 10, "");
    REQUIRE(left->size() == 1);
    CHECK((*left)[0].document_id == "d3");
    // A later delivery of an acknowledged document does not bring it back.
    REQUIRE(s.Enqueue((*acked)[0]).ok());
    CHECK(s.PullQueue("erp", 10, "")->size() == 1);
    auto journal = s.Journal("d1");
    REQUIRE(journal.has_value());
    CHECK(journal->back().message.find("erp: acknowledged by alice") != std::string::npos);
  }
}

TEST_CASE("facteur queue pull prints JSON lines and --ack empties the queue", "[route][cli]") {
  testing::TempHome home;
  const std::string pipeline = home.Write("p.yaml", kPipeline);
  const std::string h = home.path() + "/h";
  {
    auto store = OpenSqliteStore(h);
    REQUIRE(store.has_value());
    REQUIRE((*store)->Put(Routed(home, "doc-a")).ok());
    REQUIRE((*store)->Put(Routed(home, "doc-b")).ok());
  }
  auto deliver = testing::RunFacteur({"queue", "deliver", "--home", h, "--pipeline", pipeline});
  INFO(deliver.err);
  REQUIRE(deliver.exit_code == 0);
  CHECK(deliver.out.find("delivered 2") != std::string::npos);

  auto peek = testing::RunFacteur({"queue", "pull", "erp", "--home", h, "--json"});
  REQUIRE(peek.exit_code == 0);
  auto lines = testing::Lines(peek.out);
  REQUIRE(lines.size() == 2);
  auto first = Parse(lines[0]);
  CHECK(first->getValue<std::string>("document_id") == "doc-a");
  CHECK(first->isNull("acked"));
  CHECK(first->getObject("metadata")->getValue<std::string>("destination") == "erp-inbound");

  auto ack = testing::RunFacteur({"queue", "pull", "erp", "--home", h, "--json", "--ack", "--limit", "1",
                                  "--operator", "erp-bot"});
  REQUIRE(ack.exit_code == 0);
  REQUIRE(testing::Lines(ack.out).size() == 1);
  CHECK(Parse(testing::Lines(ack.out)[0])->getValue<std::string>("acked").size() == 20);
  auto rest = testing::RunFacteur({"queue", "pull", "erp", "--home", h, "--json"});
  REQUIRE(testing::Lines(rest.out).size() == 1);
  CHECK(Parse(testing::Lines(rest.out)[0])->getValue<std::string>("document_id") == "doc-b");
}

}  // namespace facteur
