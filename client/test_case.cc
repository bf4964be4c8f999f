#include "client/test_case.h"

#include "server_bridge/protocol/choice_source.h"

namespace lockstep {

int64_t TestCase::DrawInteger(int64_t min, int64_t max) {
  return source_->DrawInteger(min, max);
}

double TestCase::DrawFloat(double min, double max, bool allow_nan,
                           bool allow_infinity) {
  return source_->DrawFloat(min, max, allow_nan, allow_infinity);
}

bool TestCase::DrawBoolean(double probability) {
  return source_->DrawBoolean(probability);
}

std::string TestCase::DrawBytes(uint32_t min_size, uint32_t max_size) {
  return source_->DrawBytes(min_size, max_size);
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
