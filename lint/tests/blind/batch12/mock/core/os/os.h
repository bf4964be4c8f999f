// Minimal stand-in for Godot's core/os/os.h.
#pragma once

#include <cstdint>

#include "core/typedefs.h"

class OS {
public:
	static OS *get_singleton();
	void delay_usec(uint32_t p_usec) const;
	uint64_t get_ticks_usec() const;
	uint64_t get_ticks_msec() const;
	String get_environment(const String &p_var) const;
	void set_environment(const String &p_var, const String &p_value) const;
	String get_user_data_dir() const;
	int get_processor_count() const;
};
