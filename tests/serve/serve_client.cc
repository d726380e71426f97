#include "serve/serve_client.h"

#include <filesystem>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <catch2/catch.hpp>

#include "core/hash.h"
#include "facteur/store.h"
#include "testing/corpus.h"

namespace facteur::testing {

HttpResult HttpGet(int port, const std::string& target, const std::map<std::string, std::string>& headers,
                   const std::string& method) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) request.set(k, v);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpResult result;
  result.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, result.body);
  for (const auto& [k, v] : response) result.headers[k] = v;
  return result;
}

void FillHome(const std::string& home) {
  std::string sample = SourcePath("samples/fr-address-change-2p.pdf");
  auto store = OpenSqliteStore(home);
  REQUIRE(store);
  Result<std::string> sha = Sha256File(sample);
  REQUIRE(sha);
  REQUIRE((*store)->KeepOriginal(sample, *sha).has_value());
  std::string pdf = home + "/work.pdf";
  std::filesystem::copy_file(sample, pdf);

  Document doc;
  doc.id = kRecordId;
  doc.source.path = "/in/<b>lettre</b>.pdf";
  doc.source.sha256 = *sha;
  doc.source.format = "pdf";
  doc.source.received = "2026-11-02T09:30:00Z";
  doc.source.bytes = static_cast<int64_t>(std::filesystem::file_size(sample));
  doc.source.context["operator"] = "<script>alert(1)</script>";
  for (int i = 0; i < 2; ++i) {
    doc.pages.emplace_back();
    doc.pages.back().index = i;
    doc.pages.back().source_index = i;
  }
  doc.pages[0].text.text = "Objet : Résiliation de mon contrat d'assurance\nJe souhaite résilier le contrat CT-2024-001.";
  doc.pages[1].text.text = "Veuillez agréer mes salutations.";
  doc.classification = {.label = "termination", .confidence = 0.9, .reason = "rule 'termination': résiliation"};
  doc.fields["customer"] = {.value = "C-10042", .confidence = 0.8, .page = 0};
  doc.fields["contract"] = {.value = "CT-2024-001", .confidence = 0.9, .page = 0};
  doc.queues = {"crm-terminations"};
  doc.deliveries = {{.destination = "crm-terminations", .priority = 1}};
  doc.pdf_path = pdf;
  doc.events.push_back({"2026-11-02T09:30:01Z", "store", "stored"});
  REQUIRE((*store)->Put(doc).ok());
}

}  // namespace facteur::testing
