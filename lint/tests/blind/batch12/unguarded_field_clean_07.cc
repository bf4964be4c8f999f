/**************************************************************************/
/*  resource_loader_threaded.cpp                                          */
/**************************************************************************/
/*  Queue of threaded resource loads. Requests come from any thread; the  */
/*  worker threads of the pool finish them. The counters are SafeNumeric  */
/*  (atomic), so they are read and bumped both inside and outside the     */
/*  queue lock.                                                           */
/**************************************************************************/

#include "core/os/mutex.h"
#include "core/templates/safe_refcount.h"
#include "core/typedefs.h"

class ResourceLoaderThreaded {
public:
	enum Status {
		STATUS_INVALID,
		STATUS_IN_PROGRESS,
		STATUS_LOADED,
		STATUS_FAILED,
	};

private:
	struct LoadTask {
		String path;
		String type_hint;
		Status status = STATUS_INVALID;
		float progress = 0.0;
	};

	Mutex queue_mutex;
	HashMap<String, LoadTask> tasks;
	Vector<String> to_start;

	SafeNumeric<uint32_t> tasks_requested;
	SafeNumeric<uint32_t> tasks_finished;
	SafeFlag shutting_down;

public:
	Error request(const String &p_path, const String &p_type_hint) {
		ERR_FAIL_COND_V(shutting_down.is_set(), ERR_UNAVAILABLE);

		MutexLock lock(queue_mutex);
		if (tasks.count(p_path)) {
			return OK; // Already queued or loaded; the caller polls the status.
		}
		LoadTask &task = tasks[p_path];
		task.path = p_path;
		task.type_hint = p_type_hint;
		task.status = STATUS_IN_PROGRESS;
		to_start.push_back(p_path);
		tasks_requested.increment();
		return OK;
	}

	// Worker thread: takes the next path to load, or returns false.
	bool take_next(String &r_path) {
		MutexLock lock(queue_mutex);
		if (to_start.empty()) {
			return false;
		}
		r_path = to_start.back();
		to_start.pop_back();
		return true;
	}

	// Worker thread.
	void set_progress(const String &p_path, float p_progress) {
		MutexLock lock(queue_mutex);
		auto it = tasks.find(p_path);
		if (it != tasks.end()) {
			it->second.progress = p_progress;
		}
	}

	// Worker thread.
	void finish(const String &p_path, bool p_ok) {
		{
			MutexLock lock(queue_mutex);
			auto it = tasks.find(p_path);
			ERR_FAIL_COND(it == tasks.end());
			it->second.status = p_ok ? STATUS_LOADED : STATUS_FAILED;
			it->second.progress = 1.0;
		}
		tasks_finished.increment();
	}

	Status get_status(const String &p_path, float *r_progress) {
		MutexLock lock(queue_mutex);
		auto it = tasks.find(p_path);
		if (it == tasks.end()) {
			return STATUS_INVALID;
		}
		if (r_progress) {
			*r_progress = it->second.progress;
		}
		if (tasks_finished.get() == tasks_requested.get()) {
			print_verbose("ResourceLoader: queue idle.");
		}
		return it->second.status;
	}

	// Editor status bar; does not need an exact snapshot.
	uint32_t get_pending_count() const {
		return tasks_requested.get() - tasks_finished.get();
	}

	void shutdown() {
		shutting_down.set();
		MutexLock lock(queue_mutex);
		to_start.clear();
	}
};
