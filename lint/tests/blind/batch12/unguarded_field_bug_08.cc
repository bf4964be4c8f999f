// Per-connection user variables (SET VARIABLE / getvariable()), and the
// duckdb_variables() table function that lists them. A connection may be
// used from several threads; queries on other connections never see it.

#include "duckdb/common/common.hpp"
#include "duckdb/main/client_context.hpp"

namespace duckdb {

class ClientVariables {
public:
	void SetVariable(const string &name, Value value) {
		lock_guard<mutex> guard(lock);
		variables[name] = std::move(value);
		version++;
	}

	bool TryGetVariable(const string &name, Value &result) {
		lock_guard<mutex> guard(lock);
		auto entry = variables.find(name);
		if (entry == variables.end()) {
			return false;
		}
		result = entry->second;
		return true;
	}

	void ResetVariable(const string &name) {
		lock_guard<mutex> guard(lock);
		if (variables.erase(name) > 0) {
			version++;
		}
	}

	const case_insensitive_map_t<Value> &GetVariables() {
		lock_guard<mutex> guard(lock);
		return variables; // EXPECT: concurrency-unguarded-field
	}

	idx_t GetVersion() {
		lock_guard<mutex> guard(lock);
		return version;
	}

private:
	mutex lock;
	case_insensitive_map_t<Value> variables;
	idx_t version = 0;
};

struct DuckDBVariablesData {
	vector<std::pair<string, Value>> entries;
	idx_t offset = 0;
	idx_t version = 0;
};

static void DuckDBVariablesInit(ClientVariables &vars, DuckDBVariablesData &data) {
	data.version = vars.GetVersion();
	for (auto &entry : vars.GetVariables()) {
		data.entries.emplace_back(entry.first, entry.second);
	}
}

static idx_t DuckDBVariablesFunction(DuckDBVariablesData &data, vector<string> &names, vector<string> &values,
                                     idx_t max_rows) {
	idx_t count = 0;
	while (data.offset < data.entries.size() && count < max_rows) {
		auto &entry = data.entries[data.offset++];
		names.push_back(entry.first);
		values.push_back(entry.second.IsNull() ? "NULL" : entry.second.ToString());
		count++;
	}
	return count;
}

// The slice of ClientContext that the variable functions need.
class VariableScope {
public:
	void Set(const string &name, int64_t value) {
		variables.SetVariable(name, Value::BIGINT(value));
	}

	idx_t List(vector<string> &names, vector<string> &values) {
		DuckDBVariablesData data;
		DuckDBVariablesInit(variables, data);
		return DuckDBVariablesFunction(data, names, values, 2048);
	}

	Value Get(const string &name) {
		Value result;
		if (!variables.TryGetVariable(name, result)) {
			throw InvalidInputException("variable \"" + name + "\" is not set");
		}
		return result;
	}

private:
	ClientVariables variables;
};

} // namespace duckdb
