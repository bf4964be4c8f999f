// V8-style debugger break point registry on a RecursiveMutex: setting a
// break point applies it to every loaded script, and applying re-enters
// the registry through the script's change callback. Every access to the
// registry's state holds mutex_; reentry on the same thread is allowed.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "mock/v8_platform.h"

namespace v8 {
namespace internal {

struct BreakLocation {
  int script_id;
  int line;
};

class Script {
 public:
  explicit Script(int id) : id_(id) {}
  int id() const { return id_; }
  // Runs `on_change` synchronously, before returning.
  void PatchLine(int line, const std::function<void(int)>& on_change);

 private:
  int id_;
};

class BreakPointRegistry {
 public:
  int SetBreakPoint(const std::string& url, int line) {
    base::RecursiveMutexGuard guard(&mutex_);
    int id = ++next_id_;
    pending_[id] = BreakLocation{-1, line};
    urls_[id] = url;
    ApplyToScripts(id);
    return id;
  }

  void OnScriptPatched(int script_id, int line) {
    base::RecursiveMutexGuard guard(&mutex_);
    for (auto& [id, location] : pending_) {
      if (location.line == line) location.script_id = script_id;
    }
    ++patch_count_;
  }

  void ScriptLoaded(Script* script) {
    base::RecursiveMutexGuard guard(&mutex_);
    scripts_.push_back(script);
    for (const auto& [id, location] : pending_) ApplyOne(script, location.line);
  }

  int patch_count() {
    base::RecursiveMutexGuard guard(&mutex_);
    return patch_count_;
  }

  std::vector<BreakLocation> Locations() {
    base::RecursiveMutexGuard guard(&mutex_);
    std::vector<BreakLocation> out;
    for (const auto& [id, location] : pending_) out.push_back(location);
    return out;
  }

 private:
  void ApplyToScripts(int id) {
    base::RecursiveMutexGuard guard(&mutex_);  // Already held by the caller: reentrant.
    for (Script* script : scripts_) ApplyOne(script, pending_[id].line);
  }

  void ApplyOne(Script* script, int line) {
    // The callback runs before PatchLine returns, on this thread, and
    // re-acquires the recursive mutex in OnScriptPatched.
    script->PatchLine(line, [this, script](int patched) { OnScriptPatched(script->id(), patched); });
  }

  base::RecursiveMutex mutex_;
  int next_id_ = 0;
  int patch_count_ = 0;
  std::map<int, BreakLocation> pending_;
  std::map<int, std::string> urls_;
  std::vector<Script*> scripts_;
};

}  // namespace internal
}  // namespace v8
