// Generators built from generators: the type-erased Generator<T>, Lazy for
// recursion, OneOf, and the transforms Map, Filter and FlatMap.
#ifndef LOCKSTEP_CLIENT_GEN_COMBINATORS_H_
#define LOCKSTEP_CLIENT_GEN_COMBINATORS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "client/test_case.h"
#include "client/usage_error.h"

namespace lockstep::gen {

// A type-erased generator of T: lets generators be stored, returned from
// functions, and defined recursively (see Lazy). Built from a function, it
// is an imperative generator: its draws form one span, as with
// TestCase::Span.
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
    if (options_.empty()) {
      throw UsageError("gen::OneOf: no generators to choose from");
    }
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
class MappedGenerator {
 public:
  using value_type =
      std::decay_t<std::invoke_result_t<const F&, typename G::value_type>>;
  MappedGenerator(G inner, F f) : inner_(std::move(inner)), f_(std::move(f)) {}
  std::string label() const { return "map"; }
  value_type Generate(TestCase& tc) const { return f_(tc.Draw(inner_)); }

 private:
  G inner_;
  F f_;
};

// f(value) for each value of `inner`.
template <typename G, typename F>
MappedGenerator<G, F> Map(G inner, F f) {
  return MappedGenerator<G, F>(std::move(inner), std::move(f));
}

template <typename G, typename P>
class FilteredGenerator {
 public:
  using value_type = typename G::value_type;
  FilteredGenerator(G inner, P predicate)
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

// The values of `inner` that satisfy `predicate` (others are redrawn a few
// times, then the case is rejected).
template <typename G, typename P>
FilteredGenerator<G, P> Filter(G inner, P predicate) {
  return FilteredGenerator<G, P>(std::move(inner), std::move(predicate));
}

template <typename G, typename F>
class FlatMappedGenerator {
 public:
  using inner_generator =
      std::decay_t<std::invoke_result_t<const F&, typename G::value_type>>;
  using value_type = typename inner_generator::value_type;
  FlatMappedGenerator(G inner, F f)
      : inner_(std::move(inner)), f_(std::move(f)) {}
  std::string label() const { return "flat_map"; }
  value_type Generate(TestCase& tc) const {
    return tc.Draw(f_(tc.Draw(inner_)));
  }

 private:
  G inner_;
  F f_;
};

// A value of the generator f(value) returns for a value of `inner`.
template <typename G, typename F>
FlatMappedGenerator<G, F> FlatMap(G inner, F f) {
  return FlatMappedGenerator<G, F>(std::move(inner), std::move(f));
}

// An imperative generator: `generate` draws freely with `tc`, and its draws
// form one span labelled `label`, so they shrink as a unit.
template <typename T>
Generator<T> Composite(std::string label,
                       std::function<T(TestCase&)> generate) {
  return Generator<T>(std::move(label), std::move(generate));
}

}  // namespace lockstep::gen

#endif  // LOCKSTEP_CLIENT_GEN_COMBINATORS_H_
