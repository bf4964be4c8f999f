// Background compaction scheduler of a storage manager. Compaction requests
// are queued by the commit path; one worker thread runs them. The destructor
// waits for the worker to finish.

#include "duckdb/common/common.hpp"

#include <deque>

namespace duckdb {

struct CompactionTask {
	idx_t table_id;
	idx_t row_group;
};

class CompactionScheduler {
public:
	CompactionScheduler() {
		worker = std::thread([this]() { WorkerMain(); });
	}

	~CompactionScheduler() {
		// Let a running compaction finish before the tables go away.
		worker.join(); // EXPECT: concurrency-thread-leak
	}


	void Schedule(CompactionTask task) {
		{
			lock_guard<mutex> guard(lock);
			pending.push_back(task);
		}
		cv.notify_one();
	}

	idx_t CompletedTasks() {
		lock_guard<mutex> guard(lock);
		return completed;
	}

private:
	void WorkerMain() {
		while (true) {
			CompactionTask task;
			{
				unique_lock<mutex> guard(lock);
				cv.wait(guard, [this]() { return shutdown || !pending.empty(); });
				if (shutdown) {
					return;
				}
				task = pending.front();
				pending.pop_front();
			}
			Compact(task);
			lock_guard<mutex> guard(lock);
			completed++;
		}
	}

	void Compact(const CompactionTask &task);

	mutex lock;
	std::condition_variable cv;
	std::deque<CompactionTask> pending;
	bool shutdown = false;
	idx_t completed = 0;
	std::thread worker;
};

} // namespace duckdb
