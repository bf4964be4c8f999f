// DuckDB-style client context: the public entry points take the context
// lock with LockContext() and pass the held ClientContextLock down by
// reference; the *Internal functions require it as a parameter, which is
// how DuckDB proves the caller holds the lock.
#include "mock/duckdb_common.h"

namespace duckdb {

class PreparedStatement {
 public:
  string query;
};

class QueryResult {
 public:
  explicit QueryResult(string q) : query(move(q)) {}
  string query;
};

class ClientContext {
 public:
  unique_ptr<QueryResult> Query(const string& query) {
    auto lock = LockContext();
    auto statement = PrepareInternal(*lock, query);
    return ExecuteInternal(*lock, *statement);
  }

  unique_ptr<PreparedStatement> Prepare(const string& query) {
    auto lock = LockContext();
    return PrepareInternal(*lock, query);
  }

  void Interrupt() { interrupted = true; }

  idx_t GetQueryCount() {
    auto lock = LockContext();
    return query_count;
  }

  string GetActiveQuery() {
    auto lock = LockContext();
    return active_query;
  }

 private:
  unique_ptr<ClientContextLock> LockContext() { return make_uniq<ClientContextLock>(context_lock); }

  unique_ptr<PreparedStatement> PrepareInternal(ClientContextLock& lock, const string& query) {
    auto statement = make_uniq<PreparedStatement>();
    statement->query = query;
    active_query = query;
    return statement;
  }

  unique_ptr<QueryResult> ExecuteInternal(ClientContextLock& lock, PreparedStatement& statement) {
    if (interrupted.exchange(false)) {
      active_query.clear();
      throw InternalException("Interrupted!");
    }
    query_count++;
    auto result = make_uniq<QueryResult>(statement.query);
    active_query.clear();
    return result;
  }

  mutex context_lock;
  atomic<bool> interrupted{false};
  string active_query;
  idx_t query_count = 0;
};

idx_t RunFromTwoThreads(ClientContext& context) {
  thread other([&context] { context.Prepare("SELECT 42"); });
  context.Query("SELECT 1");
  other.join();
  return context.GetQueryCount();
}

}  // namespace duckdb
