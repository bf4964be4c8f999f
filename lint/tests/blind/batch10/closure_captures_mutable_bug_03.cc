// Two-phase bulk import: a reader thread parses the CSV while the caller
// validates the header and prepares the target table.
#include <cstddef>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace bulk {

enum class ImportStatus { kOk, kBadHeader, kEmpty };

struct Row {
  std::vector<std::string> cells;
};

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ',')) out.push_back(cell);
  return out;
}

class TableWriter {
 public:
  void Prepare(const std::vector<std::string>& columns) {
    std::lock_guard<std::mutex> lock(mu_);
    columns_ = columns;
  }
  void Insert(const Row& row) {
    std::lock_guard<std::mutex> lock(mu_);
    if (row.cells.size() == columns_.size()) ++rows_;
  }
  size_t rows() {
    std::lock_guard<std::mutex> lock(mu_);
    return rows_;
  }

 private:
  std::mutex mu_;
  std::vector<std::string> columns_;
  size_t rows_ = 0;
};

ImportStatus Import(const std::vector<std::string>& lines, TableWriter& writer, size_t* imported) {
  if (lines.empty()) return ImportStatus::kEmpty;
  std::vector<Row> parsed;
  size_t malformed = 0;
  std::thread reader([&lines, &parsed, &malformed] {
    for (size_t i = 1; i < lines.size(); ++i) {
      Row r{SplitCsvLine(lines[i])};
      if (r.cells.empty()) {
        ++malformed;  // EXPECT: concurrency-closure-captures-mutable
        continue;
      }
      parsed.push_back(std::move(r));
    }
  });

  std::vector<std::string> header = SplitCsvLine(lines[0]);
  if (header.empty()) {
    reader.join();
    return ImportStatus::kBadHeader;
  }
  writer.Prepare(header);
  if (lines.size() > 1 && lines.back().empty()) ++malformed;  // trailing newline counts as one

  reader.join();
  for (const Row& r : parsed) writer.Insert(r);
  *imported = parsed.size();
  return malformed > parsed.size() ? ImportStatus::kBadHeader : ImportStatus::kOk;
}


const char* ImportStatusName(ImportStatus s) {
  switch (s) {
    case ImportStatus::kOk: return "ok";
    case ImportStatus::kBadHeader: return "bad header";
    case ImportStatus::kEmpty: return "empty";
  }
  return "?";
}

}  // namespace bulk
