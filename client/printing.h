// Renders drawn values for failure reports: numbers and booleans as C++
// literals, strings quoted, containers, pairs, tuples and optionals
// structurally, anything else through operator<< if it has one.
#ifndef LOCKSTEP_CLIENT_PRINTING_H_
#define LOCKSTEP_CLIENT_PRINTING_H_

#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace lockstep {

template <typename T>
std::string Print(const T& value);

namespace internal {

template <typename T, typename = void>
struct Streamable : std::false_type {};
template <typename T>
struct Streamable<T, std::void_t<decltype(std::declval<std::ostream&>()
                                          << std::declval<const T&>())>>
    : std::true_type {};

template <typename Range>
std::string PrintRange(const Range& range, const char* open,
                       const char* close) {
  std::string out = open;
  bool first = true;
  for (const auto& element : range) {
    if (!first) out += ", ";
    first = false;
    out += Print(element);
  }
  return out + close;
}

template <typename Tuple, size_t... I>
std::string PrintTuple(const Tuple& tuple, std::index_sequence<I...>) {
  std::string out = "(";
  ((out += (I == 0 ? "" : ", ") + Print(std::get<I>(tuple))), ...);
  return out + ")";
}

template <typename T>
struct Printer {
  static std::string Print(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      return value ? "true" : "false";
    } else if constexpr (std::is_same_v<T, char>) {
      return absl::StrCat("'", absl::CHexEscape(std::string(1, value)), "'");
    } else if constexpr (std::is_integral_v<T> && sizeof(T) == 1) {
      return absl::StrCat(static_cast<int>(value));
    } else if constexpr (std::is_arithmetic_v<T>) {
      return absl::StrCat(value);
    } else if constexpr (Streamable<T>::value) {
      std::ostringstream out;
      out << value;
      return out.str();
    } else {
      return "<unprintable>";
    }
  }
};

template <>
struct Printer<std::string> {
  static std::string Print(const std::string& value) {
    return absl::StrCat("\"", absl::CHexEscape(value), "\"");
  }
};

template <typename T>
struct Printer<std::vector<T>> {
  static std::string Print(const std::vector<T>& value) {
    return PrintRange(value, "{", "}");
  }
};
template <typename T>
struct Printer<std::set<T>> {
  static std::string Print(const std::set<T>& value) {
    return PrintRange(value, "{", "}");
  }
};
template <typename K, typename V>
struct Printer<std::map<K, V>> {
  static std::string Print(const std::map<K, V>& value) {
    return PrintRange(value, "{", "}");
  }
};
template <typename A, typename B>
struct Printer<std::pair<A, B>> {
  static std::string Print(const std::pair<A, B>& value) {
    return absl::StrCat("(", lockstep::Print(value.first), ", ",
                        lockstep::Print(value.second), ")");
  }
};
template <typename... Ts>
struct Printer<std::tuple<Ts...>> {
  static std::string Print(const std::tuple<Ts...>& value) {
    return PrintTuple(value, std::index_sequence_for<Ts...>());
  }
};
template <typename T>
struct Printer<std::optional<T>> {
  static std::string Print(const std::optional<T>& value) {
    return value ? lockstep::Print(*value) : "nullopt";
  }
};

}  // namespace internal

template <typename T>
std::string Print(const T& value) {
  return internal::Printer<T>::Print(value);
}

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_PRINTING_H_
