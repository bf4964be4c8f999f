// concurrency-use-after-close: positive cases (a finding on each "// WARN"
// line) and negative cases: a common lock, closing in the destructor,
// closing after the threads are joined, single-threaded classes.
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-use-after-close";

// Headers for files and descriptors, in front of each snippet.
std::string WithIo(const std::string& snippet) {
  return "#include <cstdio>\n#include <fstream>\n#include <unistd.h>\n" +
         snippet;
}

// ---------------------------------------------------------------- positive

TEST(UseAfterClosePositive, SeedLogFileNameReadWhileCleanupCloses) {
  // The seed's bug: the crash message reads the log file while cleanup
  // closes it.
  const std::string code = WithIo(R"code(
class Session {
 public:
  std::string CrashMessage() {
    char buffer[256] = {};
    fread(buffer, 1, sizeof(buffer) - 1, log_file_);  // WARN
    return buffer;
  }
  void Cleanup() {
    std::lock_guard<std::mutex> l(mu_);
    fclose(log_file_);
    log_file_ = nullptr;
  }
 private:
  std::mutex mu_;
  FILE* log_file_ = nullptr;
};
)code");
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "'log_file_' is used in 'Session::CrashMessage' and closed in "
            "'Session::Cleanup' with no lock held in common: the use can run "
            "after the close and touch a closed (or reused) FILE");
  ASSERT_EQ(findings[0].notes.size(), 2u);
  EXPECT_EQ(findings[0].notes[0].message, "'log_file_' is closed here");
  EXPECT_EQ(findings[0].notes[0].line, findings[0].line + 5);
}

TEST(UseAfterClosePositive, DescriptorWrittenWhileClosed) {
  const std::string code = WithIo(R"code(
class Pipe {
 public:
  void Send(const char* data, size_t n) { write(write_fd_, data, n); }  // WARN
  void Close() {
    close(write_fd_);
    write_fd_ = -1;
  }
 private:
  std::mutex mu_;
  int write_fd_ = -1;
};
)code");
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_NE(findings[0].message.find("closed (or reused) file descriptor"),
            std::string::npos);
}

TEST(UseAfterClosePositive, FstreamWrittenWhileClosed) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Journal {
 public:
  void Append(const std::string& line) {
    std::lock_guard<std::mutex> l(mu_);
    out_ << line << "\n";  // WARN
  }
  void Rotate() { out_.close(); }
 private:
  std::mutex mu_;
  std::ofstream out_;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, UniquePtrToFileLikeReset) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Connection {
 public:
  void Close() {}
  void Send(int) {}
};
class Client {
 public:
  void Send(int v) { connection_->Send(v); }  // WARN
  void Disconnect() { connection_.reset(); }
 private:
  std::mutex mu_;
  std::unique_ptr<Connection> connection_;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, UniquePtrAssignedNull) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Socket {
 public:
  void Close() {}
  int Read() { return 0; }
};
class Reader {
 public:
  int Next() { return socket_->Read(); }  // WARN
  void Stop() { socket_ = nullptr; }
 private:
  std::atomic<bool> stopping_{false};
  std::unique_ptr<Socket> socket_;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, RawPointerToFileLikeClosedByMethod) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Channel {
 public:
  void Close() {}
  void Push(int) {}
};
class Producer {
 public:
  void Push(int v) { channel_->Push(v); }  // WARN
  void Shutdown() { channel_->Close(); }
 private:
  std::mutex mu_;
  Channel* channel_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, UsedByThreadClosedByStopBeforeJoin) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Tailer {
 public:
  void Start() {
    thread_ = std::thread([this] {
      char c;
      while (read(fd_, &c, 1) == 1) {  // WARN
      }
    });
  }
  void Stop() {
    close(fd_);
    thread_.join();
  }
 private:
  int fd_ = -1;
  std::thread thread_;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, DifferentLocks) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  void Flush() {
    std::lock_guard<std::mutex> l(write_mu_);
    fflush(file_);  // WARN
  }
  void Close() {
    std::lock_guard<std::mutex> l(state_mu_);
    fclose(file_);
  }
 private:
  std::mutex write_mu_, state_mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, ValidityCheckIsAlsoAUse) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  bool IsOpen() const { return file_ != nullptr; }  // WARN
  void Close() {
    std::lock_guard<std::mutex> l(mu_);
    fclose(file_);
    file_ = nullptr;
  }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, SocketFieldName) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Server {
 public:
  int Accept() { return accept_socket(listen_socket_); }  // WARN
  void Shutdown() { close(listen_socket_); }
 private:
  static int accept_socket(int) { return 0; }
  std::mutex mu_;
  int listen_socket_ = -1;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, PcloseOfProcessPipe) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Child {
 public:
  int ReadByte() { return fgetc(pipe_); }  // WARN
  void Wait() { pclose(pipe_); }
 private:
  std::mutex mu_;
  FILE* pipe_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, CloseInOneLambdaUseInAnother) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Link {
 public:
  void Start() {
    reader_ = std::thread([this] {
      char c;
      read(fd_, &c, 1);  // WARN
    });
    closer_ = std::thread([this] { close(fd_); });
  }
  ~Link() {
    reader_.join();
    closer_.join();
  }
 private:
  int fd_ = -1;
  std::thread reader_, closer_;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, SharedPtrToFileReset) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Sink {
 public:
  void Write(const std::string& s) { fputs(s.c_str(), file_.get()); }  // WARN
  void Close() { file_.reset(); }
 private:
  std::mutex mu_;
  std::shared_ptr<FILE> file_;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, EachUsingMethodReported) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Device {
 public:
  void Ping() { write(device_fd_, "p", 1); }  // WARN
  void Pong() { write(device_fd_, "q", 1); }  // WARN
  void Close() { close(device_fd_); }
 private:
  std::mutex mu_;
  int device_fd_ = -1;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, AbslMutexHeldOnlyByClose) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Store {
 public:
  void Sync() { fsync(fd_); }  // WARN
  void Close() {
    absl::MutexLock l(&mu_);
    close(fd_);
    fd_ = -1;
  }
 private:
  absl::Mutex mu_;
  int fd_ = -1;
};
)code"),
                             kCheck);
}

// ---------------------------------------------------------------- negative

TEST(UseAfterCloseNegative, CommonLock) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  void Flush() {
    std::lock_guard<std::mutex> l(mu_);
    if (file_ != nullptr) fflush(file_);
  }
  void Close() {
    std::lock_guard<std::mutex> l(mu_);
    fclose(file_);
    file_ = nullptr;
  }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, ClosedInDestructor) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  void Flush() { fflush(file_); }
  ~Log() { fclose(file_); }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, ClosedAfterJoiningTheUser) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Tailer {
 public:
  void Start() {
    thread_ = std::thread([this] {
      char c;
      while (read(fd_, &c, 1) == 1) {
      }
    });
  }
  void Stop() {
    thread_.join();
    close(fd_);
  }
 private:
  int fd_ = -1;
  std::thread thread_;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, ClosedAfterWaitingForTheBackgroundWork) {
  // RocksDB's CloseHelper: wait until no background job is scheduled, then
  // release what the jobs used.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
#include <condition_variable>
class Store {
 public:
  void Schedule() {
    std::lock_guard<std::mutex> l(mu_);
    ++jobs_;
    std::thread([this] { Flush(); }).detach();
  }
  void Close() {
    std::unique_lock<std::mutex> l(mu_);
    while (jobs_ > 0) {
      done_.wait(l);
    }
    l.unlock();
    close(fd_);
  }
 private:
  void Flush() {
    fsync(fd_);
    std::lock_guard<std::mutex> l(mu_);
    --jobs_;
    done_.notify_all();
  }
  std::mutex mu_;
  std::condition_variable done_;
  int jobs_ = 0;
  int fd_ = -1;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, AWorkerLoopThatWaitsIsNoDrain) {
  // The loop waits but also works: the point after it says nothing of the
  // other threads that use the descriptor.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
#include <condition_variable>
class Pump {
 public:
  void Start() { worker_ = std::thread([this] { Run(); }); }
  void Send(char c) {
    write(fd_, &c, 1);  // WARN
  }
 private:
  void Run() {
    std::unique_lock<std::mutex> l(mu_);
    while (!stop_) {
      ready_.wait(l);
      ++rounds_;
    }
    close(fd_);
  }
  std::mutex mu_;
  std::condition_variable ready_;
  std::thread worker_;
  bool stop_ = false;
  int rounds_ = 0;
  int fd_ = -1;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, UnlockedTestOfADoubleCheck) {
  // The unlocked test touches no closed object; the use that does holds the
  // close's lock and tests again.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
#include <memory>
class Tracer {
 public:
  void Close() {}
  void Trace(int) {}
};
class Db {
 public:
  void Get(int key) {
    if (tracer_) {
      std::lock_guard<std::mutex> l(trace_mu_);
      if (tracer_) tracer_->Trace(key);
    }
  }
  void EndTrace() {
    std::lock_guard<std::mutex> l(trace_mu_);
    tracer_.reset();
  }
 private:
  std::mutex trace_mu_;
  std::unique_ptr<Tracer> tracer_;
};
)code"),
                             kCheck);
}

TEST(UseAfterClosePositive, UnlockedTestNotMadeAgainUnderTheLock) {
  // The locked use trusts the unlocked test: the close can run between them.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
#include <cstdio>
class TraceFile {
 public:
  void Write(int event) {
    if (!file_) return;  // WARN
    std::lock_guard<std::mutex> l(mu_);
    std::fprintf(file_, "%d\n", event);
  }
  void Close() {
    std::lock_guard<std::mutex> l(mu_);
    if (file_) {
      std::fclose(file_);
      file_ = nullptr;
    }
  }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, OpeningIsNoUse) {
  // open() before the flusher starts, close() and open() again on rotation.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
#include <fstream>
#include <string>
class AuditLog {
 public:
  void Start(const std::string& path) {
    out_.open(path);
    thread_ = std::thread([this] {
      std::lock_guard<std::mutex> l(mu_);
      out_ << "started\n";
    });
  }
  void Rotate(const std::string& path) {
    std::lock_guard<std::mutex> l(mu_);
    out_.close();
    out_.open(path);
  }
  ~AuditLog() { thread_.join(); }
 private:
  std::mutex mu_;
  std::ofstream out_;
  std::thread thread_;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, SingleThreadedClass) {
  // No mutex, no atomic, no thread: the class is not shared.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class File {
 public:
  size_t Read(char* b, size_t n) { return fread(b, 1, n, file_); }
  void Close() { fclose(file_); }
 private:
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, UseAndCloseInSameMethod) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  void FlushAndClose() {
    fflush(file_);
    fclose(file_);
    file_ = nullptr;
  }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, NotAResourceByName) {
  // An int that is not named like a descriptor is just a number.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Counter {
 public:
  int Get() { return count_; }
  void Reset() { count_ = -1; }
 private:
  std::mutex mu_;
  int count_ = 0;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, DeclaredGuardLeftToUnguardedFieldCheck) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  void Flush() { fflush(file_); }
  void Close() {
    absl::MutexLock l(&mu_);
    fclose(file_);
  }
 private:
  absl::Mutex mu_;
  FILE* file_ ABSL_GUARDED_BY(mu_) = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, OnlyOpenedAndUsed) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  void Open(const char* path) { file_ = fopen(path, "a"); }
  void Flush() { fflush(file_); }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, ClosedInConstructorOnError) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  explicit Log(const char* path) {
    file_ = fopen(path, "a");
    if (file_ != nullptr && ferror(file_)) {
      fclose(file_);
      file_ = nullptr;
    }
  }
  void Flush() { fflush(file_); }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, ThreadConfinedByComment) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Reader {
 public:
  void Poll() { char c; read(fd_, &c, 1); }
  void Close() { close(fd_); }
 private:
  std::mutex mu_;
  // Owned by the reader thread.
  int fd_ = -1;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, AtomicDescriptor) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Waker {
 public:
  void Wake() { write(fd_.load(), "x", 1); }
  void Close() { close(fd_.exchange(-1)); }
 private:
  std::atomic<int> fd_{-1};
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, StreamWithoutCloseMethodIsNotAResource) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
struct Buffer {
  void Append(int) {}
};
class Batch {
 public:
  void Add(int v) { buffer_->Append(v); }
  void Drop() { buffer_.reset(); }
 private:
  std::mutex mu_;
  std::unique_ptr<Buffer> buffer_;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, ProgramWithoutThreads) {
  EXPECT_EQ(Describe(RunLint(R"code(
#include <cstdio>
class Log {
 public:
  void Flush() { fflush(file_); }
  void Close() { fclose(file_); }
 private:
  FILE* file_ = nullptr;
};
)code",
                             std::string(kCheck) + ",clang-diagnostic-error")),
            "");
}

TEST(UseAfterCloseNegative, RequiresHelperCalledUnderLock) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  void Flush() {
    std::lock_guard<std::mutex> l(mu_);
    FlushLocked();
  }
  void Close() {
    std::lock_guard<std::mutex> l(mu_);
    fclose(file_);
  }
 private:
  void FlushLocked() { fflush(file_); }
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, UseInAWindowTheCodeUnlockedOnPurpose) {
  // LevelDB's DBImpl::Write: the writer at the head of the queue owns the log
  // while it drops the mutex to sync; closes happen under the mutex.
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class WritableFile {
 public:
  void Close() {}
  void Sync() {}
};
class Db {
 public:
  void Write() {
    absl::MutexLock l(&mu_);
    mu_.Unlock();
    log_file_->Sync();
    mu_.Lock();
  }
  void Rotate() {
    absl::MutexLock l(&mu_);
    log_file_->Close();
  }
 private:
  absl::Mutex mu_;
  WritableFile* log_file_ = nullptr;
};
)code"),
                             kCheck);
}

TEST(UseAfterCloseNegative, NolintWithReason) {
  EXPECT_FINDINGS_AT_MARKERS(WithIo(R"code(
class Log {
 public:
  // Flush() and Close() are only called from the owner's thread.
  void Flush() { fflush(file_); }  // NOLINT(concurrency-use-after-close)
  void Close() { fclose(file_); }
 private:
  std::mutex mu_;
  FILE* file_ = nullptr;
};
)code"),
                             kCheck);
}

// `socket_->close()` through a std::unique_ptr closes the owned object as
// `socket_.reset()` drops it.
TEST(UseAfterClosePositive, CloseThroughASmartPointer) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <memory>
#include <mutex>
struct Socket { void close(); void read(); };
class Connection {
 public:
  Connection() : socket_(std::make_unique<Socket>()) {}
  void Shutdown() {
    std::lock_guard<std::mutex> lock(mu_);
    socket_->close();
  }
  void Read() { socket_->read(); }  // WARN
 private:
  std::unique_ptr<Socket> socket_;
  std::mutex mu_;
};
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
