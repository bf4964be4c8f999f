/**************************************************************************/
/*  navigation_server_queue.cpp                                           */
/**************************************************************************/
/* Collects agent avoidance queries from scripts (main thread) and        */
/* processes them in the physics step (physics thread when threaded).     */
/**************************************************************************/

#include "godot/mutex.h"
#include "godot/typedefs.h"

#include <cstdint>
#include <vector>

struct AvoidanceQuery {
	uint64_t agent_id = 0;
	float radius = 0.5f;
	float max_speed = 5.0f;
};

class NavigationQueryQueue {
	Mutex commands_mutex;
	std::vector<AvoidanceQuery> pending;
	uint64_t processed_count = 0;
	bool active = true;

public:
	void push_query(const AvoidanceQuery &p_query) {
		MutexLock lock(commands_mutex);
		ERR_FAIL_COND(!active);
		pending.push_back(p_query);
	}

	void set_active(bool p_active) {
		MutexLock lock(commands_mutex);
		active = p_active;
		if (!active) {
			pending.clear();
		}
	}

	// Physics thread.
	void flush_queries() {
		std::vector<AvoidanceQuery> batch;
		{
			MutexLock lock(commands_mutex);
			batch.swap(pending);
		}
		for (const AvoidanceQuery &q : batch) {
			_solve(q);
		}
		MutexLock lock(commands_mutex);
		processed_count += batch.size();
	}

	int get_pending_count() const {
		return int(pending.size()); // EXPECT: concurrency-unguarded-field
	}

	uint64_t get_processed_count() {
		MutexLock lock(commands_mutex);
		return processed_count;
	}

private:
	void _solve(const AvoidanceQuery &p_query);
};
