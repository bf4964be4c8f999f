#include "server_bridge/protocol/choice_source.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace lockstep::protocol {
namespace {

constexpr int64_t kSmallMin = -128;
constexpr int64_t kSmallMax = 127;
constexpr uint32_t kMaxRandomExtraBytes = 64;

// Uniform in [min, max] (inclusive, the whole int64 range allowed).
int64_t UniformInteger(SplitMix64& random, int64_t min, int64_t max) {
  uint64_t span = static_cast<uint64_t>(max) - static_cast<uint64_t>(min);
  uint64_t offset = span == std::numeric_limits<uint64_t>::max()
                        ? random.Next()
                        : random.Below(span + 1);
  return static_cast<int64_t>(static_cast<uint64_t>(min) + offset);
}

}  // namespace

ChoiceSource::ChoiceSource(const Directive& directive)
    : directive_(directive),
      size_(CaseSize(directive.size_cycle, directive.case_index)),
      random_(directive.seed) {}

void ChoiceSource::Restart(uint64_t seed, uint64_t case_index,
                           const ChoiceSequence& prefix) {
  directive_.prefix = prefix;
  directive_.case_index = case_index;
  Restart(seed);
}

void ChoiceSource::Restart(uint64_t seed) {
  directive_.seed = seed;
  size_ = CaseSize(directive_.size_cycle, directive_.case_index);
  random_ = SplitMix64(seed);
  choices_.clear();
  spans_.clear();
  open_spans_.clear();
  latest_integer_.clear();
}

const Choice* ChoiceSource::NextPrefixChoice(ChoiceKind kind) {
  if (choices_.size() >= directive_.max_choices) throw Overrun{};
  if (choices_.size() >= directive_.prefix.size()) return nullptr;
  const Choice& choice = directive_.prefix[choices_.size()];
  return choice.kind == kind ? &choice : nullptr;
}

void ChoiceSource::Record(Choice choice) {
  if (choice.kind == ChoiceKind::kInteger) {
    latest_integer_[{choice.min_integer, choice.max_integer}] = choices_.size();
  }
  choices_.push_back(std::move(choice));
}

const Choice* ChoiceSource::EarlierInteger(int64_t min, int64_t max) const {
  auto it = latest_integer_.find({min, max});
  return it == latest_integer_.end() ? nullptr : &choices_[it->second];
}

int64_t ChoiceSource::DrawInteger(int64_t min, int64_t max) {
  Choice shape = Choice::Integer(0, min, max);
  int64_t value;
  uint64_t nearby = 0;
  bool in_prefix = choices_.size() < directive_.prefix.size();
  if (const Choice* replay = NextPrefixChoice(ChoiceKind::kInteger)) {
    value = std::clamp(replay->integer, min, max);
  } else if (in_prefix || !directive_.random_tail) {
    value = Simplest(shape).integer;
  } else if (const Choice* earlier = EarlierInteger(min, max);
             earlier != nullptr && (nearby = random_.Below(8)) <= 1) {
    // One draw in eight repeats an earlier value with the same bounds, and
    // one lands just beside it, so that properties about equal and adjacent
    // values (off-by-one bugs) get exercised.
    value = earlier->integer;
    if (nearby == 1) {
      int64_t step = 1 + static_cast<int64_t>(random_.Below(2));
      __int128 moved =
          static_cast<__int128>(value) + (random_.Below(2) == 0 ? step : -step);
      value = static_cast<int64_t>(std::clamp<__int128>(moved, min, max));
    }
  } else if (random_.Below(4) == 0 && min <= kSmallMax && max >= kSmallMin) {
    // One draw in four comes from the small values near zero.
    value = UniformInteger(random_, std::max(min, kSmallMin),
                           std::min(max, kSmallMax));
  } else {
    value = UniformInteger(random_, min, max);
  }
  Record(shape.WithInteger(value));
  return value;
}

double ChoiceSource::DrawFloat(double min, double max, bool allow_nan,
                               bool allow_infinity) {
  Choice shape = Choice::Float(0, min, max, allow_nan, allow_infinity);
  double value;
  bool in_prefix = choices_.size() < directive_.prefix.size();
  if (const Choice* replay = NextPrefixChoice(ChoiceKind::kFloat)) {
    value = replay->floating;
    if (std::isnan(value) && !allow_nan) value = Simplest(shape).floating;
    if (!std::isnan(value)) value = std::clamp(value, min, max);
    if (std::isinf(value) && !allow_infinity && value != min && value != max) {
      value = Simplest(shape).floating;
    }
  } else if (in_prefix || !directive_.random_tail) {
    value = Simplest(shape).floating;
  } else if (random_.Below(8) == 0) {
    // One draw in eight is a special value the bounds allow.
    std::vector<double> specials = {0.0, -0.0, 1.0, -1.0, min, max};
    if (allow_nan) specials.push_back(std::nan(""));
    if (allow_infinity) {
      specials.push_back(std::numeric_limits<double>::infinity());
      specials.push_back(-std::numeric_limits<double>::infinity());
    }
    std::vector<double> allowed;
    for (double x : specials) {
      if (std::isnan(x) || (x >= min && x <= max)) allowed.push_back(x);
    }
    value = allowed[random_.Below(allowed.size())];
  } else if (std::isfinite(min) && std::isfinite(max) &&
             std::isfinite(max - min)) {
    value = min + random_.NextUnit() * (max - min);
  } else {
    // Unbounded on a side: a random magnitude across many orders, clamped.
    // Two statements: the order of the draws is part of the protocol.
    double fraction = random_.NextUnit();
    int exponent = static_cast<int>(random_.Below(64)) - 32;
    double magnitude = std::ldexp(fraction, exponent);
    value = random_.Below(2) == 0 ? magnitude : -magnitude;
    value = std::clamp(value, min, max);
  }
  Record(shape.WithFloat(value));
  return value;
}

bool ChoiceSource::DrawBoolean(double probability) {
  Choice shape = Choice::Boolean(false, probability);
  bool value;
  bool in_prefix = choices_.size() < directive_.prefix.size();
  if (const Choice* replay = NextPrefixChoice(ChoiceKind::kBoolean)) {
    value = replay->boolean;
  } else if (in_prefix || !directive_.random_tail) {
    value = false;
  } else {
    value = random_.NextUnit() < probability;
  }
  // A probability of 0 or 1 fixes the value whatever the prefix says: a
  // collection at its maximum size still draws its closing "no more" flag,
  // so that deleting one of its elements leaves the choices after it
  // aligned.
  if (probability <= 0) value = false;
  if (probability >= 1) value = true;
  Record(shape.WithBoolean(value));
  return value;
}

std::string ChoiceSource::DrawBytes(uint32_t min_size, uint32_t max_size) {
  Choice shape = Choice::Bytes("", min_size, max_size);
  std::string value;
  bool in_prefix = choices_.size() < directive_.prefix.size();
  if (const Choice* replay = NextPrefixChoice(ChoiceKind::kBytes)) {
    value = replay->bytes.substr(0, max_size);
    value.resize(std::max<size_t>(value.size(), min_size), '\0');
  } else if (in_prefix || !directive_.random_tail) {
    value = Simplest(shape).bytes;
  } else {
    uint32_t top =
        std::min<uint64_t>(max_size, uint64_t{min_size} + kMaxRandomExtraBytes);
    uint32_t size =
        min_size + static_cast<uint32_t>(random_.Below(top - min_size + 1));
    value.resize(size);
    for (char& c : value) c = static_cast<char>(random_.Next() & 0xff);
  }
  Record(shape.WithBytes(value));
  return value;
}

void ChoiceSource::StartSpan(const std::string& label) {
  Span span;
  span.start = static_cast<uint32_t>(choices_.size());
  span.label = label;
  span.depth = static_cast<uint32_t>(open_spans_.size());
  open_spans_.push_back(spans_.size());
  spans_.push_back(std::move(span));
}

std::vector<Span> ChoiceSource::FinishedSpans() const {
  std::vector<Span> spans = spans_;
  for (size_t index : open_spans_)
    spans[index].end = static_cast<uint32_t>(choices_.size());
  return spans;
}

void ChoiceSource::EndSpan() {
  if (open_spans_.empty()) return;
  spans_[open_spans_.back()].end = static_cast<uint32_t>(choices_.size());
  open_spans_.pop_back();
}

}  // namespace lockstep::protocol
