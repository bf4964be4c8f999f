// The controlled scheduler: one thread at a time, every switch a decision,
// so that the same decisions replay the same interleaving; the simplest
// decisions preempt nothing; locks exclude, condition variables wake, and a
// run in which no thread can go on is reported as a deadlock with each
// thread's position. In an ordinary run the types are the real thing.
#include "client/sync/scheduler.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "client/sync/sync.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lockstep::sync {
namespace {

using ::testing::HasSubstr;

// Random decisions from a seed, recorded; or replayed from a record (the
// simplest value once the record runs out).
class FakeDecisions : public Decisions {
 public:
  explicit FakeDecisions(uint64_t seed) : random_(seed) {}
  explicit FakeDecisions(std::vector<int64_t> replay)
      : replay_(std::move(replay)), replaying_(true) {}

  int64_t Integer(int64_t min, int64_t max) override {
    int64_t v = Next(min, [&] {
      return std::uniform_int_distribution<int64_t>(min, max)(random_);
    });
    return v;
  }
  bool Boolean(double p) override {
    return Next(0, [&] { return std::bernoulli_distribution(p)(random_); });
  }
  const std::vector<int64_t>& record() const { return record_; }

 private:
  template <typename F>
  int64_t Next(int64_t simplest, F random) {
    int64_t v;
    if (replaying_) {
      v = position_ < replay_.size() ? replay_[position_] : simplest;
      ++position_;
    } else {
      v = random();
    }
    record_.push_back(v);
    return v;
  }

  std::mt19937_64 random_;
  std::vector<int64_t> replay_;
  bool replaying_ = false;
  size_t position_ = 0;
  std::vector<int64_t> record_;
};

// Two increments by load then store: the update is lost when a switch
// lands between them. Returns the final value.
int LostUpdate(Decisions* decisions, Strategy strategy, Outcome* outcome) {
  Atomic<int> value{0};
  Scheduler scheduler(decisions, ScheduleOptions{strategy, 3, 10});
  *outcome = scheduler.Run("main", [&value] {
    auto increment = [&value] { value.store(value.load() + 1); };
    Thread a(increment);
    Thread b(increment);
    a.join();
    b.join();
  });
  return value.load();
}

TEST(Scheduler, SimplestDecisionsPreemptNothing) {
  for (Strategy strategy : {Strategy::kPct, Strategy::kRandomWalk}) {
    FakeDecisions none(std::vector<int64_t>{});
    Outcome outcome;
    EXPECT_EQ(LostUpdate(&none, strategy, &outcome), 2);
    EXPECT_EQ(outcome.preemptions, 0u) << outcome.FormatInterleaving();
    EXPECT_FALSE(outcome.deadlock);
  }
}

TEST(Scheduler, FindsTheLostUpdateAndReplaysIt) {
  for (Strategy strategy : {Strategy::kPct, Strategy::kRandomWalk}) {
    int found = 0;
    for (uint64_t seed = 1; seed <= 50; ++seed) {
      FakeDecisions random(seed);
      Outcome outcome;
      int value = LostUpdate(&random, strategy, &outcome);
      if (value != 1) continue;
      ++found;
      EXPECT_GE(outcome.preemptions, 1u);
      for (int replay = 0; replay < 20; ++replay) {
        FakeDecisions again(random.record());
        Outcome replayed;
        EXPECT_EQ(LostUpdate(&again, strategy, &replayed), 1);
        EXPECT_EQ(replayed.FormatInterleaving(), outcome.FormatInterleaving());
        EXPECT_EQ(again.record(), random.record());
      }
    }
    EXPECT_GE(found, 5) << static_cast<int>(strategy);
  }
}

TEST(Scheduler, MutexExcludesUnderEveryScheduleTried) {
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    FakeDecisions random(seed);
    Mutex mu;
    Atomic<int> inside{0};
    int max_inside = 0;
    int total = 0;
    Scheduler scheduler(&random, ScheduleOptions{Strategy::kRandomWalk});
    Outcome outcome = scheduler.Run("main", [&] {
      auto body = [&] {
        for (int i = 0; i < 3; ++i) {
          MutexLock lock(&mu);
          int now = inside.fetch_add(1) + 1;
          if (now > max_inside) max_inside = now;
          Yield();
          ++total;
          inside.fetch_sub(1);
        }
      };
      Thread a(body);
      Thread b(body);
      Thread c(body);
    });
    EXPECT_FALSE(outcome.deadlock);
    EXPECT_EQ(max_inside, 1) << "seed " << seed;
    EXPECT_EQ(total, 9);
  }
}

TEST(Scheduler, OppositeLockOrdersDeadlockWithPositions) {
  int deadlocks = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    FakeDecisions random(seed);
    Mutex a_mu;
    Mutex b_mu;
    Scheduler scheduler(&random, ScheduleOptions{Strategy::kRandomWalk});
    Outcome outcome = scheduler.Run("main", [&] {
      Thread one([&] {
        MutexLock a(&a_mu);
        MutexLock b(&b_mu);
      });
      Thread two([&] {
        MutexLock b(&b_mu);
        MutexLock a(&a_mu);
      });
    });
    if (!outcome.deadlock) continue;
    ++deadlocks;
    // Each holds one mutex and waits for the other's; main waits in the
    // destructor of `two` (destroyed first).
    EXPECT_THAT(outcome.positions, HasSubstr("spawned 1: at Lock mutex "));
    EXPECT_THAT(outcome.positions, HasSubstr("(blocked, held by spawned 2)"));
    EXPECT_THAT(outcome.positions, HasSubstr("(blocked, held by spawned 1)"));
    EXPECT_THAT(outcome.positions,
                HasSubstr("main: at Join spawned 2 (spawned 2 has not "
                          "finished)"));
  }
  EXPECT_GE(deadlocks, 3);
}

TEST(Scheduler, ConditionVariableHandsOverAndAWaitNobodySignalsDeadlocks) {
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    FakeDecisions random(seed);
    Mutex mu;
    CondVar cv;
    bool ready = false;
    int got = 0;
    Scheduler scheduler(&random, ScheduleOptions{Strategy::kMixed});
    Outcome outcome = scheduler.Run("main", [&] {
      Thread consumer([&] {
        MutexLock lock(&mu);
        while (!ready) cv.Wait(&mu);
        got = 7;
      });
      Thread producer([&] {
        MutexLock lock(&mu);
        ready = true;
        cv.Signal();
      });
    });
    EXPECT_FALSE(outcome.deadlock) << outcome.positions;
    EXPECT_EQ(got, 7);
  }
  FakeDecisions none(std::vector<int64_t>{});
  Mutex mu;
  CondVar cv;
  Scheduler scheduler(&none, ScheduleOptions{});
  Outcome outcome = scheduler.Run("main", [&] {
    MutexLock lock(&mu);
    cv.Wait(&mu);
  });
  EXPECT_TRUE(outcome.deadlock);
  EXPECT_THAT(outcome.positions,
              HasSubstr("main: at Wait on condition variable 2 (mutex 1) "
                        "(never signalled)"));
}

TEST(Scheduler, TryLockAndReaderLocks) {
  FakeDecisions none(std::vector<int64_t>{});
  Mutex mu;
  bool second = true;
  int readers_seen = 0;
  Scheduler scheduler(&none, ScheduleOptions{});
  Outcome outcome = scheduler.Run("main", [&] {
    EXPECT_TRUE(mu.TryLock());
    second = mu.TryLock();
    mu.Unlock();
    ReaderMutexLock one(&mu);
    Thread reader([&] {
      ReaderMutexLock two(&mu);
      ++readers_seen;
    });
    reader.join();
  });
  EXPECT_FALSE(outcome.deadlock) << outcome.positions;
  EXPECT_FALSE(second);
  EXPECT_EQ(readers_seen, 1);
}

TEST(Scheduler, AThrownBodyIsRethrownAfterEveryThreadJoined) {
  FakeDecisions none(std::vector<int64_t>{});
  Scheduler scheduler(&none, ScheduleOptions{});
  EXPECT_THROW(scheduler.Run("main",
                             [] {
                               Thread t([] { Yield(); });
                               throw std::runtime_error("boom");
                             }),
               std::runtime_error);
}

TEST(Scheduler, ADecisionThatThrowsAbandonsTheRun) {
  struct Throwing : Decisions {
    int64_t Integer(int64_t, int64_t) override { throw std::out_of_range("x"); }
    bool Boolean(double) override { throw std::out_of_range("x"); }
  } throwing;
  Scheduler scheduler(&throwing, ScheduleOptions{Strategy::kRandomWalk});
  Mutex mu;
  EXPECT_THROW(scheduler.Run("main",
                             [&] {
                               Thread a([&] {
                                 MutexLock l(&mu);
                                 Yield();
                               });
                               Thread b([&] {
                                 MutexLock l(&mu);
                                 Yield();
                               });
                             }),
               std::out_of_range);
}

TEST(SyncLayer, OrdinaryThreadsGetTheRealThing) {
  Mutex mu;
  CondVar cv;
  Atomic<int> hits{0};
  int total = 0;
  bool go = false;
  {
    auto body = [&] {
      {
        MutexLock lock(&mu);
        while (!go) cv.Wait(&mu);
      }
      for (int i = 0; i < 1000; ++i) {
        MutexLock lock(&mu);
        ++total;
        hits.fetch_add(1);
      }
    };
    Thread a(body);
    Thread b(body);
    {
      MutexLock lock(&mu);
      go = true;
      cv.SignalAll();
    }
  }
  EXPECT_EQ(total, 2000);
  EXPECT_EQ(hits.load(), 2000);
  EXPECT_EQ(Scheduler::Current(), nullptr);
}

}  // namespace
}  // namespace lockstep::sync
