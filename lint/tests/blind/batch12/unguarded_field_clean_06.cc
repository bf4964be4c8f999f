// A trimmed-down ClientContext: every public entry point takes the context
// lock once, and the internal steps receive the lock object to document
// that they run under it.

#include "duckdb/common/common.hpp"
#include "duckdb/main/client_context.hpp"

namespace duckdb {

struct ClientContextLock {
	explicit ClientContextLock(mutex &context_lock) : client_guard(context_lock) {
	}

private:
	lock_guard<mutex> client_guard;
};

struct ActiveQueryContext {
	string query;
	unique_ptr<Executor> executor;
	unique_ptr<ProgressBar> progress_bar;
};

class QueryResult {
public:
	explicit QueryResult(string error_p = string()) : error(std::move(error_p)) {
	}
	bool HasError() const {
		return !error.empty();
	}
	const string error;
};

class ConnectionContext {
public:
	unique_ptr<QueryResult> Query(const string &query) {
		ClientContextLock lock(context_lock);
		CleanupInternal(lock);
		return RunQueryInternal(lock, query);
	}

	double GetProgress() {
		ClientContextLock lock(context_lock);
		if (!active_query || !active_query->progress_bar) {
			return -1;
		}
		return active_query->progress_bar->GetCurrentPercentage();
	}

	// Called from another thread (e.g. Ctrl-C in the shell).
	void Interrupt() {
		interrupted = true;
	}

	idx_t QueriesRun() {
		ClientContextLock lock(context_lock);
		return queries_run;
	}

	void Close() {
		ClientContextLock lock(context_lock);
		CleanupInternal(lock);
	}

private:
	void CleanupInternal(ClientContextLock &lock) {
		if (!active_query) {
			return;
		}
		active_query->executor->CancelTasks();
		active_query.reset();
	}

	unique_ptr<QueryResult> RunQueryInternal(ClientContextLock &lock, const string &query) {
		interrupted = false;
		active_query = make_uniq<ActiveQueryContext>();
		active_query->query = query;
		active_query->executor = make_uniq<Executor>();
		active_query->progress_bar = make_uniq<ProgressBar>();
		active_query->executor->Initialize(query);
		while (!active_query->executor->ExecutionIsFinished()) {
			if (interrupted) {
				CleanupInternal(lock);
				return make_uniq<QueryResult>("INTERRUPT Error: Interrupted!");
			}
			active_query->progress_bar->Update(false);
		}
		queries_run++;
		auto error = active_query->executor->GetError();
		CleanupInternal(lock);
		return make_uniq<QueryResult>(error);
	}

	mutex context_lock;
	unique_ptr<ActiveQueryContext> active_query;
	idx_t queries_run = 0;
	atomic<bool> interrupted {false};
};

} // namespace duckdb
