// RapidCheck's rc::state side of the stateful bench (run_stateful.py): the
// same four buggy systems as examples/stateful/ and the trivial two-command
// machine, each command shown as `Name(args)` on a line of its own. The
// driver compiles this with g++ -lrapidcheck (not a Bazel target: no target
// depends on the peers) and sets the seed through RC_PARAMS.
//
//   rapidcheck_stateful queue|kv|allocator|files   one check, RC's report
//   rapidcheck_stateful throughput CASES           steps/s of the trivial one
#include <rapidcheck.h>
#include <rapidcheck/state.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>
#include <string>

#include "examples/stateful/allocator.h"
#include "examples/stateful/bounded_queue.h"
#include "examples/stateful/file_table.h"
#include "examples/stateful/kv_store.h"

namespace {

// --- the bounded queue --------------------------------------------------
struct QueueModel {
  std::deque<int> items;
};
using QueueCommand = rc::state::Command<QueueModel, examples::BoundedQueue>;

struct QueuePush : QueueCommand {
  int x = *rc::gen::inRange(0, 10);
  void apply(QueueModel& m) const override {
    if (m.items.size() < 3) m.items.push_back(x);
  }
  void run(const QueueModel& m, examples::BoundedQueue& q) const override {
    RC_ASSERT(q.Push(x) == (m.items.size() < 3));
    RC_ASSERT(q.Size() == nextState(m).items.size());
  }
  void show(std::ostream& os) const override { os << "Push(" << x << ")"; }
};
struct QueuePop : QueueCommand {
  void apply(QueueModel& m) const override {
    if (!m.items.empty()) m.items.pop_front();
  }
  void run(const QueueModel& m, examples::BoundedQueue& q) const override {
    std::optional<int> got = q.Pop();
    if (m.items.empty()) {
      RC_ASSERT(!got.has_value());
    } else {
      RC_ASSERT(got.has_value() && *got == m.items.front());
    }
    RC_ASSERT(q.Size() == nextState(m).items.size());
  }
  void show(std::ostream& os) const override { os << "Pop()"; }
};

// --- the key-value store ------------------------------------------------
using KvModel = std::map<int, int>;
using KvCommand = rc::state::Command<KvModel, examples::KvStore>;
struct KvPut : KvCommand {
  int key = *rc::gen::inRange(0, 4);
  int value = *rc::gen::inRange(0, 10);
  void apply(KvModel& m) const override { m[key] = value; }
  void run(const KvModel&, examples::KvStore& kv) const override {
    kv.Put(key, value);
  }
  void show(std::ostream& os) const override {
    os << "Put(" << key << ", " << value << ")";
  }
};
struct KvGet : KvCommand {
  int key = *rc::gen::inRange(0, 4);
  void run(const KvModel& m, examples::KvStore& kv) const override {
    auto it = m.find(key);
    std::optional<int> expected;
    if (it != m.end()) expected = it->second;
    RC_ASSERT(kv.Get(key) == expected);
  }
  void show(std::ostream& os) const override { os << "Get(" << key << ")"; }
};
struct KvDelete : KvCommand {
  int key = *rc::gen::inRange(0, 4);
  void apply(KvModel& m) const override { m.erase(key); }
  void run(const KvModel& m, examples::KvStore& kv) const override {
    RC_ASSERT(kv.Delete(key) == (m.count(key) > 0));
  }
  void show(std::ostream& os) const override { os << "Delete(" << key << ")"; }
};

// --- the allocator: RapidCheck has no pools, so the model names handles
// by symbolic ids and the system side maps them to real ones.
struct AllocModel {
  std::set<int> live;  // symbolic ids
  int next = 0;
};
struct AllocSut {
  explicit AllocSut(bool bug) : allocator(bug) {}
  examples::Allocator allocator;
  std::map<int, int> real;  // symbolic id -> handle
};
using AllocCommand = rc::state::Command<AllocModel, AllocSut>;
struct AllocAlloc : AllocCommand {
  void apply(AllocModel& m) const override { m.live.insert(m.next++); }
  void run(const AllocModel& m, AllocSut& s) const override {
    int h = s.allocator.Alloc();
    for (int id : m.live) RC_ASSERT(s.real[id] != h);
    s.real[m.next] = h;
  }
  void show(std::ostream& os) const override { os << "Alloc()"; }
};
struct AllocFree : AllocCommand {
  int id;
  explicit AllocFree(const AllocModel& m) {
    RC_PRE(!m.live.empty());
    id = *rc::gen::elementOf(m.live);
  }
  void checkPreconditions(const AllocModel& m) const override {
    RC_PRE(m.live.count(id) > 0);
  }
  void apply(AllocModel& m) const override { m.live.erase(id); }
  void run(const AllocModel&, AllocSut& s) const override {
    s.allocator.Free(s.real[id]);
  }
  void show(std::ostream& os) const override { os << "Free(" << id << ")"; }
};

// --- the file table -----------------------------------------------------
struct FilesModel {
  std::set<int> open;  // symbolic ids
  int next = 0;        // ids ever opened
};
struct FilesSut {
  explicit FilesSut(bool bug) : table(bug) {}
  examples::FileTable table;
  std::map<int, int> real;  // symbolic id -> descriptor
};
using FilesCommand = rc::state::Command<FilesModel, FilesSut>;
struct FilesOpen : FilesCommand {
  std::string path = *rc::gen::element<std::string>("a", "b", "c");
  void apply(FilesModel& m) const override { m.open.insert(m.next++); }
  void run(const FilesModel& m, FilesSut& s) const override {
    int fd = s.table.Open(path);
    for (int id : m.open) RC_ASSERT(s.real[id] != fd);
    s.real[m.next] = fd;
    RC_ASSERT(s.table.OpenCount() == static_cast<int>(m.open.size()) + 1);
  }
  void show(std::ostream& os) const override {
    os << "Open(\"" << path << "\")";
  }
};
struct FilesClose : FilesCommand {
  int id;
  explicit FilesClose(const FilesModel& m) {
    RC_PRE(m.next > 0);
    id = *rc::gen::inRange(0, m.next);
  }
  void checkPreconditions(const FilesModel& m) const override {
    RC_PRE(id < m.next);
  }
  void apply(FilesModel& m) const override { m.open.erase(id); }
  void run(const FilesModel& m, FilesSut& s) const override {
    RC_ASSERT(s.table.Close(s.real[id]) == (m.open.count(id) ? 0 : -1));
    RC_ASSERT(s.table.OpenCount() ==
              static_cast<int>(nextState(m).open.size()));
  }
  void show(std::ostream& os) const override { os << "Close(" << id << ")"; }
};

// Property runs: generated cases plus shrink attempts.
long runs = 0;

// --- the trivial machine --------------------------------------------------
long steps_run = 0;
using TrivialCommand = rc::state::Command<int, int>;
struct Inc : TrivialCommand {
  void apply(int& m) const override { ++m; }
  void run(const int& m, int& s) const override {
    ++steps_run;
    RC_ASSERT(++s == m + 1);
  }
  void show(std::ostream& os) const override { os << "Inc()"; }
};
struct Dec : TrivialCommand {
  void apply(int& m) const override { --m; }
  void run(const int& m, int& s) const override {
    ++steps_run;
    RC_ASSERT(--s == m - 1);
  }
  void show(std::ostream& os) const override { os << "Dec()"; }
};

}  // namespace

int main(int argc, char** argv) {
  std::string which = argc > 1 ? argv[1] : "";
  if (which == "queue") {
    bool ok = rc::check("queue", [] {
      ++runs;
      examples::BoundedQueue q(3, true);
      rc::state::check(
          QueueModel{}, q,
          rc::state::gen::execOneOfWithArgs<QueuePush, QueuePop>());
    });
    std::printf("runs=%ld\n", runs);
    return ok ? 0 : 1;
  }
  if (which == "kv") {
    bool ok = rc::check("kv", [] {
      ++runs;
      examples::KvStore kv(true);
      rc::state::check(
          KvModel{}, kv,
          rc::state::gen::execOneOfWithArgs<KvPut, KvGet, KvDelete>());
    });
    std::printf("runs=%ld\n", runs);
    return ok ? 0 : 1;
  }
  if (which == "allocator") {
    bool ok = rc::check("allocator", [] {
      ++runs;
      AllocSut s(true);
      rc::state::check(
          AllocModel{}, s,
          rc::state::gen::execOneOfWithArgs<AllocAlloc, AllocFree>());
    });
    std::printf("runs=%ld\n", runs);
    return ok ? 0 : 1;
  }
  if (which == "files") {
    bool ok = rc::check("files", [] {
      ++runs;
      FilesSut s(true);
      rc::state::check(
          FilesModel{}, s,
          rc::state::gen::execOneOfWithArgs<FilesOpen, FilesClose>());
    });
    std::printf("runs=%ld\n", runs);
    return ok ? 0 : 1;
  }
  if (which == "throughput") {
    auto start = std::chrono::steady_clock::now();
    bool ok = rc::check("trivial", [] {
      int s = 0;
      rc::state::check(0, s, rc::state::gen::execOneOfWithArgs<Inc, Dec>());
    });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    std::printf("throughput steps=%ld seconds=%.3f steps_per_second=%.0f\n",
                steps_run, seconds, steps_run / seconds);
    return ok ? 0 : 1;
  }
  std::fprintf(stderr, "usage: %s queue|kv|allocator|files|throughput\n",
               argv[0]);
  return 2;
}
