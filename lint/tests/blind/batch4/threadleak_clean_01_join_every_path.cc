// Imports a CSV export into the warehouse. Row validation runs on a helper
// thread while the header is checked; every exit joins the helper.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace warehouse {

struct ImportResult {
  size_t rows = 0;
  size_t rejected = 0;
};

bool ValidateRow(const std::string& row);
void CheckHeaderOrThrow(const std::string& header);

bool ImportCsv(const std::vector<std::string>& lines, ImportResult* result) {
  if (lines.empty()) return false;

  size_t rejected = 0;
  std::thread validator([&lines, &rejected] {
    for (size_t i = 1; i < lines.size(); ++i) {
      if (!ValidateRow(lines[i])) ++rejected;
    }
  });

  try {
    CheckHeaderOrThrow(lines[0]);
  } catch (...) {
    validator.join();
    throw;
  }

  if (lines[0].find("legacy") != std::string::npos) {
    validator.join();
    return false;
  }

  if (lines.size() > 10000000) {
    validator.join();
    throw std::length_error("export too large");
  }

  validator.join();
  result->rows = lines.size() - 1;
  result->rejected = rejected;
  return true;
}

}  // namespace warehouse
