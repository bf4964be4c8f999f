// The round-trip property of the run-length codec, shared by the demo and
// its test.
#ifndef LOCKSTEP_EXAMPLES_PROPERTIES_RUN_LENGTH_PROPERTY_H_
#define LOCKSTEP_EXAMPLES_PROPERTIES_RUN_LENGTH_PROPERTY_H_

#include <string>
#include <tuple>
#include <vector>

#include "client/lockstep.h"
#include "examples/codec/run_length.h"

namespace examples {

// decode(encode(data)) == data, for byte strings made of long runs (a few
// runs of one repeated byte each).
inline void RunLengthRoundTrip(lockstep::TestCase& tc) {
  std::vector<std::tuple<int, char>> runs = tc.Draw(
      "runs",
      lockstep::gen::VectorOf(
          lockstep::gen::TupleOf(lockstep::gen::Integers<int>(1, 1000),
                                 lockstep::gen::Integers<char>('a', 'z')),
          0, 4));
  std::string data;
  for (const auto& [length, byte] : runs) data.append(length, byte);
  tc.Note("input is " + std::to_string(data.size()) + " bytes");
  LOCKSTEP_ASSERT(examples::RunLengthDecode(examples::RunLengthEncode(data)) ==
                  data);
}

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_PROPERTIES_RUN_LENGTH_PROPERTY_H_
