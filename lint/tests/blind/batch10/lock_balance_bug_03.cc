// Part-movement scheduler for a replicated table: moves are planned under the
// table's mutex; reporting the plan to the log takes the same mutex again.
#include <cstdint>
#include <string>
#include <vector>

#include "tsa_mutex.h"

namespace DB {

enum class MoveDestination { Disk, Volume, Shard };

struct PartMove {
  std::string part_name;
  std::string destination;
  MoveDestination kind = MoveDestination::Disk;
  uint64_t bytes = 0;
};

class PartMovesScheduler {
 public:
  explicit PartMovesScheduler(std::string table_) : table(std::move(table_)) {}

  void addCandidate(PartMove move)
  {
    TSALockGuard lock(mutex);
    candidates.push_back(std::move(move));
  }

  /// Picks moves until `budget` bytes are used; returns the number picked.
  size_t plan(uint64_t budget)
  {
    TSALockGuard lock(mutex);
    size_t picked = 0;
    uint64_t used = 0;
    std::vector<PartMove> rest;
    for (auto & move : candidates)
    {
      if (used + move.bytes <= budget)
      {
        used += move.bytes;
        planned.push_back(std::move(move));
        ++picked;
      }
      else
        rest.push_back(std::move(move));
    }
    candidates.swap(rest);
    if (picked > 0)
      logPlan(); // EXPECT: concurrency-lock-balance
    return picked;
  }

  std::vector<PartMove> takePlanned()
  {
    TSALockGuard lock(mutex);
    std::vector<PartMove> res;
    res.swap(planned);
    return res;
  }

 private:
  void logPlan() TSA_EXCLUDES(mutex)
  {
    size_t n;
    uint64_t bytes = 0;
    {
      TSALockGuard lock(mutex);
      n = planned.size();
      for (const auto & m : planned)
        bytes += m.bytes;
    }
    LOG_INFO(table, "Planned " << n << " part moves, " << bytes << " bytes");
  }

  const std::string table;
  TSAMutex mutex;
  std::vector<PartMove> candidates TSA_GUARDED_BY(mutex);
  std::vector<PartMove> planned TSA_GUARDED_BY(mutex);
};

class PartMovesTask {
 public:
  explicit PartMovesTask(PartMovesScheduler & scheduler_) : scheduler(scheduler_) {}

  void run(uint64_t budget)
  {
    if (scheduler.plan(budget) == 0)
      return;
    for (const auto & move : scheduler.takePlanned())
      if (move.part_name.empty())
        throw Exception(ErrorCodes::LOGICAL_ERROR, "Empty part name in planned move");
  }

 private:
  PartMovesScheduler & scheduler;
};

}
