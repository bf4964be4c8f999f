// TranslationUnitIndex and the indexes it owns: accesses by field, joins,
// thread starts, shared-class evidence; and the CFG dataflow engine.
#include "lint/analysis/translation_unit_index.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/analysis/cfg_dataflow.h"
#include "lint/analysis/shared_class.h"
#include "lint/analysis/tests/parsed_code.h"

namespace lockstep::lint::testing {
namespace {

TEST(TranslationUnitIndex, IsSharedPerContextAndForgotten) {
  ParsedCode code("void F() {}\n");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitIndex& index = TranslationUnitIndex::For(code.context());
  EXPECT_EQ(&TranslationUnitIndex::For(code.context()), &index);
  EXPECT_EQ(&index.context(), &code.context());
  TranslationUnitIndex::ForgetCached();
}

TEST(TranslationUnitIndex, AccessesByFieldInFirstAccessOrder) {
  ParsedCode code(R"code(
class Pair {
 public:
  void Set() { second_ = 1; first_ = 2; second_ = 3; }
  int Sum() const { return first_ + second_; }
 private:
  int first_ = 0;
  int second_ = 0;
  int unused_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitIndex index(code.context());
  const AccessesByField& accesses = index.accesses_by_field();
  ASSERT_EQ(accesses.fields().size(), 2u);
  EXPECT_EQ(accesses.fields()[0], code.Field("Pair::second_"));
  EXPECT_EQ(accesses.fields()[1], code.Field("Pair::first_"));
  EXPECT_EQ(accesses.Of(code.Field("Pair::second_")).size(), 3u);
  EXPECT_EQ(accesses.Of(code.Field("Pair::first_")).size(), 2u);
  EXPECT_TRUE(accesses.Of(code.Field("Pair::unused_")).empty());
  EXPECT_EQ(&index.accesses_by_field(), &accesses);  // built once
}

TEST(TranslationUnitIndex, JoinsAndThreadStarts) {
  ParsedCode code(R"code(
void Work();
class Runner {
 public:
  void Run() {
    std::thread worker([this] { Step(); });
    std::future<void> done = std::async(std::launch::async, Work);
    worker.join();
    done.get();
  }
  void Step() {}
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitIndex index(code.context());
  const clang::FunctionDecl* run = code.Function("Runner::Run");
  const std::vector<clang::SourceLocation>& joins = index.JoinsIn(run);
  ASSERT_EQ(joins.size(), 2u);  // join() on the thread, get() on the future
  EXPECT_TRUE(index.sources().isBeforeInTranslationUnit(joins[0], joins[1]));

  const std::vector<ThreadStart>& starts = index.thread_starts();
  ASSERT_EQ(starts.size(), 2u);
  std::vector<const clang::LambdaExpr*> lambdas = code.Lambdas(run);
  ASSERT_EQ(lambdas.size(), 1u);
  EXPECT_EQ(starts[0].runs, lambdas[0]->getCallOperator());
  EXPECT_EQ(starts[0].started_in, run);
  EXPECT_EQ(starts[1].runs, code.Function("Work"));  // no body: still named
  EXPECT_EQ(starts[1].started_in, run);
}

TEST(SharedClasses, EvidenceOfSharing) {
  ParsedCode code(R"code(
class Locked {
  void Set() { std::lock_guard<std::mutex> l(mu_); v_ = 1; }
  std::mutex mu_;
  int v_ = 0;
};
class Counted {
 public:
  void Ref() const { refs_.fetch_add(1); }
  bool Unref() const { return refs_.fetch_sub(1) == 1; }
  void Set() { v_ = 1; }
 private:
  mutable std::atomic<int> refs_{1};
  int v_ = 0;
};
class Stats {
 public:
  void Hit() { ++hits_; }
  int hits() const { return hits_.load(); }
 private:
  std::atomic<int> hits_{0};
};
class Plain {
 public:
  void Set() { v_ = 1; }
  void Spawn() { std::thread([this] { v_ = 2; }).detach(); }
 private:
  int v_ = 0;
};
class Alone {
 public:
  void Set() { v_ = 1; }
 private:
  int v_ = 0;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  TranslationUnitIndex index(code.context());
  const SharedClasses& shared = index.shared_classes();
  auto record = [&](const char* field) {
    return code.Field(field)->getParent();
  };
  EXPECT_TRUE(shared.IsShared(record("Locked::v_")));
  // Only ever stepped by one: a reference count, shared ownership.
  EXPECT_TRUE(shared.IsReferenceCount(code.Field("Counted::refs_")));
  EXPECT_FALSE(shared.IsShared(record("Counted::v_")));
  // Read back with load(): a counter that threads share.
  EXPECT_FALSE(shared.IsReferenceCount(code.Field("Stats::hits_")));
  EXPECT_TRUE(shared.IsShared(record("Stats::hits_")));
  // Code of the class runs on another thread.
  EXPECT_TRUE(shared.IsShared(record("Plain::v_")));
  EXPECT_FALSE(shared.IsShared(record("Alone::v_")));
}

// Reachability as a dataflow problem: which blocks some path reaches.
TEST(SolveForward, ReachesWhatPathsReach) {
  ParsedCode code(R"code(
int F(bool b) {
  int n = 0;
  if (b) {
    n = 1;
    return n;
    n = 2;
  }
  return n + 3;
}
)code");
  ASSERT_EQ(code.errors(), 0u);
  const clang::FunctionDecl* f = code.Function("F");
  std::unique_ptr<clang::CFG> cfg =
      BuildAnalysisCfg(f, f->getBody(), code.context());
  ASSERT_NE(cfg, nullptr);
  int transfers = 0;
  std::vector<std::optional<int>> in = SolveForward(
      *cfg, 0,
      [&](const clang::CFGBlock&, int* depth) {
        ++transfers;
        *depth += 1;
      },
      [](const clang::CFGBlock&, unsigned, int*) {},
      [](int* into, int from) {
        if (from >= *into) return false;
        *into = from;  // the shortest path
        return true;
      },
      kUnboundedPasses);
  EXPECT_GT(transfers, 0);
  EXPECT_EQ(in[cfg->getEntry().getBlockID()], 0);
  ASSERT_TRUE(in[cfg->getExit().getBlockID()].has_value());
  // `n = 2` follows a return: no path reaches its block.
  int unreached = 0;
  for (const clang::CFGBlock* block : *cfg) {
    if (!in[block->getBlockID()]) ++unreached;
  }
  EXPECT_GE(unreached, 1);
  int visited = 0;
  ForEachReachedBlock(*cfg, in,
                      [&](const clang::CFGBlock&, int*) { ++visited; });
  EXPECT_EQ(visited + unreached, static_cast<int>(cfg->size()));
}

TEST(SolveForward, StopsAfterMaxPasses) {
  ParsedCode code("int G(int n) { while (n > 0) --n; return n; }\n");
  ASSERT_EQ(code.errors(), 0u);
  const clang::FunctionDecl* g = code.Function("G");
  std::unique_ptr<clang::CFG> cfg =
      BuildAnalysisCfg(g, g->getBody(), code.context());
  ASSERT_NE(cfg, nullptr);
  // A state that grows around the loop forever: only the bound stops it.
  int passes = 0;
  const clang::CFGBlock* entry = &cfg->getEntry();
  SolveForward(
      *cfg, 0,
      [&](const clang::CFGBlock& block, int* n) {
        if (&block == entry) ++passes;
        *n += 1;
      },
      [](const clang::CFGBlock&, unsigned, int*) {},
      [](int* into, int from) {
        if (from <= *into) return false;
        *into = from;
        return true;
      },
      5);
  EXPECT_EQ(passes, 5);
}

}  // namespace
}  // namespace lockstep::lint::testing
