// concurrency-closure-captures-mutable, negative cases, including the near
// misses of ARCHITECTURE.md: value captures, guarded-and-locked fields,
// atomics, immutable fields, joined threads, lambdas that run in place.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-closure-captures-mutable";

TEST(ClosureCapturesMutableNegative, CapturesValueNotThis) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Session {
 public:
  void Start() {
    crash_message_ = [path = log_path_] { return "died; log " + path; };
  }
  void Cleanup() { log_path_.clear(); }
 private:
  std::string log_path_;
  std::function<std::string()> crash_message_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, CommonLockOnBothSides) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Stats {
 public:
  void Start() {
    thread_ = std::thread([this] {
      std::lock_guard<std::mutex> l(mu_);
      samples_.push_back(1);
    });
  }
  void Clear() {
    std::lock_guard<std::mutex> l(mu_);
    samples_.clear();
  }
  ~Stats() { thread_.join(); }
 private:
  std::mutex mu_;
  std::vector<int> samples_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, AtomicField) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Monitor {
 public:
  void Start() { thread_ = std::thread([this] { ++restarts_; }); }
  void Reset() { restarts_ = 0; }
  ~Monitor() { thread_.join(); }
 private:
  std::atomic<int> restarts_{0};
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ImmutableField) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Greeter {
 public:
  explicit Greeter(std::string name) : name_(std::move(name)) {}
  void Start() { thread_ = std::thread([this] { Say(name_); }); }
  ~Greeter() { thread_.join(); }
 private:
  void Say(const std::string&) {}
  const std::string name_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, WrittenOnlyInConstructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Greeter {
 public:
  explicit Greeter(int n) { n_ = n; }
  void Start() { thread_ = std::thread([this] { Use(n_); }); }
  ~Greeter() { thread_.join(); }
 private:
  void Use(int) {}
  int n_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, WrittenBeforeThreadStarts) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Job {
 public:
  void Start(int n) {
    limit_ = n;
    thread_ = std::thread([this] { Run(limit_); });
  }
  ~Job() { thread_.join(); }
 private:
  void Run(int) {}
  int limit_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, WrittenAfterJoin) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Job {
 public:
  void Start() { thread_ = std::thread([this] { ++runs_; }); }
  void Stop() {
    thread_.join();
    runs_ = 0;
  }
 private:
  int runs_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LambdaRunsInPlace) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <algorithm>
class Sorter {
 public:
  void Sort() {
    std::sort(items_.begin(), items_.end(),
              [this](int a, int b) { return descending_ ? a > b : a < b; });
  }
  void SetDescending(bool d) { descending_ = d; }
 private:
  std::vector<int> items_;
  bool descending_ = false;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, DeclaredGuardLeftToUnguardedFieldCheck) {
  // clang's -Wthread-safety and concurrency-unguarded-field own annotated
  // fields; this check does not report them a second time.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Session {
 public:
  void Start() {
    crash_message_ = [this] { return "died; log " + log_path_; };
  }
  void Cleanup() {
    absl::MutexLock l(&mu_);
    log_path_.clear();
  }
 private:
  absl::Mutex mu_;
  std::string log_path_ ABSL_GUARDED_BY(mu_);
  std::function<std::string()> crash_message_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, FieldOnlyTouchedByTheThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pump {
 public:
  void Start() { thread_ = std::thread([this] { for (int i = 0; i < 3; ++i) ++pumped_; }); }
  ~Pump() { thread_.join(); }
 private:
  int pumped_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ReadsOnBothSides) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Config {
 public:
  explicit Config(int port) : port_(port) {}
  void Start() { thread_ = std::thread([this] { Listen(port_); }); }
  int Port() { return port_; }
  ~Config() { thread_.join(); }
 private:
  void Listen(int) {}
  int port_;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LocalCapturedByValue) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Count() {
  int count = 0;
  std::thread t([count]() mutable { ++count; });
  count = 5;
  t.join();
  return count;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LocalReadOnlyAfterJoin) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Count() {
  int count = 0;
  std::thread t([&] { ++count; });
  t.join();
  return count;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, LoopThreadsWriteUnderLock) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Sum() {
  int sum = 0;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      std::lock_guard<std::mutex> l(mu);
      sum += i;
    });
  }
  for (auto& t : threads) t.join();
  return sum;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, AtomicLocalCapturedByReference) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
int Sum() {
  std::atomic<int> sum{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&sum, i] { sum += i; });
  for (auto& t : threads) t.join();
  return sum;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ProgramWithoutThreads) {
  // Nothing in the translation unit can run on another thread.
  EXPECT_EQ(Describe(RunLint(R"code(
#include <functional>
#include <string>
class Session {
 public:
  void Start() { crash_message_ = [this] { return log_path_; }; }
  void Cleanup() { log_path_.clear(); }
 private:
  std::string log_path_;
  std::function<std::string()> crash_message_;
};
)code",
                             std::string(kCheck) + ",clang-diagnostic-error")),
            "");
}

TEST(ClosureCapturesMutableNegative, ThreadConfinedByComment) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Monitor {
 public:
  void Start() { thread_ = std::thread([this] { ++restarts_; }); }
  void Reset() { restarts_ = 0; }
  ~Monitor() { thread_.join(); }
 private:
  // Owned by the monitor thread.
  int restarts_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, VisitorTakingStdFunctionMayRunInPlace) {
  // Abseil's ForEachFlag(std::function<...>) calls the visitor before it
  // returns; nothing says it keeps it.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void ForEachItem(std::function<void(int)> visitor) { visitor(1); }
class Collector {
 public:
  void Collect() {
    ForEachItem([this](int item) { items_.push_back(item); });
  }
  size_t Count() { return items_.size(); }
 private:
  std::mutex mu_;
  std::vector<int> items_;
};
std::vector<int> All() {
  std::vector<int> all;
  ForEachItem([&](int item) { all.push_back(item); });
  all.push_back(0);
  return all;
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutablePositive, RegisteredCallbackIsStored) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
struct Bus {
  void Subscribe(std::function<void()> f) { handlers.push_back(std::move(f)); }
  std::vector<std::function<void()>> handlers;
};
class Listener {
 public:
  void Attach(Bus& bus) { bus.Subscribe([this] { ++events_; }); }  // WARN
  void Reset() { events_ = 0; }
 private:
  std::mutex mu_;
  int events_ = 0;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, AddressTakenForAConditionIsNotAnAccess) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
bool LessThan10(int* p) { return *p < 10; }
void Run() {
  absl::Mutex mu;
  int n = 30;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&mu, &n] {
      mu.LockWhen(absl::Condition(LessThan10, &n));
      ++n;
      mu.Unlock();
    });
  }
  {
    absl::MutexLock lock(&mu);
    n = 0;
  }
  for (auto& t : threads) t.join();
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, CapturedStructOfMutexAndGuardedFields) {
  // Abseil's mutex_test: a local struct whose members are mutexes and fields
  // they guard, shared by reference with a pool thread.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Run() {
  struct {
    absl::Mutex mu;
    bool ready ABSL_GUARDED_BY(mu) = false;
  } state;
  std::thread t([&state] {
    state.mu.Lock();
    state.ready = true;
    state.mu.Unlock();
  });
  state.mu.Lock();
  state.ready = false;
  state.mu.Unlock();
  t.join();
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, NolintWithReason) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Monitor {
 public:
  void Start() {
    // Reset() is only called before Start(), by the owner.
    thread_ = std::thread([this] { ++restarts_; });  // NOLINT(concurrency-closure-captures-mutable)
  }
  void Reset() { restarts_ = 0; }
  ~Monitor() { thread_.join(); }
 private:
  int restarts_ = 0;
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ServiceInterfaceCapturedByReference) {
  // A polymorphic service (a file system, an Env) is used from every
  // thread through its interface; its implementations synchronize.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <string>
#include <thread>
#include <vector>
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual long Size(const std::string& path) = 0;
};
long SizeOf(FileSystem& fs, const std::string& path) { return fs.Size(path); }
void SizeAll(FileSystem& fs, const std::vector<std::string>& paths,
             std::vector<long>& sizes) {
  std::vector<std::thread> threads;
  for (size_t i = 0; i < paths.size(); ++i) {
    threads.emplace_back([&fs, &paths, &sizes, i] {
      sizes[i] = SizeOf(fs, paths[i]);
    });
  }
  for (auto& t : threads) t.join();
}
)code",
                             kCheck);
}

TEST(ClosureCapturesMutableNegative, ElementsWrittenContainerRead) {
  // Each side builds its own elements by index; the vector itself is only
  // read ([container.requirements.dataraces]: operator[] counts as const).
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <thread>
#include <vector>
struct Part {
  std::vector<int> rows;
};
void Build(Part& part, int seed) { part.rows.push_back(seed); }
void BuildAll(std::vector<Part>& parts) {
  size_t half = parts.size() / 2;
  std::thread helper([&parts, half] {
    for (size_t i = half; i < parts.size(); i++) Build(parts[i], i);
  });
  for (size_t i = 0; i < half; i++) Build(parts[i], i);
  helper.join();
}
)code",
                             kCheck);
}

// A variable declared inside the loop is a new one each iteration: each
// thread the loop starts has its own. One declared before the loop is
// every thread's.
TEST(ClosureCapturesMutableNegative, LoopLocalIsEachIterationsOwn) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <thread>
#include <vector>
bool Read(int i, int* out);
int Restore(int first, int last) {
  int shared = 0;
  for (int i = first; i <= last; ++i) {
    int next = 0;
    bool ok = false;
    std::thread prefetch([i, &next, &ok] { ok = Read(i + 1, &next); });
    prefetch.join();
    if (!ok) return -1;
    shared += next;
  }
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i) {
    workers.emplace_back([&shared] { ++shared; });  // WARN
  }
  for (std::thread& t : workers) t.join();
  return shared;
}
)code",
                             kCheck);
}

// std::call_once runs its initialisation once, and every caller returns
// after it finished: a method whose only change is made inside it reads
// the object, however many threads call it at once.
TEST(ClosureCapturesMutableNegative, CallOnceInitializationIsARead) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>
class Vocabulary {
 public:
  int IdOf(const std::string& token) {
    std::call_once(loaded_, [this] { table_ = std::make_unique<std::map<std::string, int>>(); });
    auto it = table_->find(token);
    return it == table_->end() ? 0 : it->second;
  }
 private:
  std::once_flag loaded_;
  std::unique_ptr<std::map<std::string, int>> table_;
};
int Encode(Vocabulary& vocab, const std::vector<std::string>& tokens) {
  std::vector<std::future<int>> parts;
  for (size_t w = 0; w < 4; ++w) {
    parts.push_back(std::async(std::launch::async, [&vocab, &tokens, w] {
      int sum = 0;
      for (size_t i = w; i < tokens.size(); i += 4) sum += vocab.IdOf(tokens[i]);
      return sum;
    }));
  }
  int total = 0;
  for (auto& part : parts) total += part.get();
  return total;
}
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
