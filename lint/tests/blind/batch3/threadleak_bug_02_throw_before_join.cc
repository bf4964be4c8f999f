// Snapshotter: the upload of the previous snapshot runs on a helper thread
// while the manifest is written; an invalid directory throws before the
// join, with no try in the function to join the helper.
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace snapshot {

inline void UploadPrevious(const std::string& dir) {
  std::ifstream in(dir + "/PREVIOUS");
  (void)in;
}

class Snapshotter {
 public:
  void TakeSnapshot(const std::string& dir, long sequence) {
    std::thread uploader(&UploadPrevious, dir);  // EXPECT: concurrency-thread-leak
    if (dir.empty() || dir[0] != '/') {
      throw std::invalid_argument("snapshot dir must be absolute: " + dir);
    }
    std::ofstream manifest(dir + "/MANIFEST");
    manifest << sequence << '\n';
    uploader.join();
    std::lock_guard<std::mutex> lock(mu_);
    last_sequence_ = sequence;
  }

  long last_sequence() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_sequence_;
  }

 private:
  std::mutex mu_;
  long last_sequence_ = 0;
};

}  // namespace snapshot
