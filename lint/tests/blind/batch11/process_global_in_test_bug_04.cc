// Report renderer: each report is formatted on its own worker thread and
// staged in shared memory for the uploader process.
#include <cstdio>
#include <locale>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace reports {

struct Report {
  std::string id;
  std::vector<double> values;
};

std::string Format(const Report& report) {
  std::ostringstream out;
  out << report.id << ":";
  for (double v : report.values) out << ' ' << v;
  return out.str();
}

void RenderWorker(const Report* report) {
  // Numbers must use '.' as the decimal separator in the staged files.
  std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
  const std::string staged = "/dev/shm/report-staging-" + report->id;  // EXPECT: concurrency-process-global-in-test
  if (FILE* f = std::fopen(staged.c_str(), "w")) {
    std::fputs(Format(*report).c_str(), f);
    std::fclose(f);
  }
}

void RenderAll(const std::vector<Report>& reports) {
  std::vector<std::thread> workers;
  workers.reserve(reports.size());
  for (const Report& r : reports) workers.push_back(std::thread(RenderWorker, &r));
  for (std::thread& w : workers) w.join();
}

}  // namespace reports
