/*  thread.h  (stand-in for Godot's core/os/thread.h) */
#ifndef THREAD_H
#define THREAD_H

#include <atomic>
#include <thread>

class Thread {
public:
	typedef void (*Callback)(void *p_userdata);

	void start(Callback p_callback, void *p_user) {
		thread = std::thread(p_callback, p_user);
	}
	bool is_started() const { return thread.joinable(); }
	void wait_to_finish() {
		if (thread.joinable()) {
			thread.join();
		}
	}
	~Thread() {
		if (thread.joinable()) {
			thread.detach();
		}
	}

private:
	std::thread thread;
};

template <class T>
class SafeNumeric {
	std::atomic<T> value;

public:
	SafeNumeric(T p_value = static_cast<T>(0)) : value(p_value) {}
	T get() const { return value.load(std::memory_order_acquire); }
	void set(T p_value) { value.store(p_value, std::memory_order_release); }
	T increment() { return value.fetch_add(1, std::memory_order_acq_rel) + 1; }
	T decrement() { return value.fetch_sub(1, std::memory_order_acq_rel) - 1; }
};

class SafeFlag {
	std::atomic_bool flag;

public:
	SafeFlag(bool p_value = false) : flag(p_value) {}
	bool is_set() const { return flag.load(std::memory_order_acquire); }
	void set() { flag.store(true, std::memory_order_release); }
	void clear() { flag.store(false, std::memory_order_release); }
	void set_to(bool p_value) { flag.store(p_value, std::memory_order_release); }
};

#endif // THREAD_H
