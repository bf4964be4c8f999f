// Minimal stand-in for the DuckDB types a client context talks to.
#pragma once

#include "duckdb/common/common.hpp"

namespace duckdb {

class DatabaseInstance;

class Value {
public:
	Value() = default;
	explicit Value(string str) : str_value(std::move(str)), is_null(false) {
	}
	static Value BIGINT(int64_t v) {
		return Value(std::to_string(v));
	}
	bool IsNull() const {
		return is_null;
	}
	const string &ToString() const {
		return str_value;
	}

private:
	string str_value;
	bool is_null = true;
};

class QueryProfiler {
public:
	void StartQuery(const string &query);
	void EndQuery();
	string ToString() const;
};

class ProgressBar {
public:
	double GetCurrentPercentage();
	void Update(bool final);
};

class PreparedStatementData {
public:
	string query;
	idx_t parameter_count = 0;
};

class Executor {
public:
	void Initialize(const string &plan);
	bool ExecutionIsFinished();
	void CancelTasks();
	string GetError() const;
};

} // namespace duckdb
