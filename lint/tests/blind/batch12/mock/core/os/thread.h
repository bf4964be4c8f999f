// Minimal stand-in for Godot's core/os/thread.h: an OS thread that runs a
// plain callback with a user pointer. wait_to_finish() joins it.
#pragma once

#include <cstdint>

#include "core/typedefs.h"

class Thread {
public:
	typedef void (*Callback)(void *p_userdata);
	typedef uint64_t ID;

	enum Priority {
		PRIORITY_LOW,
		PRIORITY_NORMAL,
		PRIORITY_HIGH,
	};

	struct Settings {
		Priority priority;
		Settings() { priority = PRIORITY_NORMAL; }
	};

	ID start(Thread::Callback p_callback, void *p_user, const Settings &p_settings = Settings());
	bool is_started() const;
	void wait_to_finish();

	static ID get_caller_id();
	static ID get_main_id();
	static void set_name(const String &p_name);

	Thread();
	~Thread();
};
