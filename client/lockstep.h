// lockstep: property-based testing for C++.
//
//   using namespace lockstep;
//   Result r = Check("sum is small", [](TestCase& tc) {
//     auto v = tc.Draw("v", gen::VectorOf(gen::Integers<int>(0, 100)));
//     LOCKSTEP_ASSERT_LT(std::accumulate(v.begin(), v.end(), 0), 1000);
//   });
//   if (!r.passed) std::cerr << r.Report("sum is small");
//
// Every Check in the process, on any thread, shares one engine subprocess
// (search, shrinking, the example database) over one connection. A failure
// is shrunk to a minimal example, which is replayed last: a body that
// records what it drew sees the minimal example when Check returns.
// client/README.md is the five-minute guide.
#ifndef LOCKSTEP_CLIENT_LOCKSTEP_H_
#define LOCKSTEP_CLIENT_LOCKSTEP_H_

#include <functional>
#include <string>

#include "client/assertions.h"
#include "client/explicit_example.h"
#include "client/generators.h"
#include "client/profiles.h"
#include "client/result.h"
#include "client/settings.h"
#include "client/test_case.h"
#include "client/usage_error.h"

namespace lockstep {

// Runs `body` as a property test named `name` (the name keys the example
// database), with `settings` resolved through the profile and the
// environment (settings.h). Runs the explicit examples first; if one fails,
// that is the result. Thread-safe.
Result Check(const std::string& name,
             const std::function<void(TestCase&)>& body,
             const Settings& settings = Settings());

}  // namespace lockstep

#endif  // LOCKSTEP_CLIENT_LOCKSTEP_H_
