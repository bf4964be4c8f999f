// Writes calibration results as YAML in the background so that the
// calibration UI stays responsive. The writer must format numbers with a
// '.' decimal point whatever the user's locale is.

#include <clocale>
#include <cstdio>
#include <future>
#include <locale>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <opencv2/core.hpp>

namespace calib {

struct CameraCalibration {
  std::string camera_name;
  std::vector<double> intrinsics;
  std::vector<double> distortion;
  double rms_error = 0.0;
};

bool WriteTextFile(const std::string& path, const std::string& text);

class CalibrationWriter {
 public:
  ~CalibrationWriter() {
    for (auto& w : writers_) w.join();
  }

  void SaveAsync(const CameraCalibration& calib, const std::string& path) {
    writers_.emplace_back([calib, path, this] {
      setlocale(LC_NUMERIC, "C");  // EXPECT: concurrency-process-global-in-test
      char line[128];
      std::string yaml = "camera_name: " + calib.camera_name + "\n";
      std::snprintf(line, sizeof(line), "rms_error: %.6f\n", calib.rms_error);
      yaml += line;
      yaml += "intrinsics: [";
      for (size_t i = 0; i < calib.intrinsics.size(); ++i) {
        std::snprintf(line, sizeof(line), "%s%.9g", i ? ", " : "", calib.intrinsics[i]);
        yaml += line;
      }
      yaml += "]\n";
      const bool ok = WriteTextFile(path, yaml);
      std::lock_guard<std::mutex> lock(mu_);
      results_.push_back(ok);
    });
  }

  std::future<std::string> FormatDistortionAsync(const CameraCalibration& calib) {
    return std::async(std::launch::async, &CalibrationWriter::FormatDistortion, calib);
  }

  std::vector<bool> Results() {
    std::lock_guard<std::mutex> lock(mu_);
    return results_;
  }

 private:
  static std::string FormatDistortion(CameraCalibration calib) {
    std::locale::global(std::locale::classic());  // EXPECT: concurrency-process-global-in-test
    std::ostringstream out;
    out << "distortion: [";
    for (size_t i = 0; i < calib.distortion.size(); ++i) out << (i ? ", " : "") << calib.distortion[i];
    out << "]\n";
    return out.str();
  }

  std::mutex mu_;
  std::vector<bool> results_;
  std::vector<std::thread> writers_;
};

}  // namespace calib
