#include "client/isolated_case.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "server_bridge/protocol/defaults.h"

namespace lockstep::internal {
namespace {

constexpr size_t kTailBytes = 16 << 10;
constexpr size_t kTailLines = 12;

std::string SignalName(int signal) {
  const char* abbreviation = sigabbrev_np(signal);
  if (abbreviation == nullptr) return absl::StrCat("signal ", signal);
  return absl::StrCat("SIG", abbreviation);
}

// The last lines of `output`, indented, for a message.
std::string LastLines(const std::string& output) {
  std::vector<std::string> lines = absl::StrSplit(output, '\n');
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  size_t first = lines.size() > kTailLines ? lines.size() - kTailLines : 0;
  std::string tail;
  for (size_t i = first; i < lines.size(); ++i) {
    absl::StrAppend(&tail, "\n    ", lines[i]);
  }
  return tail;
}

// Reads what is available from `fd` into `tail`, keeping its last
// kTailBytes; false at end of file or on error.
bool Drain(int fd, std::string* tail) {
  char buffer[4096];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      tail->append(buffer, static_cast<size_t>(n));
      if (tail->size() > 2 * kTailBytes)
        tail->erase(0, tail->size() - kTailBytes);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

// The child's exit(): leave at once with the body's status. Static
// destructors and atexit handlers (the leak checker's among them, which
// after a fork sees the parent's threads' memory as leaked) belong to the
// parent's process.
void LeaveChild(int status, void*) {
  std::fflush(nullptr);
  _exit(status);
}

}  // namespace

// The kind in a sanitizer's line, "heap-buffer-overflow on address 0x..."
// or "data race a.cc:9 in g": its words up to the first that is a location,
// an address or "on", so that the origin is the same wherever it strikes.
std::string Kind(const std::string& output, size_t at) {
  size_t line_end = output.find('\n', at);
  std::vector<std::string> words = absl::StrSplit(
      output.substr(at, line_end == std::string::npos ? std::string::npos
                                                      : line_end - at),
      ' ', absl::SkipEmpty());
  std::string kind;
  for (const std::string& word : words) {
    if (word == "on" || word.find_first_of("/.:()=") != std::string::npos ||
        absl::StartsWith(word, "0x")) {
      break;
    }
    absl::StrAppend(&kind, kind.empty() ? "" : " ", word);
  }
  return kind;
}

std::string SanitizerReport(const std::string& output) {
  if (output.find("starting new threads after multi-threaded fork is not "
                  "supported") != std::string::npos ||
      output.find("ThreadSanitizer: dup thread with used id") !=
          std::string::npos) {
    // TSan cannot follow threads a body starts in its forked child.
    return "ThreadSanitizer: thread started in an isolated child (not "
           "supported under TSan)";
  }
  for (const char* sanitizer :
       {"AddressSanitizer", "ThreadSanitizer", "LeakSanitizer",
        "UndefinedBehaviorSanitizer", "MemorySanitizer"}) {
    // The SUMMARY line first, else the report's headline.
    for (const char* lead : {"SUMMARY: ", "ERROR: ", "WARNING: "}) {
      std::string header = absl::StrCat(lead, sanitizer, ": ");
      size_t at = output.find(header);
      if (at == std::string::npos) continue;
      std::string kind = Kind(output, at + header.size());
      return absl::StrCat(sanitizer, ": ", kind.empty() ? "report" : kind);
    }
  }
  if (output.find("runtime error:") != std::string::npos) {
    return "UndefinedBehaviorSanitizer: undefined-behavior";
  }
  return "";
}

protocol::Outcome CrashOutcome(int wait_status, bool hung,
                               absl::Duration deadline,
                               const std::string& stderr_tail) {
  protocol::Outcome outcome;
  outcome.status = protocol::Status::kInteresting;
  std::string report = SanitizerReport(stderr_tail);
  if (hung) {
    outcome.origin = absl::StrCat(protocol::kCrashOriginPrefix, "deadline");
    outcome.message = absl::StrCat("the body ran past the case deadline (",
                                   absl::FormatDuration(deadline),
                                   ") on this input and was killed");
  } else if (!report.empty()) {
    outcome.origin = absl::StrCat(protocol::kCrashOriginPrefix, report);
    outcome.message = absl::StrCat("the body crashed on this input: ", report);
  } else if (WIFSIGNALED(wait_status)) {
    std::string name = SignalName(WTERMSIG(wait_status));
    outcome.origin = absl::StrCat(protocol::kCrashOriginPrefix, name);
    outcome.message =
        absl::StrCat("the body crashed with ", name, " on this input");
  } else if (WIFEXITED(wait_status)) {
    int code = WEXITSTATUS(wait_status);
    outcome.origin = absl::StrCat(protocol::kCrashOriginPrefix, "exit ", code);
    outcome.message =
        absl::StrCat("the body exited with status ", code, " on this input");
  } else {
    outcome.origin = absl::StrCat(protocol::kCrashOriginPrefix, "ended");
    outcome.message = "the body's process ended on this input";
  }
  if (!stderr_tail.empty()) {
    absl::StrAppend(&outcome.message,
                    "; its stderr ends with:", LastLines(stderr_tail));
  }
  return outcome;
}

CaseIsolator::Run CaseIsolator::RunCase(
    absl::FunctionRef<void(CaseJournal*)> in_child,
    protocol::ChoiceSource& source) {
  Run run;
  int pipe_fds[2];
  if (!journal_.ok() || pipe2(pipe_fds, O_CLOEXEC) != 0) {
    run.outcome.status = protocol::Status::kInteresting;
    run.outcome.origin = absl::StrCat(protocol::kCrashOriginPrefix, "no fork");
    run.outcome.message =
        absl::StrCat("cannot isolate the case: ",
                     journal_.ok() ? std::strerror(errno) : "no shared memory");
    return run;
  }
  journal_.Reset();
  std::fflush(nullptr);
  pid_t child = fork();
  if (child == 0) {
    on_exit(LeaveChild, nullptr);
    dup2(pipe_fds[1], 2);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    in_child(&journal_);
    std::fflush(nullptr);
    _exit(0);
  }
  close(pipe_fds[1]);
  if (child < 0) {
    close(pipe_fds[0]);
    run.outcome.status = protocol::Status::kInteresting;
    run.outcome.origin = absl::StrCat(protocol::kCrashOriginPrefix, "no fork");
    run.outcome.message =
        absl::StrCat("cannot fork to isolate the case: ", std::strerror(errno));
    return run;
  }
  fcntl(pipe_fds[0], F_SETFL, fcntl(pipe_fds[0], F_GETFL) | O_NONBLOCK);
  std::string output;
  absl::Time give_up = absl::Now() + deadline_;
  bool hung = false;
  bool reaped = false;
  int status = 0;
  bool open = true;
  // Woken by the child's output, by its end (a pidfd polls readable when
  // the process exits) or by the deadline; without a pidfd, in slices, so
  // that a grandchild keeping the pipe open cannot hide the child's end.
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, child, 0));
  while (!reaped) {
    absl::Duration left = give_up - absl::Now();
    if (left <= absl::ZeroDuration()) {
      kill(child, SIGKILL);
      hung = true;
      break;
    }
    int wait_ms = static_cast<int>(absl::ToInt64Milliseconds(left) + 1);
    if (pidfd < 0) wait_ms = std::min(wait_ms, 2);
    pollfd watch[2] = {{pidfd, POLLIN, 0}, {pipe_fds[0], POLLIN, 0}};
    int first = pidfd >= 0 ? 0 : 1;
    int count = open ? 2 - first : (pidfd >= 0 ? 1 : 0);
    if (count > 0) {
      if (poll(watch + first, count, wait_ms) > 0 && open &&
          (watch[1].revents & (POLLIN | POLLHUP)) != 0) {
        open = Drain(pipe_fds[0], &output);
      }
    } else {
      absl::SleepFor(absl::Milliseconds(wait_ms));
    }
    if (waitpid(child, &status, WNOHANG) == child) reaped = true;
  }
  if (pidfd >= 0) close(pidfd);
  if (!reaped) {
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (open) Drain(pipe_fds[0], &output);
  close(pipe_fds[0]);

  CaseJournal::Account account;
  try {
    account = journal_.Replay(source);
  } catch (...) {
    // The journal disagreed with the drawing algorithm (cannot happen for
    // one directive); the choices replayed so far stand.
  }
  run.draws = std::move(account.draws);
  run.notes = std::move(account.notes);
  run.usage_error = std::move(account.usage_error);
  bool clean_exit = !hung && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (account.finished && clean_exit && SanitizerReport(output).empty()) {
    run.outcome = *std::move(account.finished);
  } else {
    run.outcome = CrashOutcome(status, hung, deadline_, output);
  }
  return run;
}

}  // namespace lockstep::internal
