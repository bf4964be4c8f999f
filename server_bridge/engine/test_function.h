// How the engine calls a test: a case at a time (TestFunction) or a
// generation batch at a time (BatchFunction, BatchRunner). The gRPC service
// implements them over the wire; the engine's tests call bodies in-process.
#ifndef LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_FUNCTION_H_
#define LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_FUNCTION_H_

#include <deque>
#include <functional>
#include <utility>
#include <vector>

#include "server_bridge/protocol/run.h"

namespace lockstep::engine {

// Runs one case.
using TestFunction =
    std::function<protocol::Outcome(const protocol::Directive&)>;
// Runs a generation batch (Directive::batch_size cases): one outcome per
// case, in order; it may stop early (after a failing case, or to keep its
// answer small) but runs at least one.
using BatchFunction =
    std::function<std::vector<protocol::Outcome>(const protocol::Directive&)>;

// Runs generation batches with up to kMaxInFlight started at once, so that a
// client runs one while the engine reads the outcomes of the other. Called
// only by its Engine's thread.
class BatchRunner {
 public:
  static constexpr size_t kMaxInFlight = 2;

  virtual ~BatchRunner() = default;
  virtual void Start(const protocol::Directive& batch) = 0;
  // The outcomes of the oldest batch started and not yet finished.
  virtual std::vector<protocol::Outcome> Finish() = 0;
};

// A BatchRunner over a BatchFunction: Finish runs the oldest started batch.
// Owned by the thread running its Engine; not shared.
class SyncBatchRunner : public BatchRunner {
 public:
  explicit SyncBatchRunner(BatchFunction run) : run_(std::move(run)) {}
  void Start(const protocol::Directive& batch) override {
    started_.push_back(batch);
  }
  std::vector<protocol::Outcome> Finish() override {
    protocol::Directive batch = std::move(started_.front());
    started_.pop_front();
    return run_(batch);
  }

 private:
  BatchFunction run_;
  std::deque<protocol::Directive> started_;
};

}  // namespace lockstep::engine

#endif  // LOCKSTEP_SERVER_BRIDGE_ENGINE_TEST_FUNCTION_H_
