// A report exporter for an analytics service, plus its tests. Exports run
// on worker threads: each worker renders one report with C-locale number
// formatting and writes it to a shared-memory staging file that the upload
// sidecar picks up.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdio>
#include <future>
#include <locale>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace analytics {

struct Report {
  std::string name;
  std::vector<double> values;
};

std::string Render(const Report& r) {
  std::ostringstream out;
  out << r.name << ":";
  for (double v : r.values) out << " " << v;
  return out.str();
}

class Exporter {
 public:
  explicit Exporter(std::vector<Report> reports) : reports_(std::move(reports)) {}

  // Renders every report on its own thread; returns the rendered texts.
  std::vector<std::string> ExportAll() {
    std::vector<std::string> out(reports_.size());
    std::vector<std::thread> workers;
    for (size_t i = 0; i < reports_.size(); ++i) {
      workers.emplace_back([this, i, &out] {
        setlocale(LC_NUMERIC, "C");  // EXPECT: concurrency-process-global-in-test
        out[i] = Render(reports_[i]);
      });
    }
    for (std::thread& t : workers) t.join();
    return out;
  }

  // Stages one report for the upload sidecar.
  std::future<bool> StageAsync(const Report& r) {
    return std::async(std::launch::async, [text = Render(r)] {
      std::FILE* f = std::fopen("/dev/shm/analytics_staging.txt", "w");  // EXPECT: concurrency-process-global-in-test
      if (f == nullptr) return false;
      const bool ok = std::fputs(text.c_str(), f) >= 0;
      std::fclose(f);
      return ok;
    });
  }

 private:
  const std::vector<Report> reports_;
};

TEST(RenderTest, UsesDotDecimalSeparator) {
  Report r{"latency", {1.5, 2.25}};
  auto check_in_locale = [&r] {
    std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
    return Render(r);
  };
  EXPECT_EQ(check_in_locale(), "latency: 1.5 2.25");
}

TEST(ExporterTest, ExportsEveryReport) {
  Exporter e({{"a", {1}}, {"b", {2, 3}}});
  std::vector<std::string> out = e.ExportAll();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], "a: 1");
  EXPECT_EQ(out[1], "b: 2 3");
}

TEST(ExporterTest, EmptyReportHasOnlyTheName) {
  Exporter e({{"empty", {}}});
  EXPECT_EQ(e.ExportAll()[0], "empty:");
}

TEST(RenderTest, NegativeValues) {
  EXPECT_EQ(Render(Report{"delta", {-1, 0.5}}), "delta: -1 0.5");
}

TEST(RenderTest, ManyValues) {
  Report r{"many", {}};
  for (int i = 0; i < 5; ++i) r.values.push_back(i);
  EXPECT_EQ(Render(r), "many: 0 1 2 3 4");
}

TEST(RenderTest, NameOnlyReportsKeepTheirName) {
  std::vector<Report> reports;
  for (int i = 0; i < 3; ++i) reports.push_back(Report{"r" + std::to_string(i), {}});
  Exporter e(reports);
  std::vector<std::string> out = e.ExportAll();
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], "r" + std::to_string(i) + ":");
}

}  // namespace analytics
