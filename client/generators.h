// Generators: lockstep::gen. A generator is a small value type with
// `value_type`, `label()` and `value_type Generate(TestCase&) const`; they
// compose (VectorOf of TupleOf of Integers, Map, Filter, FlatMap, OneOf)
// and every draw bottoms out in TestCase's typed choices (DrawInteger, ...),
// so every value shrinks. Every generator is made by a factory function:
//
//   values       Integers<T>(min, max), Floats<T>(...), Booleans(p),
//                Bytes(min, max), Text(min, max, alphabet), Just(v),
//                ElementOf({...}), Arbitrary<T>()
//   collections  VectorOf(g), SetOf(g), MapOf(k, v), ArrayOf<N>(g),
//                OptionalOf(g), TupleOf(g...)
//   combinators  Map(g, f), Filter(g, p), FlatMap(g, f), OneOf(g...),
//                Lazy<T>(make), Composite<T>(label, f)
//
// A custom generator is any type of that shape, or a plain function that
// draws several times inside tc.Span (test_case.h) or gen::Composite.
#ifndef LOCKSTEP_CLIENT_GENERATORS_H_
#define LOCKSTEP_CLIENT_GENERATORS_H_

#include "client/gen/arbitrary.h"
#include "client/gen/collections.h"
#include "client/gen/combinators.h"
#include "client/gen/scalars.h"

#endif  // LOCKSTEP_CLIENT_GENERATORS_H_
