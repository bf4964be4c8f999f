#include "client/test_case.h"

#include "server_bridge/protocol/choice_source.h"

namespace lockstep {

// In an explicit example the raw draws take the example's values too, so an
// imperative body can be given examples; at the top level they are printed
// like any draw.
int64_t TestCase::DrawInteger(int64_t min, int64_t max) {
  if (example_ != nullptr) return FromExample<int64_t>("");
  int64_t value = source_->DrawInteger(min, max);
  if (depth_ == 0) Record("", value);
  return value;
}

double TestCase::DrawFloat(double min, double max, bool allow_nan,
                           bool allow_infinity) {
  if (example_ != nullptr) return FromExample<double>("");
  double value = source_->DrawFloat(min, max, allow_nan, allow_infinity);
  if (depth_ == 0) Record("", value);
  return value;
}

double TestCase::Size() const {
  return source_ == nullptr ? protocol::kNoSize : source_->size();
}

bool TestCase::DrawBoolean(double probability) {
  if (example_ != nullptr) return FromExample<bool>("");
  bool value = source_->DrawBoolean(probability);
  if (depth_ == 0) Record("", value);
  return value;
}

std::string TestCase::DrawBytes(uint32_t min_size, uint32_t max_size) {
  if (example_ != nullptr) return FromExample<std::string>("");
  std::string value = source_->DrawBytes(min_size, max_size);
  if (depth_ == 0) Record("", value);
  return value;
}

TestCase::SpanScope::SpanScope(TestCase* tc, const std::string& label)
    : tc_(tc) {
  tc_->source_->StartSpan(label);
  ++tc_->depth_;
}

TestCase::SpanScope::~SpanScope() {
  --tc_->depth_;
  tc_->source_->EndSpan();
}

}  // namespace lockstep
