/*
 * snapshot_export.cc - exports a consistent snapshot of the store. The
 * metadata is serialized on a helper thread while the main thread copies the
 * data files.
 */

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace store {

struct ExportOptions {
  std::string dest_dir;
  bool include_wal = false;
};

bool CopyFile(const std::string& from, const std::string& to);
std::string SerializeMetadata(const std::vector<std::string>& files);
bool WriteFile(const std::string& path, const std::string& contents);

bool ExportSnapshot(const std::vector<std::string>& files,
                    const ExportOptions& opts, std::string* error) {
  std::string metadata;
  std::thread meta_thread([&metadata, &files] {  // EXPECT: concurrency-thread-leak
    metadata = SerializeMetadata(files);
  });

  for (const std::string& f : files) {
    if (!opts.include_wal && f.size() > 4 && f.compare(f.size() - 4, 4, ".wal") == 0) {
      continue;
    }
    const std::string dest = opts.dest_dir + "/" + f.substr(f.rfind('/') + 1);
    if (!CopyFile(f, dest)) {
      *error = "failed to copy " + f;
      return false;
    }
  }

  meta_thread.join();
  if (!WriteFile(opts.dest_dir + "/SNAPSHOT_META", metadata)) {
    *error = "failed to write metadata";
    return false;
  }
  return true;
}

}  // namespace store

int main(int argc, char** argv) {
  std::vector<std::string> files(argv + 1, argv + argc);
  std::string error;
  if (!store::ExportSnapshot(files, {"/backup/latest", false}, &error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  return 0;
}
