#include "examples/stateful/machines.h"

namespace examples {

std::string ProgramOf(const std::string& message) {
  size_t start = message.find("  program (");
  return start == std::string::npos ? "" : message.substr(start);
}

}  // namespace examples
