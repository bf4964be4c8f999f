// Report exporter for the billing back office: each export runs on its own
// thread, renders timestamps in the customer's time zone and writes the file
// with the customer's requested permissions.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace backoffice {

enum class ExportFormat { kCsv, kJson };

struct ExportRequest {
  std::string customer;
  std::string time_zone;  // e.g. "Europe/Berlin"
  std::string path;
  mode_t mode = 0640;
  ExportFormat format = ExportFormat::kCsv;
};

class ReportExporter {
 public:
  // Starts one export thread per request and waits for all of them.
  int ExportAll(const std::vector<ExportRequest>& requests) {
    std::vector<std::thread> threads;
    for (const ExportRequest& r : requests) {
      threads.emplace_back([this, r] {
        setenv("TZ", r.time_zone.c_str(), 1);  // EXPECT: concurrency-process-global-in-test
        tzset();
        WriteReport(r);
      });
    }
    for (std::thread& t : threads) t.join();
    std::lock_guard<std::mutex> lock(mu_);
    return written_;
  }

  // The archive job runs asynchronously and creates the archive directory.
  std::future<bool> ArchiveAsync(const std::string& dir) {
    return std::async(std::launch::async, &ReportExporter::CreateArchive, this, dir);
  }

 private:
  bool CreateArchive(const std::string& dir) {
    const mode_t old = umask(077);  // EXPECT: concurrency-process-global-in-test
    const bool ok = ::mkdir(dir.c_str(), 0777) == 0;
    umask(old);  // EXPECT: concurrency-process-global-in-test
    return ok;
  }

  void WriteReport(const ExportRequest& r) {
    int fd = ::open(r.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, r.mode);
    if (fd < 0) return;
    std::time_t now = std::time(nullptr);
    char stamp[64];
    std::strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S %Z", std::localtime(&now));
    std::string body = r.format == ExportFormat::kCsv
                           ? "customer,generated\n" + r.customer + "," + stamp + "\n"
                           : "{\"customer\":\"" + r.customer + "\",\"generated\":\"" + stamp + "\"}\n";
    ssize_t n = ::write(fd, body.data(), body.size());
    ::close(fd);
    if (n == static_cast<ssize_t>(body.size())) {
      std::lock_guard<std::mutex> lock(mu_);
      ++written_;
    }
  }

  std::mutex mu_;
  int written_ = 0;
};


const char* ExportFormatName(ExportFormat f) {
  return f == ExportFormat::kCsv ? "csv" : "json";
}

}  // namespace backoffice
