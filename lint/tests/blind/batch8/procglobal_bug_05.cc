// minidump_writer.cpp - when the crash handler fires, a helper thread
// collects the process state and writes a minidump so that the crashing
// thread's stack is not disturbed.

#include <cstdio>
#include <cstdlib>
#include <future>
#include <string>
#include <thread>
#include <unistd.h>

namespace crash {

struct CrashContext {
  int signal_number = 0;
  pid_t pid = 0;
  std::string build_id;
};

static bool WriteDump(const std::string& path, const CrashContext& ctx) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  std::fprintf(f, "signal=%d pid=%d build=%s\n", ctx.signal_number,
               static_cast<int>(ctx.pid), ctx.build_id.c_str());
  return std::fclose(f) == 0;
}

static void CollectAndWrite(CrashContext ctx, bool* ok) {
  // Let the uploader that we exec afterwards find the dump.
  setenv("CRASH_DUMP_READY", "1", 1);  // EXPECT: concurrency-process-global-in-test
  *ok = WriteDump("/tmp/minidump.dmp", ctx);  // EXPECT: concurrency-process-global-in-test
}

bool HandleCrash(int signal_number, const std::string& build_id) {
  CrashContext ctx;
  ctx.signal_number = signal_number;
  ctx.pid = getpid();
  ctx.build_id = build_id;
  bool ok = false;
  std::thread writer(CollectAndWrite, ctx, &ok);
  writer.join();
  return ok;
}

// Used by the "--self-test" flag: writes a dump without crashing.
bool SelfTest() {
  std::future<bool> done = std::async(std::launch::async, [] {
    CrashContext ctx;
    ctx.build_id = "selftest";
    return WriteDump(std::string("/tmp/minidump-selftest.dmp"), ctx);  // EXPECT: concurrency-process-global-in-test
  });
  return done.get();
}

}  // namespace crash

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "--self-test") {
    return crash::SelfTest() ? 0 : 1;
  }
  return crash::HandleCrash(11, "deadbeef") ? 0 : 1;
}
