// An operator's correction of a document's class and fields (`facteur
// review set`), and the re-routing it entails: pure functions over the
// record, so the CLI only loads, applies and stores.
#ifndef FACTEUR_ROUTE_CORRECTION_H_
#define FACTEUR_ROUTE_CORRECTION_H_

#include <map>
#include <string>

#include "facteur/document.h"
#include "facteur/status.h"
#include "route/route_rules.h"

namespace facteur::route {

struct Correction {
  std::string label;                          // the class; must not be empty
  std::map<std::string, std::string> fields;  // name -> value; "" removes the field
  std::string who;                            // operator
  std::string time;                           // ISO 8601 UTC
};

// Sets the class (confidence 1, the operator in the reason; the model's
// candidates are kept), sets or removes the fields, marks the record done
// and re-routes it with `table`: doc.deliveries and doc.queues are replaced
// (Store::Put then cancels the undelivered rows of dropped destinations and
// adds pending rows for new ones). Appends a "review" event (who, what) and
// a "route" event. Errors: kInvalidArgument for an empty label or field
// name, or a record that is neither in review nor done.
Status ApplyCorrection(Document& doc, const Correction& correction, const RouteTable& table);

// The route table of the pipeline file's `route` stage.
// Errors: kNotFound when the pipeline has no route stage; parse errors name
// file and line.
Result<RouteTable> RouteTableFromPipelineFile(const std::string& path);

}  // namespace facteur::route

#endif  // FACTEUR_ROUTE_CORRECTION_H_
