// Godot-style editor import with a progress dialog: the import runs on a
// helper thread while the main thread pumps the progress bar until it is
// done. The counter the dialog polls is a plain local shared by reference.
#include <thread>
#include <vector>

#include "mock/godot_os.h"

class EditorProgress {
 public:
  EditorProgress(const String& p_task, const String& p_label, int p_amount);
  bool step(const String& p_state, int p_step);
};

class ResourceImporter {
 public:
  virtual ~ResourceImporter() = default;
  virtual Error import(const String& p_source_file) = 0;
};

class EditorFileSystemImport {
 public:
  explicit EditorFileSystemImport(ResourceImporter* p_importer) : importer(p_importer) {}

  Error reimport_files(const std::vector<String>& p_files) {
    EditorProgress progress("reimport", "(Re)Importing Assets", static_cast<int>(p_files.size()));
    int imported = 0;
    SafeFlag failed;

    std::thread worker([this, &p_files, &imported, &failed] {
      for (const String& file : p_files) {
        if (importer->import(file) != OK) failed.set();
        imported++;  // EXPECT: concurrency-closure-captures-mutable
      }
    });

    while (imported < static_cast<int>(p_files.size())) {
      progress.step("Importing", imported);
      OS::get_singleton()->delay_usec(16000);
    }
    worker.join();

    MutexLock lock(status_mutex);
    last_import_count = imported;
    return failed.is_set() ? FAILED : OK;
  }

  int get_last_import_count() const {
    MutexLock lock(status_mutex);
    return last_import_count;
  }

 private:
  ResourceImporter* const importer;
  Mutex status_mutex;
  int last_import_count = 0;
};
