#include "client/sync/scheduler.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"

namespace lockstep::sync {
namespace {

// Set on each controlled thread before its body runs; read only by it.
thread_local Scheduler* current_scheduler = nullptr;
thread_local int current_id = -1;

bool IsMutexOp(OpKind kind) {
  return kind == OpKind::kLock || kind == OpKind::kLockShared ||
         kind == OpKind::kTryLock;
}

}  // namespace

std::string Outcome::FormatInterleaving() const {
  std::string out;
  for (const Switch& s : interleaving) {
    absl::StrAppend(&out, out.empty() ? "" : " -> ", s.thread);
    if (s.steps > 1) absl::StrAppend(&out, " x", s.steps);
    absl::StrAppend(&out, " (", s.preemption ? "preempts, " : "", s.at, ")");
  }
  return out;
}

Scheduler::Scheduler(Decisions* decisions, ScheduleOptions options)
    : decisions_(decisions), options_(options) {}

Scheduler* Scheduler::Current() { return current_scheduler; }
int Scheduler::CurrentId() const { return current_id; }

Outcome Scheduler::Run(const std::string& name, std::function<void()> body) {
  std::vector<std::thread> to_join;
  Outcome outcome;
  std::exception_ptr error;
  {
    absl::MutexLock lock(&mu_);
    use_pct_ =
        options_.strategy == Strategy::kPct ||
        (options_.strategy == Strategy::kMixed && !decisions_->Boolean(0.5));
    changes_left_ = options_.pct_depth > 0 ? options_.pct_depth - 1 : 0;
    outcome_.strategy =
        use_pct_ ? absl::StrCat("PCT (depth ", options_.pct_depth, ")")
                 : "random walk";
    SpawnLocked(name, std::move(body));
    while (true) {
      while (baton_ != kController) controller_cv_.Wait(&mu_);
      bool all_finished = std::all_of(
          threads_.begin(), threads_.end(),
          [](const std::unique_ptr<Thread>& t) { return t->finished; });
      if (all_finished) break;
      if (outcome_.steps >= options_.max_steps) {
        outcome_.step_limit = true;
        for (size_t i = 0; i < threads_.size(); ++i)
          absl::StrAppend(&outcome_.positions, Position(i), "\n");
        Drain();
        break;
      }
      std::vector<int> enabled;
      for (size_t i = 0; i < threads_.size(); ++i) {
        if (Enabled(*threads_[i])) enabled.push_back(i);
      }
      if (enabled.empty()) {
        outcome_.deadlock = true;
        for (size_t i = 0; i < threads_.size(); ++i)
          absl::StrAppend(&outcome_.positions, Position(i), "\n");
        Drain();
        break;
      }
      int pick;
      try {
        pick = Pick(enabled);
      } catch (...) {
        if (!error_) error_ = std::current_exception();
        Drain();
        break;
      }
      bool last_enabled =
          std::find(enabled.begin(), enabled.end(), last_) != enabled.end();
      if (pick != last_ || outcome_.interleaving.empty()) {
        Outcome::Switch s;
        s.thread = threads_[pick]->name;
        s.at = Describe(threads_[pick]->pending);
        s.preemption = last_enabled && pick != last_;
        if (s.preemption) ++outcome_.preemptions;
        outcome_.interleaving.push_back(std::move(s));
      }
      ++outcome_.interleaving.back().steps;
      ++outcome_.steps;
      ++clock_;
      last_ = pick;
      Apply(pick);
      baton_ = pick;
      threads_[pick]->cv.Signal();
    }
    for (auto& t : threads_) {
      if (!t->os_joined && t->os_thread.joinable()) {
        to_join.push_back(std::move(t->os_thread));
      }
      t->os_joined = true;
    }
    outcome = outcome_;
    error = error_;
  }
  for (std::thread& t : to_join) t.join();
  if (error) std::rethrow_exception(error);
  return outcome;
}

void Scheduler::Drain() {
  aborting_ = true;
  while (true) {
    while (baton_ != kController) controller_cv_.Wait(&mu_);
    int pick = -1;
    // Unwind every thread that can be unwound first; then let the ones
    // that cannot (in a destructor) finish where they can.
    for (size_t i = 0; i < threads_.size() && pick < 0; ++i) {
      Thread& t = *threads_[i];
      if (!t.finished && t.can_throw && !t.abort_requested) {
        t.abort_requested = true;
        pick = i;
      }
    }
    for (size_t i = 0; i < threads_.size() && pick < 0; ++i) {
      Thread& t = *threads_[i];
      if (Enabled(t) || (!t.finished && t.abort_requested && t.can_throw)) {
        pick = i;
      }
    }
    if (pick < 0) {
      bool all_finished = std::all_of(
          threads_.begin(), threads_.end(),
          [](const std::unique_ptr<Thread>& t) { return t->finished; });
      if (all_finished) return;
      std::fprintf(stderr,
                   "lockstep: the controlled threads of an abandoned run "
                   "cannot be unwound (blocked in destructors):\n");
      for (size_t i = 0; i < threads_.size(); ++i)
        std::fprintf(stderr, "  %s\n", Position(i).c_str());
      std::abort();
    }
    if (Enabled(*threads_[pick])) Apply(pick);
    baton_ = pick;
    threads_[pick]->cv.Signal();
  }
}

int Scheduler::SpawnLocked(std::string name, std::function<void()> body) {
  int id = static_cast<int>(threads_.size());
  auto thread = std::make_unique<Thread>();
  thread->name = name.empty() ? absl::StrCat("spawned ", id) : std::move(name);
  thread->body = std::move(body);
  thread->pending = Op{OpKind::kStart, nullptr, nullptr, -1, "Start"};
  thread->waiting_for_baton = true;
  threads_.push_back(std::move(thread));
  threads_[id]->os_thread = std::thread([this, id] { ThreadMain(id); });
  return id;
}

void Scheduler::ThreadMain(int id) {
  current_scheduler = this;
  current_id = id;
  std::function<void()> body;
  bool run = true;
  {
    absl::MutexLock lock(&mu_);
    Thread& t = *threads_[id];
    while (baton_ != id) t.cv.Wait(&mu_);
    t.waiting_for_baton = false;
    run = !t.abort_requested;
    body = std::move(t.body);
  }
  if (run) {
    try {
      body();
    } catch (const Aborted&) {
    } catch (...) {
      absl::MutexLock lock(&mu_);
      if (!error_) error_ = std::current_exception();
    }
  }
  absl::MutexLock lock(&mu_);
  threads_[id]->finished = true;
  baton_ = kController;
  controller_cv_.Signal();
}

bool Scheduler::Announce(int id, Op op) {
  Thread& t = *threads_[id];
  if (op.object != nullptr) ObjectNumber(op.object);
  t.pending = std::move(op);
  if (t.countdown > 0 && --t.countdown == 0) t.change_due = true;
  t.can_throw = std::uncaught_exceptions() == 0;
  t.waiting_for_baton = true;
  baton_ = kController;
  controller_cv_.Signal();
  while (baton_ != id) t.cv.Wait(&mu_);
  t.waiting_for_baton = false;
  return !(t.abort_requested && t.can_throw);
}

void Scheduler::Perform(Op op) {
  bool go_on;
  {
    absl::MutexLock lock(&mu_);
    go_on = Announce(CurrentId(), std::move(op));
  }
  if (!go_on) throw Aborted{};
}

bool Scheduler::PerformTryLock(Op op) {
  op.kind = OpKind::kTryLock;
  bool go_on;
  bool acquired;
  {
    absl::MutexLock lock(&mu_);
    int id = CurrentId();
    go_on = Announce(id, std::move(op));
    acquired = threads_[id]->try_result;
  }
  if (!go_on) throw Aborted{};
  return acquired;
}

void Scheduler::Release(const void* mutex, bool shared) {
  absl::MutexLock lock(&mu_);
  MutexState& m = mutexes_[mutex];
  if (shared) {
    if (m.readers > 0) --m.readers;
  } else {
    m.writer = -1;
  }
}

void Scheduler::Signal(const void* condvar, bool all) {
  absl::MutexLock lock(&mu_);
  std::vector<int>& waiting = waiters_[condvar];
  size_t n = all ? waiting.size() : std::min<size_t>(1, waiting.size());
  for (size_t i = 0; i < n; ++i) threads_[waiting[i]]->signalled = true;
  waiting.erase(waiting.begin(), waiting.begin() + n);
}

void Scheduler::WaitOn(const void* condvar, const void* mutex) {
  bool go_on;
  {
    absl::MutexLock lock(&mu_);
    int id = CurrentId();
    mutexes_[mutex].writer = -1;
    waiters_[condvar].push_back(id);
    threads_[id]->signalled = false;
    go_on = Announce(id, Op{OpKind::kWait, condvar, mutex, -1, "Wait"});
  }
  if (!go_on) throw Aborted{};
}

void Scheduler::Join(int id) {
  std::thread os_thread;
  bool go_on;
  {
    absl::MutexLock lock(&mu_);
    go_on = Announce(CurrentId(), Op{OpKind::kJoin, nullptr, nullptr, id,
                                     "Join " + threads_[id]->name});
    if (go_on || threads_[id]->finished) {
      os_thread = std::move(threads_[id]->os_thread);
      threads_[id]->os_joined = true;
    }
  }
  if (os_thread.joinable()) os_thread.join();
  if (!go_on) throw Aborted{};
}

void Scheduler::PlanChangePoint(uint32_t n) {
  absl::MutexLock lock(&mu_);
  Thread& t = *threads_[CurrentId()];
  t.planned = true;
  t.countdown = n;
  t.change_due = false;
}

int64_t Scheduler::Now() {
  absl::MutexLock lock(&mu_);
  return ++clock_;
}

std::string Scheduler::CurrentName() {
  absl::MutexLock lock(&mu_);
  return threads_[CurrentId()]->name;
}

bool Scheduler::Enabled(const Thread& t) const {
  if (t.finished || !t.waiting_for_baton) return false;
  if (aborting_ && t.abort_requested && t.can_throw) return false;
  const Op& op = t.pending;
  auto mutex = [&](const void* m) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = mutexes_.find(m);
    return it == mutexes_.end() ? MutexState() : it->second;
  };
  switch (op.kind) {
    case OpKind::kLock: {
      MutexState m = mutex(op.object);
      return m.writer < 0 && m.readers == 0;
    }
    case OpKind::kLockShared:
      return mutex(op.object).writer < 0;
    case OpKind::kWait: {
      MutexState m = mutex(op.mutex);
      return t.signalled && m.writer < 0 && m.readers == 0;
    }
    case OpKind::kJoin:
      return threads_[op.target]->finished;
    default:
      return true;
  }
}

void Scheduler::Apply(int id) {
  Thread& t = *threads_[id];
  const Op& op = t.pending;
  switch (op.kind) {
    case OpKind::kLock:
      mutexes_[op.object].writer = id;
      break;
    case OpKind::kLockShared:
      ++mutexes_[op.object].readers;
      break;
    case OpKind::kTryLock: {
      MutexState& m = mutexes_[op.object];
      t.try_result = m.writer < 0 && m.readers == 0;
      if (t.try_result) m.writer = id;
      break;
    }
    case OpKind::kWait:
      mutexes_[op.mutex].writer = id;
      t.signalled = false;
      break;
    default:
      break;
  }
}

void Scheduler::RankNewThreads() {
  while (ranked_ < threads_.size()) {
    int id = static_cast<int>(ranked_++);
    // 0 (the simplest) ranks the new thread last: threads started earlier
    // run first, which is the schedule without preemptions.
    int64_t from_bottom =
        rank_.empty() ? 0 : decisions_->Integer(0, rank_.size());
    rank_.insert(rank_.end() - from_bottom, id);
  }
}

int Scheduler::Pick(const std::vector<int>& enabled) {
  bool last_enabled =
      std::find(enabled.begin(), enabled.end(), last_) != enabled.end();
  if (use_pct_) {
    RankNewThreads();
    bool due = false;
    if (last_ >= 0) due = std::exchange(threads_[last_]->change_due, false);
    if (enabled.size() > 1 && last_enabled && changes_left_ > 0) {
      Thread& current = *threads_[last_];
      bool change;
      if (current.planned) {
        change = due;
      } else {
        uint32_t remaining = options_.expected_steps > outcome_.steps
                                 ? options_.expected_steps - outcome_.steps
                                 : 1;
        double p =
            std::min(1.0, static_cast<double>(changes_left_) / remaining);
        change = decisions_->Boolean(p);
      }
      if (change) {
        --changes_left_;
        rank_.erase(std::find(rank_.begin(), rank_.end(), last_));
        rank_.push_back(last_);
      }
    }
    for (int id : rank_) {
      if (std::find(enabled.begin(), enabled.end(), id) != enabled.end())
        return id;
    }
    return enabled.front();
  }
  if (enabled.size() == 1) return enabled.front();
  std::vector<int> order;
  if (last_enabled) order.push_back(last_);
  for (int id : enabled) {
    if (id != last_ || !last_enabled) order.push_back(id);
  }
  int64_t i = decisions_->Integer(0, static_cast<int64_t>(order.size()) - 1);
  return order[i];
}

int Scheduler::ObjectNumber(const void* object) {
  auto [it, inserted] =
      numbers_.try_emplace(object, static_cast<int>(numbers_.size()) + 1);
  return it->second;
}

std::string Scheduler::Describe(const Op& op) const {
  auto number = [&](const void* object) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = numbers_.find(object);
    return it == numbers_.end() ? 0 : it->second;
  };
  if (IsMutexOp(op.kind)) {
    return absl::StrCat(op.label, " mutex ", number(op.object));
  }
  switch (op.kind) {
    case OpKind::kWait:
      return absl::StrCat("Wait on condition variable ", number(op.object),
                          " (mutex ", number(op.mutex), ")");
    case OpKind::kAtomic:
      return absl::StrCat(op.label, " atomic ", number(op.object));
    default:
      return op.label;
  }
}

std::string Scheduler::Position(int id) const {
  const Thread& t = *threads_[id];
  if (t.finished) return absl::StrCat(t.name, ": finished");
  const Op& op = t.pending;
  std::string where = absl::StrCat(t.name, ": at ", Describe(op));
  auto holder = [&](const void* m)
                    ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) -> std::string {
    auto it = mutexes_.find(m);
    if (it == mutexes_.end()) return "";
    if (it->second.writer >= 0)
      return absl::StrCat(", held by ", threads_[it->second.writer]->name);
    if (it->second.readers > 0)
      return absl::StrCat(", held shared by ", it->second.readers,
                          it->second.readers == 1 ? " thread" : " threads");
    return "";
  };
  if (Enabled(t)) return absl::StrCat(where, " (could go on)");
  switch (op.kind) {
    case OpKind::kLock:
    case OpKind::kLockShared:
      return absl::StrCat(where, " (blocked", holder(op.object), ")");
    case OpKind::kWait:
      return absl::StrCat(where,
                          t.signalled ? " (signalled, blocked on the mutex"
                                      : " (never signalled",
                          t.signalled ? holder(op.mutex) : "", ")");
    case OpKind::kJoin:
      return absl::StrCat(where, " (", threads_[op.target]->name,
                          " has not finished)");
    default:
      return where;
  }
}

}  // namespace lockstep::sync
