#include "examples/codec/run_length.h"

#include <cstddef>
#include <string>

namespace examples {

std::string RunLengthEncode(const std::string& data) {
  std::string encoded;
  for (size_t i = 0; i < data.size();) {
    size_t run = 1;
    while (i + run < data.size() && data[i + run] == data[i]) ++run;
    // BUG: the count is one byte; a run longer than 255 wraps around instead
    // of being split into several runs.
    encoded.push_back(static_cast<char>(run));
    encoded.push_back(data[i]);
    i += run;
  }
  return encoded;
}

std::string RunLengthDecode(const std::string& encoded) {
  std::string data;
  for (size_t i = 0; i + 1 < encoded.size(); i += 2) {
    data.append(static_cast<unsigned char>(encoded[i]), encoded[i + 1]);
  }
  return data;
}

}  // namespace examples
