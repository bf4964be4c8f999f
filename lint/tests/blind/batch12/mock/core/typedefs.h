// Minimal stand-in for Godot's core typedefs and error macros.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

using String = std::string;

template <class T>
using Vector = std::vector<T>;

template <class K, class V>
using HashMap = std::unordered_map<K, V>;

enum Error {
	OK,
	FAILED,
	ERR_UNAVAILABLE,
	ERR_UNCONFIGURED,
	ERR_INVALID_PARAMETER,
	ERR_ALREADY_IN_USE,
	ERR_BUSY,
	ERR_CANT_CREATE,
};

void _err_print_error(const char *p_function, const char *p_file, int p_line, const char *p_error);
void print_line(const String &p_string);
void print_verbose(const String &p_string);
String itos(int64_t p_val);

#define ERR_FAIL_COND(m_cond)                                                 \
	if (m_cond) {                                                             \
		_err_print_error(__FUNCTION__, __FILE__, __LINE__, #m_cond);          \
		return;                                                               \
	} else                                                                    \
		((void)0)

#define ERR_FAIL_COND_V(m_cond, m_retval)                                     \
	if (m_cond) {                                                             \
		_err_print_error(__FUNCTION__, __FILE__, __LINE__, #m_cond);          \
		return m_retval;                                                      \
	} else                                                                    \
		((void)0)

#define ERR_FAIL_INDEX_V(m_index, m_size, m_retval)                           \
	if ((m_index) < 0 || (m_index) >= (m_size)) {                             \
		_err_print_error(__FUNCTION__, __FILE__, __LINE__, #m_index);         \
		return m_retval;                                                      \
	} else                                                                    \
		((void)0)

#define memnew(m_class) new m_class
#define memdelete(m_ptr) delete m_ptr
