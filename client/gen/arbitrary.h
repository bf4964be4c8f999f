// gen::Arbitrary<T>(): the default generator of a type, chosen by the trait
// DefaultGenerator<T>. Built in for bool, integers, floats (finite; use
// gen::Floats for NaN and infinities), std::string (any bytes), and, from
// their elements' defaults, std::vector, deque, list, set, unordered_set,
// map, unordered_map, array, optional, pair, tuple and variant. Give your
// own type one by specializing the trait with a static Make():
//
//   template <>
//   struct lockstep::gen::DefaultGenerator<Point> {
//     static auto Make() {
//       return gen::Map(gen::TupleOf(gen::Arbitrary<int>(),
//                                    gen::Arbitrary<int>()),
//                       [](std::tuple<int, int> t) {
//                         return Point{std::get<0>(t), std::get<1>(t)};
//                       });
//     }
//   };
#ifndef LOCKSTEP_CLIENT_GEN_ARBITRARY_H_
#define LOCKSTEP_CLIENT_GEN_ARBITRARY_H_

#include <array>
#include <deque>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "client/gen/collections.h"
#include "client/gen/combinators.h"
#include "client/gen/scalars.h"

namespace lockstep::gen {

template <typename T>
inline constexpr bool kNoDefaultGenerator = false;

template <typename T, typename Enable = void>
struct DefaultGenerator {
  static_assert(kNoDefaultGenerator<T>,
                "gen::Arbitrary<T>: T has no default generator; specialize "
                "lockstep::gen::DefaultGenerator<T> with a static Make() "
                "(client/gen/arbitrary.h)");
};

template <typename T>
auto Arbitrary() {
  return DefaultGenerator<T>::Make();
}

template <>
struct DefaultGenerator<bool> {
  static auto Make() { return Booleans(); }
};
template <typename T>
struct DefaultGenerator<
    T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static auto Make() { return Integers<T>(); }
};
template <typename T>
struct DefaultGenerator<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static auto Make() { return Floats<T>(); }
};
template <>
struct DefaultGenerator<std::string> {
  static auto Make() { return Bytes(); }
};
template <typename T>
struct DefaultGenerator<std::vector<T>> {
  static auto Make() { return VectorOf(Arbitrary<T>()); }
};
template <typename T>
struct DefaultGenerator<std::deque<T>> {
  static auto Make() {
    return Map(VectorOf(Arbitrary<T>()), [](std::vector<T> v) {
      return std::deque<T>(std::make_move_iterator(v.begin()),
                           std::make_move_iterator(v.end()));
    });
  }
};
template <typename T>
struct DefaultGenerator<std::list<T>> {
  static auto Make() {
    return Map(VectorOf(Arbitrary<T>()), [](std::vector<T> v) {
      return std::list<T>(std::make_move_iterator(v.begin()),
                          std::make_move_iterator(v.end()));
    });
  }
};
template <typename T>
struct DefaultGenerator<std::set<T>> {
  static auto Make() { return SetOf(Arbitrary<T>()); }
};
template <typename T>
struct DefaultGenerator<std::unordered_set<T>> {
  static auto Make() {
    return Map(SetOf(Arbitrary<T>()), [](const std::set<T>& s) {
      return std::unordered_set<T>(s.begin(), s.end());
    });
  }
};
template <typename K, typename V>
struct DefaultGenerator<std::map<K, V>> {
  static auto Make() { return MapOf(Arbitrary<K>(), Arbitrary<V>()); }
};
template <typename K, typename V>
struct DefaultGenerator<std::unordered_map<K, V>> {
  static auto Make() {
    return Map(MapOf(Arbitrary<K>(), Arbitrary<V>()),
               [](const std::map<K, V>& m) {
                 return std::unordered_map<K, V>(m.begin(), m.end());
               });
  }
};
template <typename T, size_t N>
struct DefaultGenerator<std::array<T, N>> {
  static auto Make() { return ArrayOf<N>(Arbitrary<T>()); }
};
template <typename T>
struct DefaultGenerator<std::optional<T>> {
  static auto Make() { return OptionalOf(Arbitrary<T>()); }
};
template <typename A, typename B>
struct DefaultGenerator<std::pair<A, B>> {
  static auto Make() {
    return Map(TupleOf(Arbitrary<A>(), Arbitrary<B>()), [](std::tuple<A, B> t) {
      return std::pair<A, B>(std::move(std::get<0>(t)),
                             std::move(std::get<1>(t)));
    });
  }
};
template <typename... Ts>
struct DefaultGenerator<std::tuple<Ts...>> {
  static auto Make() { return TupleOf(Arbitrary<Ts>()...); }
};
template <typename... Ts>
struct DefaultGenerator<std::variant<Ts...>> {
  static auto Make() {
    // One alternative per type, shrinking toward the first.
    return OneOf(Map(Arbitrary<Ts>(), [](Ts value) {
      return std::variant<Ts...>(std::in_place_type<Ts>, std::move(value));
    })...);
  }
};

}  // namespace lockstep::gen

#endif  // LOCKSTEP_CLIENT_GEN_ARBITRARY_H_
