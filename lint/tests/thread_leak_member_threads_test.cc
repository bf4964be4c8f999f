// concurrency-thread-leak, a member thread its class's destructor does not
// join: positive cases (a finding on each
// "// WARN" line) and negative cases (no finding).
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-thread-leak";

TEST(ThreadLeakPositive, MemberThreadImplicitDestructor) {
  const std::string code = R"code(
class Flusher {
 public:
  void Start() { thread_ = std::thread([this] { Flush(); }); }

 private:
  void Flush() {}
  std::thread thread_;  // WARN
};
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "'Flusher' starts thread 'thread_' but its destructor does not "
            "join it: destroying a Flusher while the thread runs calls "
            "std::terminate");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message, "'thread_' is started here");
  EXPECT_EQ(findings[0].notes[0].line, findings[0].line - 4);
}

TEST(ThreadLeakPositive, MemberThreadDestructorForgetsIt) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Uploader {
 public:
  Uploader() : worker_([this] { Upload(); }) {}
  ~Uploader() { done_ = true; }

 private:
  void Upload() {}
  std::atomic<bool> done_{false};
  std::thread worker_;  // WARN
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, VectorOfThreadsNeverJoined) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pool {
 public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i) workers_.emplace_back([this] { Run(); });
  }
  ~Pool() = default;

 private:
  void Run() {}
  std::vector<std::thread> workers_;  // WARN
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, UniquePtrThreadReset) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Watcher {
 public:
  void Start() { thread_.reset(new std::thread([] {})); }
  ~Watcher() { thread_.reset(); }

 private:
  std::unique_ptr<std::thread> thread_;  // WARN
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DestructorJoinsIfJoinable) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Flusher {
 public:
  void Start() { thread_ = std::thread([this] { Flush(); }); }
  ~Flusher() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  void Flush() {}
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, VectorJoinedInALoopOrDetached) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Pool {
 public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i) workers_.emplace_back([] {});
    for (int i = 0; i < n; ++i) helpers_.emplace_back([] {});
    background_ = std::thread([] {});
  }
  ~Pool() {
    for (std::thread& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
    for (size_t i = 0; i < helpers_.size(); ++i) helpers_[i].join();
    background_.detach();
  }

 private:
  std::vector<std::thread> workers_;
  std::vector<std::thread> helpers_;
  std::thread background_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, OwnedThreadJoinedThroughAPointer) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Watcher {
 public:
  void Start() { thread_ = std::make_unique<std::thread>([] {}); }
  ~Watcher() {
    if (thread_ != nullptr && thread_->joinable()) thread_->join();
  }

 private:
  std::unique_ptr<std::thread> thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, ThreadStartedAndJoinedInOneMethod) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Job {
 public:
  void RunInBackgroundAndWait() {
    thread_ = std::thread([] {});
    thread_.join();
  }

 private:
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, DestructorDefinedElsewhereOrNeverStarted) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Remote {
 public:
  Remote() : thread_([] {}) {}
  ~Remote();  // defined in another file: cannot tell

 private:
  std::thread thread_;
};
class Idle {
 private:
  std::thread thread_;  // never started: not joinable
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, ThreadHandedToAnOwnerInTheDestructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
void Reap(std::thread t);
class Session {
 public:
  Session() : reader_([] {}) {}
  ~Session() { Reap(std::move(reader_)); }

 private:
  std::thread reader_;
};
)code",
                             kCheck);
}

// GoogleTest runs TearDown() after every test and before destroying the
// fixture, so a thread joined there does not outlive the fixture. A stand-in
// for gtest's base class keeps the snippet self-contained.
constexpr char kFixtureBase[] = R"code(
namespace testing {
class Test {
 public:
  virtual ~Test() = default;
  virtual void SetUp() {}
  virtual void TearDown() {}
};
}  // namespace testing
void Serve(std::atomic<bool>* stop);
)code";

TEST(ThreadLeakNegative, FixtureJoinsInTearDownWhatSetUpStarted) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kFixtureBase) + R"code(
class ServerTest : public testing::Test {
 protected:
  void SetUp() override { server_ = std::thread([this] { Serve(&stop_); }); }
  void TearDown() override {
    stop_ = true;
    if (server_.joinable()) server_.join();
  }
  std::atomic<bool> stop_{false};
  std::thread server_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, FixtureWhoseTearDownForgetsTheThread) {
  EXPECT_FINDINGS_AT_MARKERS(std::string(kFixtureBase) + R"code(
class ClientTest : public testing::Test {
 protected:
  void SetUp() override { pump_ = std::thread([this] { Serve(&stop_); }); }
  void TearDown() override { stop_ = true; }
  std::atomic<bool> stop_{false};
  std::thread pump_;  // WARN
};
)code",
                             kCheck);
}

TEST(ThreadLeakNegative, PublicJoinTheOwnerCalls) {
  // Start()/Join() is the class's contract with its owner (RocksDB's
  // thread pool, an archiver's workers): the destructor need not join.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Worker {
 public:
  void Start() { thread_ = std::thread(&Worker::Run, this); }
  void Join() {
    if (thread_.joinable()) thread_.join();
  }
  void Stop() { Join(); }

 private:
  void Run() {}
  std::thread thread_;
};
class Pool {
 public:
  void Start() { threads_.emplace_back([] {}); }
  void Shutdown() { StopAndJoin(); }

 private:
  void StopAndJoin() {
    for (std::thread& t : threads_) t.join();
  }
  std::vector<std::thread> threads_;
};
)code",
                             kCheck);
}

TEST(ThreadLeakPositive, OnlyAPrivateHelperJoins) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
class Worker {
 public:
  void Start() { thread_ = std::thread(&Worker::Run, this); }

 private:
  void Run() {}
  void JoinLater() { thread_.join(); }
  std::thread thread_;  // WARN
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
