// Parallel manifest verification: a helper thread hashes the second half
// of the files while the caller hashes the first. Every exit joins it,
// including the error return and the exception path.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace release {

struct FileEntry {
  std::string path;
  uint64_t expected_hash;
};

uint64_t HashFile(const std::string& path) {
  uint64_t h = 1469598103934665603ull;
  for (char c : path) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

void CheckNotEmpty(const FileEntry& e) {
  if (e.path.empty()) throw std::invalid_argument("manifest entry without a path");
}

// Returns the number of mismatching entries, or -1 if the manifest is too
// short to split.
int VerifyManifest(const std::vector<FileEntry>& entries) {
  const size_t half = entries.size() / 2;
  int helper_mismatches = 0;
  std::thread helper([&entries, half, &helper_mismatches] {
    int local = 0;
    for (size_t i = half; i < entries.size(); ++i) {
      if (HashFile(entries[i].path) != entries[i].expected_hash) ++local;
    }
    helper_mismatches = local;
  });

  if (half == 0) {
    helper.join();
    return -1;
  }

  int mismatches = 0;
  try {
    for (size_t i = 0; i < half; ++i) {
      CheckNotEmpty(entries[i]);
      if (HashFile(entries[i].path) != entries[i].expected_hash) ++mismatches;
    }
  } catch (...) {
    helper.join();
    throw;
  }

  helper.join();
  return mismatches + helper_mismatches;
}

}  // namespace release
