// Generators of single values: numbers, booleans, bytes, text, constants
// and choices among given values. Each factory's arguments are checked when
// it draws: an impossible generator (min above max, nothing to choose from)
// throws a UsageError naming it, which fails the test at once.
#ifndef LOCKSTEP_CLIENT_GEN_SCALARS_H_
#define LOCKSTEP_CLIENT_GEN_SCALARS_H_

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/test_case.h"
#include "client/usage_error.h"

namespace lockstep::gen {

template <typename T>
class IntegerGenerator {
 public:
  using value_type = T;
  IntegerGenerator(T min, T max) : min_(min), max_(max) {}
  std::string label() const { return "integers"; }
  T Generate(TestCase& tc) const {
    if (min_ > max_) {
      throw UsageError(absl::StrCat("gen::Integers(", +min_, ", ", +max_,
                                    "): min is greater than max"));
    }
    if constexpr (std::is_unsigned_v<T> && sizeof(T) == 8) {
      if (max_ > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        // Beyond int64: draw an offset from min in the signed range's bits.
        uint64_t span = max_ - min_;
        uint64_t offset = static_cast<uint64_t>(
            tc.DrawInteger(std::numeric_limits<int64_t>::min(),
                           std::numeric_limits<int64_t>::max()));
        return static_cast<T>(
            min_ + (span == ~uint64_t{0} ? offset : offset % (span + 1)));
      }
    }
    return static_cast<T>(
        tc.DrawInteger(static_cast<int64_t>(min_), static_cast<int64_t>(max_)));
  }

 private:
  T min_, max_;
};

// Integers in [min, max]; shrink toward 0 (or the bound nearest it).
template <typename T>
IntegerGenerator<T> Integers(T min = std::numeric_limits<T>::min(),
                             T max = std::numeric_limits<T>::max()) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>,
                "Integers<T> needs an integer type; use Booleans() for bool");
  return IntegerGenerator<T>(min, max);
}

template <typename T>
class FloatGenerator {
 public:
  using value_type = T;
  FloatGenerator(T min, T max, bool allow_nan, bool allow_infinity)
      : min_(min),
        max_(max),
        allow_nan_(allow_nan),
        allow_infinity_(allow_infinity) {}
  std::string label() const { return "floats"; }
  T Generate(TestCase& tc) const {
    if (std::isnan(min_) || std::isnan(max_) || min_ > max_) {
      throw UsageError(absl::StrCat("gen::Floats(", min_, ", ", max_,
                                    "): the bounds are NaN or min is greater "
                                    "than max"));
    }
    return static_cast<T>(
        tc.DrawFloat(min_, max_, allow_nan_, allow_infinity_));
  }

 private:
  T min_, max_;
  bool allow_nan_, allow_infinity_;
};

// Floats in [min, max], finite unless allowed otherwise; shrink toward 0.
template <typename T = double>
FloatGenerator<T> Floats(T min = std::numeric_limits<T>::lowest(),
                         T max = std::numeric_limits<T>::max(),
                         bool allow_nan = false, bool allow_infinity = false) {
  static_assert(std::is_floating_point_v<T>, "Floats<T> needs a float type");
  return FloatGenerator<T>(min, max, allow_nan, allow_infinity);
}

class BooleanGenerator {
 public:
  using value_type = bool;
  explicit BooleanGenerator(double probability) : probability_(probability) {}
  std::string label() const { return "booleans"; }
  bool Generate(TestCase& tc) const {
    if (!(probability_ >= 0 && probability_ <= 1)) {
      throw UsageError(absl::StrCat("gen::Booleans(", probability_,
                                    "): the probability is not in [0, 1]"));
    }
    return tc.DrawBoolean(probability_);
  }

 private:
  double probability_;
};

// true with `probability`; shrinks toward false.
inline BooleanGenerator Booleans(double probability = 0.5) {
  return BooleanGenerator(probability);
}

class BytesGenerator {
 public:
  using value_type = std::string;
  BytesGenerator(uint32_t min_size, uint32_t max_size)
      : min_(min_size), max_(max_size) {}
  std::string label() const { return "bytes"; }
  std::string Generate(TestCase& tc) const {
    if (min_ > max_) {
      throw UsageError(absl::StrCat("gen::Bytes(", min_, ", ", max_,
                                    "): min_size is greater than max_size"));
    }
    return tc.DrawBytes(min_, max_);
  }

 private:
  uint32_t min_, max_;
};

// Any bytes, of a size in [min_size, max_size]; shrink toward shorter
// strings of zero bytes.
inline BytesGenerator Bytes(uint32_t min_size = 0, uint32_t max_size = 64) {
  return BytesGenerator(min_size, max_size);
}

class TextGenerator {
 public:
  using value_type = std::string;
  TextGenerator(uint32_t min_size, uint32_t max_size, std::string alphabet)
      : min_(min_size), max_(max_size), alphabet_(std::move(alphabet)) {}
  std::string label() const { return "text"; }
  std::string Generate(TestCase& tc) const {
    if (min_ > max_) {
      throw UsageError(absl::StrCat("gen::Text(", min_, ", ", max_,
                                    "): min_size is greater than max_size"));
    }
    if (alphabet_.empty()) {
      throw UsageError(
          "gen::Text: the alphabet is empty (gen::Bytes draws any bytes)");
    }
    std::string raw = tc.DrawBytes(min_, max_);
    for (char& c : raw)
      c = alphabet_[static_cast<unsigned char>(c) % alphabet_.size()];
    return raw;
  }
  // Printable ASCII, lower-case letters first (what text shrinks toward).
  static std::string DefaultAlphabet() {
    std::string alphabet;
    for (char c = 'a'; c <= 'z'; ++c) alphabet += c;
    for (char c = ' '; c < 'a'; ++c) alphabet += c;
    for (char c = '{'; c <= '~'; ++c) alphabet += c;
    return alphabet;
  }

 private:
  uint32_t min_, max_;
  std::string alphabet_;
};

// Strings over `alphabet` (default: printable ASCII); shrink toward the
// alphabet's first character and shorter strings.
inline TextGenerator Text(
    uint32_t min_size = 0, uint32_t max_size = 64,
    std::string alphabet = TextGenerator::DefaultAlphabet()) {
  return TextGenerator(min_size, max_size, std::move(alphabet));
}

template <typename T>
class JustGenerator {
 public:
  using value_type = T;
  explicit JustGenerator(T value) : value_(std::move(value)) {}
  std::string label() const { return "just"; }
  T Generate(TestCase&) const { return value_; }

 private:
  T value_;
};

// Always `value`.
template <typename T>
JustGenerator<T> Just(T value) {
  return JustGenerator<T>(std::move(value));
}

template <typename T>
class ElementOfGenerator {
 public:
  using value_type = T;
  explicit ElementOfGenerator(std::vector<T> values)
      : values_(std::move(values)) {}
  std::string label() const { return "element_of"; }
  T Generate(TestCase& tc) const {
    if (values_.empty()) {
      throw UsageError("gen::ElementOf: no values to choose from");
    }
    return values_[tc.DrawInteger(0, static_cast<int64_t>(values_.size()) - 1)];
  }

 private:
  std::vector<T> values_;
};

// One of the given values; shrinks toward the first.
template <typename T>
ElementOfGenerator<T> ElementOf(std::initializer_list<T> values) {
  return ElementOfGenerator<T>(std::vector<T>(values));
}
template <typename T>
ElementOfGenerator<T> ElementOf(std::vector<T> values) {
  return ElementOfGenerator<T>(std::move(values));
}

}  // namespace lockstep::gen

#endif  // LOCKSTEP_CLIENT_GEN_SCALARS_H_
