// Generators of collections: VectorOf, SetOf, MapOf, ArrayOf, OptionalOf,
// TupleOf. Hypothesis-style: the minimum size is drawn outright, then a
// "one more?" boolean precedes each further element, so the shrinker can
// delete elements as (flag, element) spans.
#ifndef LOCKSTEP_CLIENT_GEN_COLLECTIONS_H_
#define LOCKSTEP_CLIENT_GEN_COLLECTIONS_H_

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client/test_case.h"
#include "client/usage_error.h"
#include "server_bridge/protocol/size_schedule.h"

namespace lockstep::gen {

namespace internal {
// The chance of one more element in a collection of `count` elements, sizes
// in [min, max]: the count beyond the minimum grows with the case's size
// under the engine's size schedule, from about one in the first cases to
// half the range (at most 50) at full size (protocol/size_schedule.h). At
// the maximum the flag is still drawn, fixed to false (probability 0), so a
// full collection ends with the same closing flag as any other.
inline double ContinueProbability(const TestCase& tc, size_t count, size_t min,
                                  size_t max) {
  return protocol::ContinueProbability(tc.Size(), count, min, max);
}
inline void CheckSizes(const char* generator, size_t min, size_t max) {
  if (min > max) {
    throw UsageError(absl::StrCat("gen::", generator, "(..., ", min, ", ", max,
                                  "): min_size is greater than max_size"));
  }
}
}  // namespace internal

template <typename G>
class VectorOfGenerator {
 public:
  using value_type = std::vector<typename G::value_type>;
  VectorOfGenerator(G element, size_t min_size, size_t max_size)
      : element_(std::move(element)), min_(min_size), max_(max_size) {}
  std::string label() const { return "vector"; }
  value_type Generate(TestCase& tc) const {
    internal::CheckSizes("VectorOf", min_, max_);
    value_type values;
    while (values.size() < min_) values.push_back(tc.Draw(element_));
    while (tc.DrawBoolean(
        internal::ContinueProbability(tc, values.size(), min_, max_))) {
      values.push_back(tc.Draw(element_));
    }
    return values;
  }

 private:
  G element_;
  size_t min_, max_;
};

template <typename G>
VectorOfGenerator<G> VectorOf(G element, size_t min_size = 0,
                              size_t max_size = 100) {
  return VectorOfGenerator<G>(std::move(element), min_size, max_size);
}

template <typename G>
class SetOfGenerator {
 public:
  using value_type = std::set<typename G::value_type>;
  SetOfGenerator(G element, size_t min_size, size_t max_size)
      : element_(std::move(element)), min_(min_size), max_(max_size) {}
  std::string label() const { return "set"; }
  value_type Generate(TestCase& tc) const {
    internal::CheckSizes("SetOf", min_, max_);
    value_type values;
    // Duplicates do not grow a set; give up on the minimum after many.
    for (int misses = 0; values.size() < min_ && misses < 100;) {
      if (!values.insert(tc.Draw(element_)).second) ++misses;
    }
    tc.Assume(values.size() >= min_);
    // As VectorOf: the closing flag is drawn at the maximum too, fixed.
    while (tc.DrawBoolean(
        internal::ContinueProbability(tc, values.size(), min_, max_))) {
      values.insert(tc.Draw(element_));
    }
    return values;
  }

 private:
  G element_;
  size_t min_, max_;
};

template <typename G>
SetOfGenerator<G> SetOf(G element, size_t min_size = 0, size_t max_size = 100) {
  return SetOfGenerator<G>(std::move(element), min_size, max_size);
}

template <typename K, typename V>
class MapOfGenerator {
 public:
  using value_type = std::map<typename K::value_type, typename V::value_type>;
  MapOfGenerator(K keys, V values, size_t min_size, size_t max_size)
      : keys_(std::move(keys)),
        values_(std::move(values)),
        min_(min_size),
        max_(max_size) {}
  std::string label() const { return "map"; }
  value_type Generate(TestCase& tc) const {
    internal::CheckSizes("MapOf", min_, max_);
    value_type map;
    for (int misses = 0; map.size() < min_ && misses < 100;) {
      auto key = tc.Draw(keys_);
      if (!map.emplace(std::move(key), tc.Draw(values_)).second) ++misses;
    }
    tc.Assume(map.size() >= min_);
    while (tc.DrawBoolean(
        internal::ContinueProbability(tc, map.size(), min_, max_))) {
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

// A std::map from keys to values (gen::Map transforms a generator instead).
template <typename K, typename V>
MapOfGenerator<K, V> MapOf(K keys, V values, size_t min_size = 0,
                           size_t max_size = 100) {
  return MapOfGenerator<K, V>(std::move(keys), std::move(values), min_size,
                              max_size);
}

template <typename G, size_t N>
class ArrayOfGenerator {
 public:
  using value_type = std::array<typename G::value_type, N>;
  explicit ArrayOfGenerator(G element) : element_(std::move(element)) {}
  std::string label() const { return "array"; }
  value_type Generate(TestCase& tc) const {
    return Fill(tc, std::make_index_sequence<N>());
  }

 private:
  template <size_t... I>
  value_type Fill(TestCase& tc, std::index_sequence<I...>) const {
    // Braced initialization draws the elements in order.
    return value_type{{(static_cast<void>(I), tc.Draw(element_))...}};
  }
  G element_;
};

// A std::array of N elements.
template <size_t N, typename G>
ArrayOfGenerator<G, N> ArrayOf(G element) {
  return ArrayOfGenerator<G, N>(std::move(element));
}

template <typename G>
class OptionalOfGenerator {
 public:
  using value_type = std::optional<typename G::value_type>;
  explicit OptionalOfGenerator(G inner) : inner_(std::move(inner)) {}
  std::string label() const { return "optional"; }
  value_type Generate(TestCase& tc) const {
    if (!tc.DrawBoolean(0.75)) return std::nullopt;
    return tc.Draw(inner_);
  }

 private:
  G inner_;
};

// std::nullopt or a value; shrinks toward std::nullopt.
template <typename G>
OptionalOfGenerator<G> OptionalOf(G inner) {
  return OptionalOfGenerator<G>(std::move(inner));
}

template <typename... Gs>
class TupleOfGenerator {
 public:
  using value_type = std::tuple<typename Gs::value_type...>;
  explicit TupleOfGenerator(Gs... generators)
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
TupleOfGenerator<Gs...> TupleOf(Gs... generators) {
  return TupleOfGenerator<Gs...>(std::move(generators)...);
}

// The first spellings of these factories, kept so that existing tests
// compile; new code uses the *Of names (gen::Map is a transform, not a
// std::map).
template <typename G>
VectorOfGenerator<G> Vectors(G element, size_t min_size = 0,
                             size_t max_size = 100) {
  return VectorOf(std::move(element), min_size, max_size);
}
template <typename G>
SetOfGenerator<G> Sets(G element, size_t min_size = 0, size_t max_size = 100) {
  return SetOf(std::move(element), min_size, max_size);
}
template <typename K, typename V>
MapOfGenerator<K, V> Maps(K keys, V values, size_t min_size = 0,
                          size_t max_size = 100) {
  return MapOf(std::move(keys), std::move(values), min_size, max_size);
}
template <typename G>
OptionalOfGenerator<G> Optional(G inner) {
  return OptionalOf(std::move(inner));
}
template <typename... Gs>
TupleOfGenerator<Gs...> Tuples(Gs... generators) {
  return TupleOf(std::move(generators)...);
}

}  // namespace lockstep::gen

#endif  // LOCKSTEP_CLIENT_GEN_COLLECTIONS_H_
