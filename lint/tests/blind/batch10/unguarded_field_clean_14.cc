// Registry of running queries, in the style of ClickHouse's ProcessList: the
// fields carry TSA annotations and the methods lock with std::lock_guard over
// the annotated mutex (which libstdc++'s lock_guard does not annotate, so
// clang's own analysis cannot see these locks; every access is still locked).
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "tsa_mutex.h"

namespace DB {

enum class QueryKind { Select, Insert, Alter, System };

struct QueryStatusInfo {
  std::string query_id;
  std::string user;
  QueryKind kind = QueryKind::Select;
  uint64_t read_rows = 0;
  bool is_cancelled = false;
};

class QueryRegistry {
 public:
  explicit QueryRegistry(size_t max_concurrent_) : max_concurrent(max_concurrent_) {}

  void insert(const std::string & query_id, const std::string & user, QueryKind kind)
  {
    std::lock_guard lock(mutex);
    if (queries.size() >= max_concurrent)
      throw Exception(ErrorCodes::TIMEOUT_EXCEEDED, "Too many simultaneous queries. Maximum: " + std::to_string(max_concurrent));
    if (queries.count(query_id))
      throw Exception(ErrorCodes::LOGICAL_ERROR, "Query with id = " + query_id + " is already running");
    queries[query_id] = QueryStatusInfo{query_id, user, kind, 0, false};
  }

  void remove(const std::string & query_id)
  {
    std::lock_guard lock(mutex);
    queries.erase(query_id);
    ++finished_total;
  }

  bool cancel(const std::string & query_id)
  {
    std::unique_lock lock(mutex);
    auto it = queries.find(query_id);
    if (it == queries.end())
      return false;
    it->second.is_cancelled = true;
    return true;
  }

  void addProgress(const std::string & query_id, uint64_t rows)
  {
    std::lock_guard lock(mutex);
    auto it = queries.find(query_id);
    if (it != queries.end())
      it->second.read_rows += rows;
  }

  std::vector<QueryStatusInfo> getInfo() const
  {
    std::lock_guard lock(mutex);
    std::vector<QueryStatusInfo> res;
    res.reserve(queries.size());
    for (const auto & [id, info] : queries)
      res.push_back(info);
    return res;
  }

  uint64_t finishedTotal() const
  {
    std::lock_guard lock(mutex);
    return finished_total;
  }

 private:
  const size_t max_concurrent;
  mutable TSAMutex mutex;
  std::map<std::string, QueryStatusInfo> queries TSA_GUARDED_BY(mutex);
  uint64_t finished_total TSA_GUARDED_BY(mutex) = 0;
};

std::string formatQueries(const QueryRegistry & registry)
{
  std::string out;
  for (const auto & info : registry.getInfo())
    out += info.query_id + "\t" + info.user + "\t" + std::to_string(info.read_rows) + (info.is_cancelled ? "\tcancelled\n" : "\n");
  return out;
}

}
