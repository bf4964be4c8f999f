// A table of open files, handing out the lowest free descriptor from 3 up,
// as POSIX does. Close returns 0, or -1 (EBADF) for a descriptor that is not
// open. The planted bug (with `double_close_bug`): Close does not check that
// the descriptor is open, so closing twice succeeds and miscounts.
#ifndef LOCKSTEP_EXAMPLES_STATEFUL_FILE_TABLE_H_
#define LOCKSTEP_EXAMPLES_STATEFUL_FILE_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

namespace examples {

class FileTable {
 public:
  static constexpr int kFirstDescriptor = 3;

  explicit FileTable(bool double_close_bug)
      : double_close_bug_(double_close_bug) {}

  int Open(const std::string& path) {
    size_t slot = 0;
    while (slot < files_.size() && files_[slot].open) ++slot;
    if (slot == files_.size()) files_.emplace_back();
    files_[slot] = File{path, true};
    ++open_count_;
    return static_cast<int>(slot) + kFirstDescriptor;
  }
  int Close(int fd) {
    size_t slot = static_cast<size_t>(fd - kFirstDescriptor);
    if (fd < kFirstDescriptor || slot >= files_.size()) return -1;
    // BUG (double_close_bug): a closed descriptor is closed again.
    if (!files_[slot].open && !double_close_bug_) return -1;
    files_[slot].open = false;
    --open_count_;
    return 0;
  }
  int OpenCount() const { return open_count_; }

 private:
  struct File {
    std::string path;
    bool open = false;
  };
  const bool double_close_bug_;
  std::vector<File> files_;
  int open_count_ = 0;
};

}  // namespace examples

#endif  // LOCKSTEP_EXAMPLES_STATEFUL_FILE_TABLE_H_
