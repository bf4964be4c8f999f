// Minimal stand-in for Godot's core/templates/safe_refcount.h.
#pragma once

#include <atomic>
#include <cstdint>

template <class T>
class SafeNumeric {
	std::atomic<T> value;

public:
	inline void set(T p_value) {
		value.store(p_value, std::memory_order_release);
	}

	inline T get() const {
		return value.load(std::memory_order_acquire);
	}

	inline T increment() {
		return value.fetch_add(1, std::memory_order_acq_rel) + 1;
	}

	inline T decrement() {
		return value.fetch_sub(1, std::memory_order_acq_rel) - 1;
	}

	inline T add(T p_value) {
		return value.fetch_add(p_value, std::memory_order_acq_rel) + p_value;
	}

	inline T exchange_if_greater(T p_value) {
		while (true) {
			T tmp = value.load(std::memory_order_acquire);
			if (tmp >= p_value) {
				return tmp;
			}
			if (value.compare_exchange_weak(tmp, p_value, std::memory_order_acq_rel)) {
				return p_value;
			}
		}
	}

	inline explicit SafeNumeric<T>(T p_value = static_cast<T>(0)) {
		set(p_value);
	}
};

class SafeFlag {
	std::atomic_bool flag;

public:
	inline bool is_set() const {
		return flag.load(std::memory_order_acquire);
	}

	inline void set() {
		flag.store(true, std::memory_order_release);
	}

	inline void clear() {
		flag.store(false, std::memory_order_release);
	}

	inline void set_to(bool p_value) {
		flag.store(p_value, std::memory_order_release);
	}

	inline explicit SafeFlag(bool p_value = false) {
		set_to(p_value);
	}
};
