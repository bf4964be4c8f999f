// Forward dataflow over a function's CFG: the one engine behind the lockset
// analysis and the thread-leak check's joinability tracking.
#ifndef LOCKSTEP_LINT_ANALYSIS_CFG_DATAFLOW_H_
#define LOCKSTEP_LINT_ANALYSIS_CFG_DATAFLOW_H_

#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/CFG.h"

namespace lockstep::lint {

// The CFG the analyses walk: implicit destructors included (scoped guards
// release, and local threads are destroyed, at every exit), every statement
// an element of its own. Null when clang cannot build one.
std::unique_ptr<clang::CFG> BuildAnalysisCfg(const clang::Decl* function,
                                             const clang::Stmt* body,
                                             clang::ASTContext& context);

// No bound on the passes: for problems whose states can only change a few
// times each.
inline constexpr int kUnboundedPasses = std::numeric_limits<int>::max();

// Solves a forward dataflow problem and returns the state on entry to each
// block, by block ID: empty for the blocks no path reaches.
//
// The entry block starts in `entry`. Passes over the blocks, in the CFG's
// order, apply `transfer(block, State*)` to each reached block's entry state,
// then `edge(block, successor_index, State*)` on each outgoing edge (a
// condition that holds on one edge only), and merge the result into the
// successor: an unreached successor takes it as it is, a reached one
// `join(State* into, const State& from)`, which returns whether `into`
// changed. Passes stop when one changes nothing, or after `max_passes`.
template <typename State, typename Transfer, typename Edge, typename Join>
std::vector<std::optional<State>> SolveForward(const clang::CFG& cfg,
                                               State entry, Transfer transfer,
                                               Edge edge, Join join,
                                               int max_passes) {
  std::vector<std::optional<State>> in(cfg.getNumBlockIDs());
  in[cfg.getEntry().getBlockID()] = std::move(entry);
  bool changed = true;
  for (int pass = 0; changed && pass < max_passes; ++pass) {
    changed = false;
    for (const clang::CFGBlock* block : cfg) {
      if (block == nullptr || !in[block->getBlockID()]) continue;
      State out = *in[block->getBlockID()];
      transfer(*block, &out);
      unsigned index = 0;
      for (const clang::CFGBlock::AdjacentBlock& successor : block->succs()) {
        State along = out;
        edge(*block, index++, &along);
        const clang::CFGBlock* next = successor.getReachableBlock();
        if (next == nullptr) continue;
        std::optional<State>& target = in[next->getBlockID()];
        if (!target) {
          target = std::move(along);
          changed = true;
        } else if (join(&*target, along)) {
          changed = true;
        }
      }
    }
  }
  return in;
}

// Calls `visit(block, state)` on each block a solution reaches, in the CFG's
// order, with a copy of its entry state: the pass that records results.
template <typename State, typename Visit>
void ForEachReachedBlock(const clang::CFG& cfg,
                         const std::vector<std::optional<State>>& in,
                         Visit visit) {
  for (const clang::CFGBlock* block : cfg) {
    if (block == nullptr || !in[block->getBlockID()]) continue;
    State state = *in[block->getBlockID()];
    visit(*block, &state);
  }
}

}  // namespace lockstep::lint

#endif  // LOCKSTEP_LINT_ANALYSIS_CFG_DATAFLOW_H_
