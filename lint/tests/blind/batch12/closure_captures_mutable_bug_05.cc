// Opening a database file. While the catalog is being loaded (slow for big
// files), a helper thread probes the version of the storage extension that
// wrote the file, so that an incompatible extension can be reported early.

#include "duckdb/common/common.hpp"

namespace duckdb {

struct OpenResult {
	bool ok = false;
	string error;
	idx_t tables = 0;
};

struct DBConfigOptions {
	bool read_only = false;
	bool allow_unsigned_extensions = false;
	idx_t maximum_threads = 4;
};

int ProbeStorageExtension(const string &path);
bool LoadCatalog(const string &path, bool read_only, idx_t &tables, string &error);
void WarnUser(const string &message);

static OpenResult OpenDatabaseFile(const string &path, const DBConfigOptions &options) {
	OpenResult result;
	int extension_version = -1;
	std::thread probe([&extension_version, &path]() { extension_version = ProbeStorageExtension(path); }); // EXPECT: concurrency-closure-captures-mutable

	string error;
	const bool catalog_ok = LoadCatalog(path, options.read_only, result.tables, error);
	if (extension_version == 0) {
		WarnUser("storage extension is too old for " + path);
	}
	probe.join();

	if (!catalog_ok) {
		result.error = error;
		return result;
	}
	if (extension_version < 0) {
		result.error = "could not probe the storage extension";
		return result;
	}
	result.ok = true;
	return result;
}

// Keeps the databases attached to this process, by path.
class DatabaseManager {
public:
	explicit DatabaseManager(DBConfigOptions options) : options(std::move(options)) {
	}

	OpenResult Attach(const string &path) {
		{
			lock_guard<mutex> guard(lock);
			auto entry = attached.find(path);
			if (entry != attached.end()) {
				OpenResult cached;
				cached.ok = true;
				cached.tables = entry->second;
				return cached;
			}
		}
		OpenResult result = OpenDatabaseFile(path, options);
		if (result.ok) {
			lock_guard<mutex> guard(lock);
			attached.emplace(path, result.tables);
		}
		return result;
	}

	bool Detach(const string &path) {
		lock_guard<mutex> guard(lock);
		return attached.erase(path) > 0;
	}

	idx_t AttachedCount() {
		lock_guard<mutex> guard(lock);
		return attached.size();
	}

private:
	const DBConfigOptions options;
	mutex lock;
	std::map<string, idx_t> attached;
};

} // namespace duckdb
