// Run-length encoding of byte strings: each run becomes (count, byte).
#ifndef LOCKSTEP_EXAMPLES_CODEC_RUN_LENGTH_H_
#define LOCKSTEP_EXAMPLES_CODEC_RUN_LENGTH_H_

#include <string>

namespace examples {

std::string RunLengthEncode(const std::string& data);
std::string RunLengthDecode(const std::string& encoded);

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_CODEC_RUN_LENGTH_H_
