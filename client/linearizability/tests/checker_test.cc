// The checker on hand-written histories whose verdict is known: registers,
// queues and counters, linearizable or not, with overlapping operations
// that fit in either order and ones that fit in neither.
#include "client/linearizability/checker.h"

#include <cstddef>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace lockstep::linearizability {
namespace {

using ::testing::HasSubstr;

// A history under construction, with each operation's model step.
template <typename State>
struct Recorded {
  std::vector<Operation> history;
  std::vector<Apply<State>> apply;

  void Add(std::string thread, int64_t invoked, int64_t returned,
           std::string call, std::string result, Apply<State> step) {
    history.push_back(Operation{std::move(thread), invoked, returned,
                                std::move(call), std::move(result)});
    apply.push_back(std::move(step));
  }
  Verdict<State> Check(const State& initial,
                       const CheckOptions& options = CheckOptions()) const {
    absl::StatusOr<Verdict<State>> verdict =
        CheckLinearizable(history, apply, initial, options);
    EXPECT_TRUE(verdict.ok()) << verdict.status();
    return verdict.ok() ? *verdict : Verdict<State>();
  }
};

// A register of ints, initially 0.
struct Register : Recorded<int> {
  void Write(std::string thread, int64_t from, int64_t to, int value) {
    Add(std::move(thread), from, to, absl::StrCat("Write(", value, ")"), "",
        [value](int& reg) -> std::optional<std::string> {
          reg = value;
          return std::nullopt;
        });
  }
  void Read(std::string thread, int64_t from, int64_t to, int seen) {
    Add(std::move(thread), from, to, "Read()", absl::StrCat(seen),
        [seen](int& reg) -> std::optional<std::string> {
          if (reg == seen) return std::nullopt;
          return absl::StrCat("Read() returned ", seen,
                              ", but the register holds ", reg);
        });
  }
};

// A FIFO queue of ints; Pop on an empty queue returns -1.
struct Queue : Recorded<std::deque<int>> {
  void Push(std::string thread, int64_t from, int64_t to, int value) {
    Add(std::move(thread), from, to, absl::StrCat("Push(", value, ")"), "",
        [value](std::deque<int>& q) -> std::optional<std::string> {
          q.push_back(value);
          return std::nullopt;
        });
  }
  void Pop(std::string thread, int64_t from, int64_t to, int seen) {
    Add(std::move(thread), from, to, "Pop()", absl::StrCat(seen),
        [seen](std::deque<int>& q) -> std::optional<std::string> {
          int front = q.empty() ? -1 : q.front();
          if (front != seen) {
            return absl::StrCat("Pop() returned ", seen, ", but the front is ",
                                front);
          }
          if (!q.empty()) q.pop_front();
          return std::nullopt;
        });
  }
};

// Whether `order` (a linearization) puts `a` before `b`.
bool Before(const std::vector<size_t>& order, size_t a, size_t b) {
  size_t pa = order.size(), pb = order.size();
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i] == a) pa = i;
    if (order[i] == b) pb = i;
  }
  return pa < pb;
}

TEST(Checker, EmptyHistoryIsLinearizable) {
  Register r;
  Verdict<int> v = r.Check(0);
  EXPECT_TRUE(v.linearizable);
  EXPECT_TRUE(v.order.empty());
  EXPECT_EQ(v.final_state, 0);
}

TEST(Checker, SequentialRegisterHistoryIsLinearizableInItsOwnOrder) {
  Register r;
  r.Write("t1", 0, 10, 1);
  r.Read("t1", 20, 30, 1);
  r.Write("t2", 40, 50, 2);
  r.Read("t1", 60, 70, 2);
  Verdict<int> v = r.Check(0);
  EXPECT_TRUE(v.linearizable);
  EXPECT_EQ(v.order, (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(v.final_state, 2);
  EXPECT_EQ(v.explanation, "");
}

TEST(Checker, StaleReadAfterACompletedWriteIsNotLinearizable) {
  Register r;
  r.Write("thread 1", 0, 10, 1);
  r.Read("thread 2", 20, 30, 0);  // the write returned before this began
  Verdict<int> v = r.Check(0);
  EXPECT_FALSE(v.linearizable);
  EXPECT_EQ(v.order, (std::vector<size_t>{0}));  // the write alone fits
  EXPECT_THAT(v.explanation, HasSubstr("not linearizable"));
  EXPECT_THAT(v.explanation, HasSubstr("thread 2:\n"));
  EXPECT_THAT(v.explanation, HasSubstr("Read() -> 0"));
  EXPECT_THAT(v.explanation,
              HasSubstr("longest linearizable prefix (1 of 2 operations):\n"
                        "  1. Write(1)  [thread 1]\n"));
  EXPECT_THAT(v.explanation,
              HasSubstr("Read() -> 0  [thread 2]: Read() returned 0, but the "
                        "register holds 1"));
}

TEST(Checker, ReadOverlappingAWriteMaySeeEitherValue) {
  for (int seen : {0, 1}) {
    Register r;
    r.Write("thread 1", 0, 100, 1);
    r.Read("thread 2", 50, 60, seen);  // inside the write's interval
    Verdict<int> v = r.Check(0);
    EXPECT_TRUE(v.linearizable) << "read " << seen << "\n" << v.explanation;
    // The witness puts the read before the write exactly when it saw 0.
    EXPECT_EQ(Before(v.order, 1, 0), seen == 0);
    EXPECT_EQ(v.final_state, 1);
  }
}

TEST(Checker, OverlappingReadsMustAgreeWithOneOrderOfTheWrites) {
  // Two overlapping writes; a later read of 1 and then a read of 2 cannot
  // both hold once both writes have returned.
  Register r;
  r.Write("thread 1", 0, 100, 1);
  r.Write("thread 2", 0, 100, 2);
  r.Read("thread 1", 200, 210, 1);
  r.Read("thread 2", 220, 230, 2);
  Verdict<int> v = r.Check(0);
  EXPECT_FALSE(v.linearizable);
  EXPECT_EQ(v.order.size(), 3u);
  EXPECT_THAT(v.explanation, HasSubstr("Read() returned 2, but the register "
                                       "holds 1"));
}

TEST(Checker, QueueReturningElementsOutOfOrderIsNotLinearizable) {
  Queue q;
  q.Push("thread 1", 0, 10, 1);
  q.Push("thread 1", 20, 30, 2);
  q.Pop("thread 2", 40, 50, 2);
  Verdict<std::deque<int>> v = q.Check({});
  EXPECT_FALSE(v.linearizable);
  EXPECT_EQ(v.order, (std::vector<size_t>{0, 1}));
  EXPECT_THAT(v.explanation,
              HasSubstr("Pop() -> 2  [thread 2]: Pop() returned 2, but the "
                        "front is 1"));
}

TEST(Checker, OverlappingPushesMayBePoppedInEitherOrder) {
  for (int first : {1, 2}) {
    Queue q;
    q.Push("thread 1", 0, 100, 1);
    q.Push("thread 2", 10, 90, 2);
    q.Pop("thread 3", 200, 210, first);
    q.Pop("thread 3", 220, 230, 3 - first);
    Verdict<std::deque<int>> v = q.Check({});
    EXPECT_TRUE(v.linearizable) << v.explanation;
    EXPECT_EQ(Before(v.order, 0, 1), first == 1);
    EXPECT_TRUE(v.final_state && v.final_state->empty());
  }
}

TEST(Checker, PopOfAnElementNotYetPushedIsNotLinearizable) {
  Queue q;
  q.Pop("thread 2", 0, 10, 7);
  q.Push("thread 1", 20, 30, 7);
  Verdict<std::deque<int>> v = q.Check({});
  EXPECT_FALSE(v.linearizable);
  EXPECT_TRUE(v.order.empty());
  EXPECT_THAT(v.explanation, HasSubstr("(none)"));
  EXPECT_THAT(v.explanation, HasSubstr("no operation can go first"));
  EXPECT_THAT(v.explanation, HasSubstr("1 other operation must wait"));
}

TEST(Checker, TouchingIntervalsCountAsOverlapping) {
  Register r;
  r.Write("thread 1", 0, 10, 1);
  r.Read("thread 2", 10, 20, 0);  // invoked the instant the write returned
  EXPECT_TRUE(r.Check(0).linearizable);
}

TEST(Checker, ThrowingApplyIsAReason) {
  Recorded<int> h;
  h.Add("thread 1", 0, 10, "Boom()", "",
        [](int&) -> std::optional<std::string> {
          throw std::runtime_error("postcondition of Boom failed");
        });
  Verdict<int> v = h.Check(0);
  EXPECT_FALSE(v.linearizable);
  EXPECT_THAT(v.explanation, HasSubstr("postcondition of Boom failed"));
}

// A counter of increments that all overlap: without memoization this is
// n! orders; with it, at most 2^n (set, state) pairs.
struct Counter : Recorded<int> {
  void Increment(std::string thread, int64_t from, int64_t to, int seen) {
    Add(std::move(thread), from, to, "Increment()", absl::StrCat(seen),
        [seen](int& c) -> std::optional<std::string> {
          ++c;
          if (c == seen) return std::nullopt;
          return absl::StrCat("returned ", seen, ", but the count is ", c);
        });
  }
};

TEST(Checker, MemoizationKeepsManyOverlappingOperationsCheap) {
  constexpr int kOps = 14;
  Counter c;
  for (int i = 0; i < kOps; ++i) {
    // All overlap; results in reverse invocation order, so the first
    // operation tried at each level is wrong.
    c.Increment(absl::StrCat("thread ", i), i, 1000, kOps - i);
  }
  Verdict<int> v = c.Check(0);
  EXPECT_TRUE(v.linearizable);
  EXPECT_EQ(v.final_state, kOps);
  // kOps! (about 8.7e10) without the cache.
  EXPECT_LT(v.steps, 1'000'000u);
  // One increment made twice the same count: no order explains it.
  Counter lost;
  for (int i = 0; i < kOps; ++i) {
    lost.Increment(absl::StrCat("thread ", i), i, 1000, i == 0 ? 1 : i);
  }
  Verdict<int> not_linearizable = lost.Check(0);
  EXPECT_FALSE(not_linearizable.linearizable);
  EXPECT_LT(not_linearizable.steps, 1'000'000u);
}

// A state with no ==: checked without memoization, same verdicts.
struct Opaque {
  int value = 0;
};

TEST(Checker, StateWithoutEqualityIsCheckedWithoutTheCache) {
  static_assert(!internal::StateCache<Opaque>::kMemoizes);
  static_assert(internal::StateCache<int>::kMemoizes);
  Recorded<Opaque> h;
  auto write = [](int x) {
    return [x](Opaque& o) -> std::optional<std::string> {
      o.value = x;
      return std::nullopt;
    };
  };
  auto read = [](int x) {
    return [x](Opaque& o) -> std::optional<std::string> {
      if (o.value == x) return std::nullopt;
      return absl::StrCat("read ", x, " but holds ", o.value);
    };
  };
  h.Add("t1", 0, 10, "Write(1)", "", write(1));
  h.Add("t2", 5, 15, "Read()", "1", read(1));
  EXPECT_TRUE(h.Check(Opaque()).linearizable);
  h.Add("t2", 20, 30, "Read()", "0", read(0));
  EXPECT_FALSE(h.Check(Opaque()).linearizable);
}

TEST(Checker, StepFunctionForm) {
  // A counter whose Increment returns the new count, as (state) -> expected.
  auto increment = [](int& c) { return ++c; };
  auto print = [](const int& x) { return absl::StrCat(x); };
  std::vector<Operation> history = {{"t1", 0, 10, "Increment()", "1"},
                                    {"t2", 0, 10, "Increment()", "1"}};
  std::vector<Apply<int>> apply = {ExpectResult<int, int>(increment, 1, print),
                                   ExpectResult<int, int>(increment, 1, print)};
  absl::StatusOr<Verdict<int>> v = CheckLinearizable(history, apply, 0);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_FALSE(v->linearizable);
  EXPECT_THAT(v->explanation, HasSubstr("returned 1, but the model expects 2"));
  apply[1] = ExpectResult<int, int>(increment, 2, print);
  history[1].result = "2";
  v = CheckLinearizable(history, apply, 0);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_TRUE(v->linearizable);
}

TEST(Checker, MalformedHistoriesAreErrorsNotVerdicts) {
  Register r;
  r.Write("thread 1", 10, 5, 1);  // returned before it was invoked
  absl::StatusOr<Verdict<int>> v = CheckLinearizable(r.history, r.apply, 0);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(v.status().message()),
              HasSubstr("operation 0 (Write(1) on thread 1) returned at 5"));

  Register fine;
  fine.Write("thread 1", 0, 5, 1);
  fine.apply.clear();
  v = CheckLinearizable(fine.history, fine.apply, 0);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(v.status().message()),
              HasSubstr("1 operations but 0 apply functions"));
}

TEST(Checker, GivesUpPastItsStepBudget) {
  Counter c;
  for (int i = 0; i < 10; ++i) c.Increment("t", i, 100, 10 - i);
  CheckOptions tight;
  tight.max_steps = 5;
  absl::StatusOr<Verdict<int>> v =
      CheckLinearizable(c.history, c.apply, 0, tight);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(Checker, TimelineGroupsByThreadInMicroseconds) {
  std::vector<Operation> history = {{"thread 1", 1000, 3000, "Push(1)", ""},
                                    {"thread 2", 2000, 2500, "Pop()", "1"},
                                    {"thread 1", 4000, 4500, "Size()", "0"}};
  EXPECT_EQ(FormatTimeline(history),
            "  thread 1:\n"
            "    [      0.0,       2.0]  Push(1)\n"
            "    [      3.0,       3.5]  Size() -> 0\n"
            "  thread 2:\n"
            "    [      1.0,       1.5]  Pop() -> 1\n");
}

}  // namespace
}  // namespace lockstep::linearizability
