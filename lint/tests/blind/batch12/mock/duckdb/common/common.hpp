// Minimal stand-in for DuckDB's duckdb/common/*.hpp aliases.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace duckdb {

typedef uint64_t idx_t;
typedef uint8_t data_t;
typedef data_t *data_ptr_t;

using std::atomic;
using std::lock_guard;
using std::move;
using std::mutex;
using std::shared_ptr;
using std::string;
using std::unique_lock;
using std::unique_ptr;
using std::vector;

template <class T>
using weak_ptr = std::weak_ptr<T>;

template <class T, class... ARGS>
unique_ptr<T> make_uniq(ARGS &&...args) {
	return unique_ptr<T>(new T(std::forward<ARGS>(args)...));
}

template <class T, class... ARGS>
shared_ptr<T> make_shared_ptr(ARGS &&...args) {
	return std::make_shared<T>(std::forward<ARGS>(args)...);
}

template <class T>
using case_insensitive_map_t = std::unordered_map<string, T>;

class Exception : public std::runtime_error {
public:
	explicit Exception(const string &msg) : std::runtime_error(msg) {
	}
};

class InternalException : public Exception {
public:
	explicit InternalException(const string &msg) : Exception("INTERNAL Error: " + msg) {
	}
};

class InvalidInputException : public Exception {
public:
	explicit InvalidInputException(const string &msg) : Exception("Invalid Input Error: " + msg) {
	}
};

class IOException : public Exception {
public:
	explicit IOException(const string &msg) : Exception("IO Error: " + msg) {
	}
};

#define D_ASSERT(condition) ((void)0)

} // namespace duckdb
