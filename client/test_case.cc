#include "client/test_case.h"

#include <utility>

#include "client/case_journal.h"
#include "server_bridge/protocol/choice_source.h"

namespace lockstep {

// In an explicit example the raw draws take the example's values too, so an
// imperative body can be given examples; at the top level they are printed
// like any draw.
int64_t TestCase::DrawInteger(int64_t min, int64_t max) {
  if (example_ != nullptr) return FromExample<int64_t>("");
  int64_t value = source_->DrawInteger(min, max);
  if (journal_ != nullptr) journal_->Integer(min, max);
  if (depth_ == 0) Record("", value);
  return value;
}

double TestCase::DrawFloat(double min, double max, bool allow_nan,
                           bool allow_infinity) {
  if (example_ != nullptr) return FromExample<double>("");
  double value = source_->DrawFloat(min, max, allow_nan, allow_infinity);
  if (journal_ != nullptr) journal_->Float(min, max, allow_nan, allow_infinity);
  if (depth_ == 0) Record("", value);
  return value;
}

size_t TestCase::choices_drawn() const { return source_->choices().size(); }

double TestCase::Size() const {
  return source_ == nullptr ? protocol::kNoSize : source_->size();
}

bool TestCase::DrawBoolean(double probability) {
  if (example_ != nullptr) return FromExample<bool>("");
  bool value = source_->DrawBoolean(probability);
  if (journal_ != nullptr) journal_->Boolean(probability);
  if (depth_ == 0) Record("", value);
  return value;
}

std::string TestCase::DrawBytes(uint32_t min_size, uint32_t max_size) {
  if (example_ != nullptr) return FromExample<std::string>("");
  std::string value = source_->DrawBytes(min_size, max_size);
  if (journal_ != nullptr) journal_->Bytes(min_size, max_size);
  if (depth_ == 0) Record("", value);
  return value;
}

TestCase::SpanScope::SpanScope(TestCase* tc, const std::string& label)
    : tc_(tc) {
  tc_->source_->StartSpan(label);
  if (tc_->journal_ != nullptr) tc_->journal_->SpanStarts(label);
  ++tc_->depth_;
}

TestCase::SpanScope::~SpanScope() {
  --tc_->depth_;
  tc_->source_->EndSpan();
  if (tc_->journal_ != nullptr) tc_->journal_->SpanEnds();
}

void TestCase::Note(std::string note) {
  if (!recording_) return;
  if (journal_ != nullptr) journal_->Note(note);
  notes_.push_back(std::move(note));
}

void TestCase::JournalDraw(const DrawnValue& draw) {
  journal_->Draw(draw.name, draw.value);
}

}  // namespace lockstep
