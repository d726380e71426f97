#include <catch2/catch.hpp>

#include "route/route_rules.h"

namespace facteur::route {
namespace {

RouteTable Table(const std::string& yaml) {
  auto s = Settings::Parse(yaml, "route.yaml");
  REQUIRE(s.has_value());
  auto t = ParseRouteTable(*s);
  INFO((t ? "" : t.error().message()));
  REQUIRE(t.has_value());
  return *t;
}

Document Doc(const std::string& label, double confidence) {
  Document d;
  d.id = "d1";
  d.classification.label = label;
  d.classification.confidence = confidence;
  d.source.received = "2026-11-22T17:41:00Z";
  d.source.path = "/in/fax-0001.tif";
  return d;
}

std::vector<std::string> Destinations(const RouteDecision& d) {
  std::vector<std::string> out;
  for (const Delivery& x : d.deliveries) out.push_back(x.destination);
  return out;
}

const char kRules[] = R"(
mode: MODE
default: [inbox]
rules:
  - name: complaints
    when: {class: complaint, min_confidence: 0.6}
    to: [crm-complaints]
    priority: 5
    due: 48h
  - name: fax complaints
    when: {class: [complaint, claim], channel: fax}
    to: [fax-desk, crm-complaints]
    due: 1d
  - name: invoices with IBAN
    when: {class: invoice, fields: {iban: {pattern: '^FR76'}, currency: {value: EUR}, number: present}}
    to: ged-invoices
)";

std::string WithMode(const std::string& mode) {
  std::string y = kRules;
  y.replace(y.find("MODE"), 4, mode);
  return y;
}

}  // namespace

TEST_CASE("Route rules give the first match or all matches as declared", "[route]") {
  Document doc = Doc("complaint", 0.9);
  doc.source.channel = Channel::kFax;
  SECTION("first") {
    auto d = Decide(Table(WithMode("first")), doc);
    REQUIRE(d.has_value());
    CHECK(Destinations(*d) == std::vector<std::string>{"crm-complaints"});
    CHECK(d->matched == std::vector<std::string>{"complaints"});
    CHECK(d->deliveries[0].priority == 5);
  }
  SECTION("all") {
    auto d = Decide(Table(WithMode("all")), doc);
    REQUIRE(d.has_value());
    // crm-complaints once, with the first rule's priority and deadline.
    CHECK(Destinations(*d) == std::vector<std::string>{"crm-complaints", "fax-desk"});
    CHECK(d->deliveries[0].due == "2026-11-24T17:41:00Z");
    CHECK(d->deliveries[1].due == "2026-11-23T17:41:00Z");
  }
  SECTION("low confidence falls to the next rule, channel must match") {
    doc.classification.confidence = 0.3;
    auto d = Decide(Table(WithMode("first")), doc);
    CHECK(Destinations(*d) == std::vector<std::string>{"fax-desk", "crm-complaints"});
    doc.source.channel = Channel::kBatch;
    d = Decide(Table(WithMode("first")), doc);
    CHECK(Destinations(*d) == std::vector<std::string>{"inbox"});
  }
}

TEST_CASE("Route rules test fields for presence, value and pattern", "[route]") {
  RouteTable t = Table(WithMode("first"));
  Document doc = Doc("invoice", 0.99);
  doc.fields["iban"].value = "FR7630006000011234567890189";
  doc.fields["currency"].value = "EUR";
  doc.fields["number"].value = "F-2026-118";
  CHECK(Destinations(*Decide(t, doc)) == std::vector<std::string>{"ged-invoices"});
  doc.fields["currency"].value = "USD";
  CHECK(Destinations(*Decide(t, doc)) == std::vector<std::string>{"inbox"});
  doc.fields["currency"].value = "EUR";
  doc.fields["iban"].value = "DE89370400440532013000";
  CHECK(Destinations(*Decide(t, doc)) == std::vector<std::string>{"inbox"});
  doc.fields["iban"].value = "FR7630006000011234567890189";
  doc.fields.erase("number");
  CHECK(Destinations(*Decide(t, doc)) == std::vector<std::string>{"inbox"});
}

TEST_CASE("Documents in review go to the review queue only", "[route]") {
  RouteTable t = Table("review_queue: operators\nreview_due: 4h\nrules:\n  - {when: {class: complaint}, to: crm}\n");
  Document doc = Doc("complaint", 0.4);
  doc.status = DocStatus::kReview;
  auto d = Decide(t, doc);
  REQUIRE(d->deliveries.size() == 1);
  CHECK(d->deliveries[0].destination == "operators");
  CHECK(d->deliveries[0].due == "2026-11-22T21:41:00Z");
}

TEST_CASE("Route sender conditions search the context sender and the path", "[route]") {
  RouteTable t = Table("rules:\n  - {when: {sender: '^\\+33 1 42'}, to: paris}\n  - {when: {sender: 'fax-'}, to: faxes}\n");
  Document doc = Doc("other", 0);
  doc.source.context["sender"] = "+33 1 42 00 00 00";
  CHECK(Destinations(*Decide(t, doc)) == std::vector<std::string>{"paris"});
  doc.source.context["sender"] = "+44 20";
  CHECK(Destinations(*Decide(t, doc)) == std::vector<std::string>{"faxes"});
}

TEST_CASE("Route SLA deadlines cross month ends and bad settings are reported", "[route]") {
  CHECK(*AddSeconds("2026-12-31T23:00:00Z", *ParseDuration("10d")) == "2027-01-10T23:00:00Z");
  CHECK(*ParseDuration("30m") == 1800);
  CHECK_FALSE(ParseDuration("48").has_value());
  CHECK_FALSE(ParseDuration("h").has_value());
  auto bad = [](const std::string& yaml) {
    auto s = Settings::Parse(yaml, "route.yaml");
    REQUIRE(s.has_value());
    auto t = ParseRouteTable(*s);
    REQUIRE_FALSE(t.has_value());
    return t.error().message();
  };
  CHECK(bad("mode: some\n").find("mode must be first or all") != std::string::npos);
  CHECK(bad("rules:\n  - {name: x, when: {class: a}}\n").find("rule 'x' has no destination") != std::string::npos);
  CHECK(bad("rules:\n  - {when: {channel: pigeon}, to: q}\n").find("unknown channel 'pigeon'") != std::string::npos);
  CHECK(bad("rules:\n  - {when: {sender: '('}, to: q}\n").find("bad pattern") != std::string::npos);
  CHECK(bad("rules:\n  - {to: q, due: 2weeks}\n").find("bad duration '2weeks'") != std::string::npos);
}

}  // namespace facteur::route
