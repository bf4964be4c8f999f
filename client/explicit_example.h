// Explicit examples (Hypothesis's @example): inputs a test always runs, first,
// on every run, before any generated case. An example holds one value per
// draw of the body, in the order the body draws them; a draw takes its
// value from the example instead of from its generator.
//
//   LOCKSTEP_TEST_S(Codec, RoundTrips,
//                   lockstep::Settings()
//                       .Example(std::string(""))
//                       .Example(lockstep::Named("s", std::string(300, 'a'))))
//
// A value wrapped in Named must meet a draw of that name (tc.Draw("s", ...)),
// which catches an example that has drifted from the body. Numbers convert
// to the drawn arithmetic type when the value fits exactly, and a string
// literal is a std::string. Anything else that does not match is a
// UsageError naming the example and the draw.
#ifndef LOCKSTEP_CLIENT_EXPLICIT_EXAMPLE_H_
#define LOCKSTEP_CLIENT_EXPLICIT_EXAMPLE_H_

#include <any>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "client/usage_error.h"

namespace lockstep {

template <typename T>
struct NamedValue {
  std::string name;
  T value;
};

// An example's value for the draw named `name`.
template <typename T>
NamedValue<std::decay_t<T>> Named(std::string name, T&& value) {
  return {std::move(name), std::forward<T>(value)};
}

class Example {
 public:
  template <typename... Values>
  static Example Of(Values&&... values) {
    Example example;
    (example.Add(std::forward<Values>(values)), ...);
    return example;
  }

  size_t size() const { return values_.size(); }

  // The value of draw `index` (0-based, counting every draw of the body),
  // which draws a T and is named `name` ("" if unnamed). `number` is this
  // example's (1-based), for the message of the UsageError thrown when the
  // example has no such value.
  template <typename T>
  T Get(size_t index, std::string_view name, size_t number) const {
    if (index >= values_.size()) {
      throw UsageError(Mismatch(number, index, name, typeid(T),
                                "has no value for it (it gives " +
                                    std::to_string(values_.size()) + ")"));
    }
    const Value& value = values_[index];
    if (!value.name.empty() && value.name != name) {
      throw UsageError(Mismatch(number, index, name, typeid(T),
                                "gives a value named '" + value.name + "'"));
    }
    if (const T* exact = std::any_cast<T>(&value.value)) return *exact;
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
      if (value.number) {
        T converted = static_cast<T>(*value.number);
        if (static_cast<long double>(converted) == *value.number) {
          return converted;
        }
        throw UsageError(Mismatch(number, index, name, typeid(T),
                                  "gives a number that does not fit"));
      }
    }
    throw UsageError(Mismatch(number, index, name, typeid(T),
                              "gives a " + TypeName(value.value.type())));
  }

 private:
  struct Value {
    std::string name;
    std::any value;
    // Arithmetic values (not bool) also as a long double, which holds every
    // 64-bit integer exactly, for conversion to the drawn type.
    std::optional<long double> number;
  };

  template <typename T>
  void Add(T&& value) {
    using V = std::decay_t<T>;
    if constexpr (IsNamed<V>::value) {
      Add(std::forward<T>(value).value);
      values_.back().name = std::forward<T>(value).name;
    } else if constexpr (std::is_same_v<V, const char*> ||
                         std::is_same_v<V, char*>) {
      values_.push_back(Value{"", std::string(value), std::nullopt});
    } else if constexpr (std::is_arithmetic_v<V> && !std::is_same_v<V, bool>) {
      values_.push_back(Value{"", V(value), static_cast<long double>(value)});
    } else {
      values_.push_back(Value{"", V(std::forward<T>(value)), std::nullopt});
    }
  }

  template <typename V>
  struct IsNamed : std::false_type {};
  template <typename V>
  struct IsNamed<NamedValue<V>> : std::true_type {};

  static std::string TypeName(const std::type_info& type);
  static std::string Mismatch(size_t number, size_t index,
                              std::string_view name,
                              const std::type_info& drawn,
                              const std::string& problem);

  std::vector<Value> values_;
};

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_EXPLICIT_EXAMPLE_H_
