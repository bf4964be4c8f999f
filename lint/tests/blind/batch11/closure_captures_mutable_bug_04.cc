// Bulk loader with a progress bar: the load runs on a worker thread and
// publishes how many rows it has inserted; the caller redraws the progress
// bar until the worker is done.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace loader {

size_t InsertBatch(const std::vector<std::string>& rows, size_t begin, size_t end) {
  size_t inserted = 0;
  for (size_t i = begin; i < end; ++i) inserted += rows[i].empty() ? 0 : 1;
  return inserted;
}

size_t LoadWithProgress(const std::vector<std::string>& rows) {
  size_t done_rows = 0;
  std::thread worker([&rows, &done_rows] { for (size_t i = 0; i < rows.size(); i += 512) done_rows += InsertBatch(rows, i, std::min(rows.size(), i + 512)); });  // EXPECT: concurrency-closure-captures-mutable

  while (done_rows < rows.size()) {
    std::fprintf(stderr, "\rloaded %zu / %zu rows", done_rows, rows.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  worker.join();
  std::fprintf(stderr, "\n");
  return done_rows;
}

std::vector<std::string> SplitLines(const std::string& blob) {
  std::vector<std::string> rows;
  std::string current;
  for (char c : blob) {
    if (c == '\n') {
      rows.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) rows.push_back(current);
  return rows;
}

size_t LoadBlob(const std::string& blob) { return LoadWithProgress(SplitLines(blob)); }

}  // namespace loader
