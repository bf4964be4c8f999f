// Renders drawn values (and LOCKSTEP_ASSERT_EQ's operands) for failure
// reports. In order of preference:
//
//   - numbers, booleans and characters as C++ literals, strings quoted and
//     escaped, floats in the shortest form that reads back exactly;
//   - pairs, tuples, optionals, variants and smart pointers structurally;
//   - a user type through, first found: a `PrintTo(const T&, std::ostream*)`
//     (what GoogleTest's printer calls), an `AbslStringify(Sink&, const T&)`,
//     an `operator<<`;
//   - anything with begin()/end() (every standard container, std::array,
//     C arrays) as {a, b, c}, unordered containers sorted so that a report
//     reads the same on every run;
//   - an enum as its underlying value;
//   - anything else as its bytes, as GoogleTest does: <4-byte object 2a 00
//     00 00>. Never "<unprintable>".
//
// GoogleTest's universal printer itself is not called even when GoogleTest
// is linked: a template's output must not depend on which headers a
// translation unit included (that would break the one-definition rule), so
// the hooks it honours (PrintTo, operator<<) are honoured here directly.
#ifndef LOCKSTEP_CLIENT_PRINTING_H_
#define LOCKSTEP_CLIENT_PRINTING_H_

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace lockstep {

template <typename T>
std::string Print(const T& value);

namespace internal {

// The sink handed to a type's AbslStringify: what absl::Format and
// absl::StrAppend-style sinks need.
class StringifySink {
 public:
  void Append(size_t count, char ch) { out_.append(count, ch); }
  void Append(absl::string_view text) { out_.append(text.data(), text.size()); }
  friend void AbslFormatFlush(StringifySink* sink, absl::string_view text) {
    sink->Append(text);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

template <typename T, typename = void>
struct HasPrintTo : std::false_type {};
template <typename T>
struct HasPrintTo<T,
                  std::void_t<decltype(PrintTo(std::declval<const T&>(),
                                               std::declval<std::ostream*>()))>>
    : std::true_type {};

template <typename T, typename = void>
struct HasAbslStringify : std::false_type {};
template <typename T>
struct HasAbslStringify<
    T, std::void_t<decltype(AbslStringify(std::declval<StringifySink&>(),
                                          std::declval<const T&>()))>>
    : std::true_type {};

template <typename T, typename = void>
struct Streamable : std::false_type {};
template <typename T>
struct Streamable<T, std::void_t<decltype(std::declval<std::ostream&>()
                                          << std::declval<const T&>())>>
    : std::true_type {};

template <typename T, typename = void>
struct IsRange : std::false_type {};
template <typename T>
struct IsRange<T, std::void_t<decltype(std::begin(std::declval<const T&>())),
                              decltype(std::end(std::declval<const T&>()))>>
    : std::true_type {};

// Unordered containers iterate in an order that varies between runs.
template <typename T, typename = void>
struct IsHashed : std::false_type {};
template <typename T>
struct IsHashed<T, std::void_t<typename T::hasher>> : std::true_type {};

template <typename T, typename = void>
struct HasValueType : std::false_type {};
template <typename T>
struct HasValueType<T, std::void_t<typename T::value_type>> : std::true_type {};

std::string PrintFloat(double value);
std::string PrintBytes(const unsigned char* bytes, size_t size);

template <typename Range>
std::string PrintRange(const Range& range) {
  std::vector<std::string> elements;
  for (const auto& element : range) {
    // Through value_type, so that std::vector<bool>'s proxies print as bool.
    if constexpr (HasValueType<Range>::value) {
      const typename Range::value_type& e = element;
      elements.push_back(Print(e));
    } else {
      elements.push_back(Print(element));
    }
  }
  if constexpr (IsHashed<Range>::value) {
    std::sort(elements.begin(), elements.end());
  }
  std::string out = "{";
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += ", ";
    out += elements[i];
  }
  return out + "}";
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
    } else if constexpr (std::is_integral_v<T>) {
      return absl::StrCat(value);
    } else if constexpr (std::is_floating_point_v<T>) {
      return PrintFloat(static_cast<double>(value));
    } else if constexpr (std::is_same_v<T, std::string> ||
                         std::is_same_v<T, std::string_view>) {
      // Debian's Abseil has its own string_view, not std::string_view.
      return absl::StrCat(
          "\"", absl::CHexEscape(absl::string_view(value.data(), value.size())),
          "\"");
    } else if constexpr (std::is_same_v<T, const char*> ||
                         std::is_same_v<T, char*>) {
      if (value == nullptr) return "nullptr";
      return Printer<std::string_view>::Print(value);
    } else if constexpr (std::is_array_v<T> &&
                         std::is_same_v<
                             std::remove_cv_t<std::remove_extent_t<T>>, char>) {
      return Printer<std::string_view>::Print(value);
    } else if constexpr (std::is_array_v<T>) {
      return PrintRange(value);  // before operator<<, which takes a pointer
    } else if constexpr (std::is_same_v<T, std::nullptr_t>) {
      return "nullptr";
    } else if constexpr (HasPrintTo<T>::value) {
      std::ostringstream out;
      PrintTo(value, &out);
      return out.str();
    } else if constexpr (HasAbslStringify<T>::value) {
      StringifySink sink;
      AbslStringify(sink, value);
      return sink.Take();
    } else if constexpr (Streamable<T>::value) {
      std::ostringstream out;
      out << value;
      return out.str();
    } else if constexpr (IsRange<T>::value) {
      return PrintRange(value);
    } else if constexpr (std::is_enum_v<T>) {
      return lockstep::Print(static_cast<std::underlying_type_t<T>>(value));
    } else {
      return PrintBytes(reinterpret_cast<const unsigned char*>(&value),
                        sizeof(T));
    }
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
template <>
struct Printer<std::nullopt_t> {
  static std::string Print(const std::nullopt_t&) { return "nullopt"; }
};
template <>
struct Printer<std::monostate> {
  static std::string Print(const std::monostate&) { return "monostate"; }
};
template <typename... Ts>
struct Printer<std::variant<Ts...>> {
  static std::string Print(const std::variant<Ts...>& value) {
    if (value.valueless_by_exception()) return "valueless variant";
    return std::visit([](const auto& held) { return lockstep::Print(held); },
                      value);
  }
};
template <typename T, typename D>
struct Printer<std::unique_ptr<T, D>> {
  static std::string Print(const std::unique_ptr<T, D>& value) {
    return value ? lockstep::Print(*value) : "nullptr";
  }
};
template <typename T>
struct Printer<std::shared_ptr<T>> {
  static std::string Print(const std::shared_ptr<T>& value) {
    return value ? lockstep::Print(*value) : "nullptr";
  }
};

}  // namespace internal

template <typename T>
std::string Print(const T& value) {
  return internal::Printer<T>::Print(value);
}

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_PRINTING_H_
