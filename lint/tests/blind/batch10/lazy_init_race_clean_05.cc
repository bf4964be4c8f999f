// Formatting helpers for the report generator. The worker threads each keep a
// thread_local scratch formatter created on first use; the report document
// itself is single-threaded by design and has no synchronization at all.
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace reports {

enum class Align { kLeft, kRight, kCenter };

class CellFormatter {
 public:
  std::string Format(const std::string& text, size_t width, Align align) {
    buf_.str("");
    size_t pad = text.size() < width ? width - text.size() : 0;
    if (align == Align::kRight) buf_ << std::string(pad, ' ') << text;
    else if (align == Align::kCenter) buf_ << std::string(pad / 2, ' ') << text << std::string(pad - pad / 2, ' ');
    else buf_ << text << std::string(pad, ' ');
    return buf_.str();
  }

 private:
  std::ostringstream buf_;
};

CellFormatter& ThreadFormatter() {
  thread_local std::unique_ptr<CellFormatter> formatter;
  if (!formatter) formatter = std::make_unique<CellFormatter>();
  return *formatter;
}

// Built and rendered by one thread; documented single-threaded.
class ReportDocument {
 public:
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

  const std::vector<size_t>& ColumnWidths() {
    if (widths_ == nullptr) {
      widths_ = std::make_unique<std::vector<size_t>>();
      for (const auto& row : rows_) {
        if (widths_->size() < row.size()) widths_->resize(row.size(), 0);
        for (size_t i = 0; i < row.size(); ++i) {
          if ((*widths_)[i] < row[i].size()) (*widths_)[i] = row[i].size();
        }
      }
    }
    return *widths_;
  }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::unique_ptr<std::vector<size_t>> widths_;
};

std::vector<std::string> RenderRowsInParallel(const std::vector<std::vector<std::string>>& rows,
                                              const std::vector<size_t>& widths) {
  std::vector<std::string> out(rows.size());
  std::vector<std::thread> threads;
  for (size_t r = 0; r < rows.size(); ++r) {
    threads.emplace_back([&, r] {
      std::string line;
      for (size_t c = 0; c < rows[r].size() && c < widths.size(); ++c) {
        line += ThreadFormatter().Format(rows[r][c], widths[c], c == 0 ? Align::kLeft : Align::kRight);
      }
      out[r] = line;  // each thread writes only its own slot
    });
  }
  for (std::thread& t : threads) t.join();
  return out;
}

std::string RenderReport(ReportDocument& doc, const std::vector<std::vector<std::string>>& rows) {
  for (const auto& row : rows) doc.AddRow(row);
  std::string text;
  for (const std::string& line : RenderRowsInParallel(rows, doc.ColumnWidths())) text += line + "\n";
  return text;
}

}  // namespace reports
