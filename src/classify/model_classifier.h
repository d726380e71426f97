// ModelClassifier: a trained TextModel behind the Classifier seam.
//
// The label is the class with the highest calibrated probability, the
// candidates the top three. A text with fewer than `min_known_words` words the
// model knows (an empty OCR result, another language, a picture) is "other"
// with confidence 0: no match beats a bad match.
#ifndef FACTEUR_CLASSIFY_MODEL_CLASSIFIER_H_
#define FACTEUR_CLASSIFY_MODEL_CLASSIFIER_H_

#include <string>

#include "classify/text_model.h"
#include "facteur/classifier.h"

namespace facteur {

class ModelClassifier : public Classifier {
 public:
  // `name` says where the model came from in reasons ("models/default.model").
  ModelClassifier(TextModel model, std::string name, int min_known_words = 8)
      : model_(std::move(model)), name_(std::move(name)), min_known_words_(min_known_words) {}

  Result<Classification> Classify(const Document& doc) const override { return ClassifyText(doc.Text()); }
  Classification ClassifyText(const std::string& text) const;

  const TextModel& model() const { return model_; }
  const std::string& name() const { return name_; }

 private:
  const TextModel model_;
  const std::string name_;
  const int min_known_words_;
};

}  // namespace facteur

#endif  // FACTEUR_CLASSIFY_MODEL_CLASSIFIER_H_
