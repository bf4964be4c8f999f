// Generators: lockstep::gen. A generator is a small value type with
// `value_type`, `label()` and `value_type Generate(TestCase&) const`; they
// compose (Vectors of Tuples of Integers, Map, Filter, FlatMap, OneOf) and
// every draw bottoms out in TestCase's typed choices (DrawInteger, ...), so
// every value shrinks. A custom generator is any type of that shape.
#ifndef LOCKSTEP_CLIENT_GENERATORS_H_
#define LOCKSTEP_CLIENT_GENERATORS_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "client/test_case.h"

namespace lockstep::gen {

template <typename T>
class IntegerGenerator {
 public:
  using value_type = T;
  IntegerGenerator(T min, T max) : min_(min), max_(max) {}
  std::string label() const { return "integers"; }
  T Generate(TestCase& tc) const {
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
    return static_cast<T>(
        tc.DrawFloat(min_, max_, allow_nan_, allow_infinity_));
  }

 private:
  T min_, max_;
  bool allow_nan_, allow_infinity_;
};

template <typename T = double>
FloatGenerator<T> Floats(T min = std::numeric_limits<T>::lowest(),
                         T max = std::numeric_limits<T>::max(),
                         bool allow_nan = false, bool allow_infinity = false) {
  return FloatGenerator<T>(min, max, allow_nan, allow_infinity);
}

class Booleans {
 public:
  using value_type = bool;
  explicit Booleans(double probability = 0.5) : probability_(probability) {}
  std::string label() const { return "booleans"; }
  bool Generate(TestCase& tc) const { return tc.DrawBoolean(probability_); }

 private:
  double probability_;
};

class Bytes {
 public:
  using value_type = std::string;
  Bytes(uint32_t min_size = 0, uint32_t max_size = 64)
      : min_(min_size), max_(max_size) {}
  std::string label() const { return "bytes"; }
  std::string Generate(TestCase& tc) const { return tc.DrawBytes(min_, max_); }

 private:
  uint32_t min_, max_;
};

// Strings over `alphabet` (default: printable ASCII); shrinks toward the
// alphabet's first character and shorter strings.
class Text {
 public:
  using value_type = std::string;
  Text(uint32_t min_size = 0, uint32_t max_size = 64,
       std::string alphabet = DefaultAlphabet())
      : min_(min_size), max_(max_size), alphabet_(std::move(alphabet)) {}
  std::string label() const { return "text"; }
  std::string Generate(TestCase& tc) const {
    std::string raw = tc.DrawBytes(min_, max_);
    if (alphabet_.empty()) return raw;
    for (char& c : raw)
      c = alphabet_[static_cast<unsigned char>(c) % alphabet_.size()];
    return raw;
  }
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
    tc.Assume(!values_.empty());
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

namespace internal {
// The chance of one more element in a collection of `size` (at most `max`):
// about five beyond the minimum on average. At the maximum the flag is still
// drawn, fixed to false (probability 0), so a full collection ends with the
// same closing flag as any other.
inline double ContinueProbability(size_t size, size_t max) {
  return size < max ? 5.0 / 6.0 : 0.0;
}
}  // namespace internal

// Hypothesis-style collections: the minimum size is drawn outright, then a
// "one more?" boolean precedes each further element, so the shrinker can
// delete elements as (flag, element) spans.
template <typename G>
class VectorGenerator {
 public:
  using value_type = std::vector<typename G::value_type>;
  VectorGenerator(G element, size_t min_size, size_t max_size)
      : element_(std::move(element)), min_(min_size), max_(max_size) {}
  std::string label() const { return "vector"; }
  value_type Generate(TestCase& tc) const {
    value_type values;
    while (values.size() < min_) values.push_back(tc.Draw(element_));
    while (tc.DrawBoolean(internal::ContinueProbability(values.size(), max_))) {
      values.push_back(tc.Draw(element_));
    }
    return values;
  }

 private:
  G element_;
  size_t min_, max_;
};

template <typename G>
VectorGenerator<G> Vectors(G element, size_t min_size = 0,
                           size_t max_size = 100) {
  return VectorGenerator<G>(std::move(element), min_size, max_size);
}

template <typename G>
class SetGenerator {
 public:
  using value_type = std::set<typename G::value_type>;
  SetGenerator(G element, size_t min_size, size_t max_size)
      : element_(std::move(element)), min_(min_size), max_(max_size) {}
  std::string label() const { return "set"; }
  value_type Generate(TestCase& tc) const {
    value_type values;
    // Duplicates do not grow a set; give up on the minimum after many.
    for (int misses = 0; values.size() < min_ && misses < 100;) {
      if (!values.insert(tc.Draw(element_)).second) ++misses;
    }
    tc.Assume(values.size() >= min_);
    // As Vectors: the closing flag is drawn at the maximum too, fixed.
    while (tc.DrawBoolean(internal::ContinueProbability(values.size(), max_))) {
      values.insert(tc.Draw(element_));
    }
    return values;
  }

 private:
  G element_;
  size_t min_, max_;
};

template <typename G>
SetGenerator<G> Sets(G element, size_t min_size = 0, size_t max_size = 100) {
  return SetGenerator<G>(std::move(element), min_size, max_size);
}

template <typename K, typename V>
class MapGenerator {
 public:
  using value_type = std::map<typename K::value_type, typename V::value_type>;
  MapGenerator(K keys, V values, size_t min_size, size_t max_size)
      : keys_(std::move(keys)),
        values_(std::move(values)),
        min_(min_size),
        max_(max_size) {}
  std::string label() const { return "map"; }
  value_type Generate(TestCase& tc) const {
    value_type map;
    for (int misses = 0; map.size() < min_ && misses < 100;) {
      auto key = tc.Draw(keys_);
      if (!map.emplace(std::move(key), tc.Draw(values_)).second) ++misses;
    }
    tc.Assume(map.size() >= min_);
    while (tc.DrawBoolean(internal::ContinueProbability(map.size(), max_))) {
      auto key = tc.Draw(keys_);
      map.emplace(std::move(key), tc.Draw(values_));
    }
    return map;
  }

 private:
  K keys_;
  V values_;
  size_t min_, max_;
};

template <typename K, typename V>
MapGenerator<K, V> Maps(K keys, V values, size_t min_size = 0,
                        size_t max_size = 100) {
  return MapGenerator<K, V>(std::move(keys), std::move(values), min_size,
                            max_size);
}

template <typename G>
class OptionalGenerator {
 public:
  using value_type = std::optional<typename G::value_type>;
  explicit OptionalGenerator(G inner) : inner_(std::move(inner)) {}
  std::string label() const { return "optional"; }
  value_type Generate(TestCase& tc) const {
    if (!tc.DrawBoolean(0.75)) return std::nullopt;
    return tc.Draw(inner_);
  }

 private:
  G inner_;
};

template <typename G>
OptionalGenerator<G> Optional(G inner) {
  return OptionalGenerator<G>(std::move(inner));
}

template <typename... Gs>
class TupleGenerator {
 public:
  using value_type = std::tuple<typename Gs::value_type...>;
  explicit TupleGenerator(Gs... generators)
      : generators_(std::move(generators)...) {}
  std::string label() const { return "tuple"; }
  value_type Generate(TestCase& tc) const {
    // Braced initialization draws the elements left to right.
    return std::apply(
        [&tc](const Gs&... g) { return value_type{tc.Draw(g)...}; },
        generators_);
  }

 private:
  std::tuple<Gs...> generators_;
};

template <typename... Gs>
TupleGenerator<Gs...> Tuples(Gs... generators) {
  return TupleGenerator<Gs...>(std::move(generators)...);
}

// A type-erased generator of T: lets generators be stored, returned from
// functions, and defined recursively (see Lazy).
template <typename T>
class Generator {
 public:
  using value_type = T;
  template <typename G, typename = std::enable_if_t<
                            !std::is_same_v<std::decay_t<G>, Generator>>>
  Generator(G generator)  // NOLINT: implicit by design, like std::function
      : label_(generator.label()),
        generate_(std::make_shared<std::function<T(TestCase&)>>(
            [g = std::move(generator)](TestCase& tc) {
              return T(g.Generate(tc));
            })) {}
  Generator(std::string label, std::function<T(TestCase&)> generate)
      : label_(std::move(label)),
        generate_(std::make_shared<std::function<T(TestCase&)>>(
            std::move(generate))) {}
  std::string label() const { return label_; }
  T Generate(TestCase& tc) const { return (*generate_)(tc); }

 private:
  std::string label_;
  std::shared_ptr<const std::function<T(TestCase&)>> generate_;
};

// Defers building a generator to draw time, for recursive definitions:
//
//   gen::Generator<Expr> expr =
//       gen::OneOf(leaf, gen::Lazy<Expr>([&] { return node; }));
template <typename T>
Generator<T> Lazy(std::function<Generator<T>()> make) {
  return Generator<T>("lazy", [make = std::move(make)](TestCase& tc) {
    return tc.Draw(make());
  });
}

template <typename T>
class OneOfGenerator {
 public:
  using value_type = T;
  explicit OneOfGenerator(std::vector<Generator<T>> options)
      : options_(std::move(options)) {}
  std::string label() const { return "one_of"; }
  T Generate(TestCase& tc) const {
    int64_t index =
        tc.DrawInteger(0, static_cast<int64_t>(options_.size()) - 1);
    return tc.Draw(options_[static_cast<size_t>(index)]);
  }

 private:
  std::vector<Generator<T>> options_;
};

// A value from one of the generators (all of the same value type); shrinks
// toward the first.
template <typename G, typename... Gs>
OneOfGenerator<typename G::value_type> OneOf(G first, Gs... rest) {
  using T = typename G::value_type;
  return OneOfGenerator<T>(std::vector<Generator<T>>{
      Generator<T>(std::move(first)), Generator<T>(std::move(rest))...});
}

template <typename G, typename F>
class MapGeneratorFn {
 public:
  using value_type =
      std::decay_t<std::invoke_result_t<const F&, typename G::value_type>>;
  MapGeneratorFn(G inner, F f) : inner_(std::move(inner)), f_(std::move(f)) {}
  std::string label() const { return "map"; }
  value_type Generate(TestCase& tc) const { return f_(tc.Draw(inner_)); }

 private:
  G inner_;
  F f_;
};

template <typename G, typename F>
MapGeneratorFn<G, F> Map(G inner, F f) {
  return MapGeneratorFn<G, F>(std::move(inner), std::move(f));
}

template <typename G, typename P>
class FilterGenerator {
 public:
  using value_type = typename G::value_type;
  FilterGenerator(G inner, P predicate)
      : inner_(std::move(inner)), predicate_(std::move(predicate)) {}
  std::string label() const { return "filter"; }
  value_type Generate(TestCase& tc) const {
    for (int attempt = 0; attempt < 3; ++attempt) {
      value_type value = tc.Draw(inner_);
      if (predicate_(value)) return value;
    }
    throw Rejected{};  // counted by the engine's filter_too_much health check
  }

 private:
  G inner_;
  P predicate_;
};

template <typename G, typename P>
FilterGenerator<G, P> Filter(G inner, P predicate) {
  return FilterGenerator<G, P>(std::move(inner), std::move(predicate));
}

template <typename G, typename F>
class FlatMapGenerator {
 public:
  using inner_generator =
      std::decay_t<std::invoke_result_t<const F&, typename G::value_type>>;
  using value_type = typename inner_generator::value_type;
  FlatMapGenerator(G inner, F f) : inner_(std::move(inner)), f_(std::move(f)) {}
  std::string label() const { return "flat_map"; }
  value_type Generate(TestCase& tc) const {
    return tc.Draw(f_(tc.Draw(inner_)));
  }

 private:
  G inner_;
  F f_;
};

template <typename G, typename F>
FlatMapGenerator<G, F> FlatMap(G inner, F f) {
  return FlatMapGenerator<G, F>(std::move(inner), std::move(f));
}

}  // namespace lockstep::gen

#endif  // LOCKSTEP_CLIENT_GENERATORS_H_
