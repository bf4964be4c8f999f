// Extension loading cache of a database instance. The first query that
// needs an extension loads it; concurrent queries wait on the same lock and
// then find it loaded. The install-directory probe is done lazily too,
// under the same lock.

#include "duckdb/common/common.hpp"
#include "duckdb/common/file_system.hpp"

namespace duckdb {

struct LoadedExtension {
	string name;
	string version;
	void *handle = nullptr;
};

class ExtensionManager {
public:
	ExtensionManager(FileSystem &fs, string home_directory) : fs(fs), home_directory(std::move(home_directory)) {
	}

	// Extensions stay loaded for the lifetime of the instance.
	const LoadedExtension *GetOrLoad(const string &name) {
		lock_guard<mutex> guard(lock);
		auto entry = loaded.find(name);
		if (entry != loaded.end()) {
			return entry->second.get();
		}
		auto ext = make_uniq<LoadedExtension>();
		ext->name = name;
		ext->version = "v1";
		ext->handle = OpenLibrary(GetInstallDirectoryInternal() + "/" + name + ".duckdb_extension");
		const LoadedExtension *result = ext.get();
		loaded[name] = std::move(ext);
		return result;
	}

	string InstallDirectory() {
		lock_guard<mutex> guard(lock);
		return GetInstallDirectoryInternal();
	}

	idx_t LoadedCount() {
		lock_guard<mutex> guard(lock);
		return loaded.size();
	}

private:
	// Must be called with the lock held.
	const string &GetInstallDirectoryInternal() {
		if (!install_directory) {
			install_directory = make_uniq<string>(fs.JoinPath(home_directory, ".duckdb/extensions"));
		}
		return *install_directory;
	}

	static void *OpenLibrary(const string &path);

	FileSystem &fs;
	const string home_directory;
	mutex lock;
	case_insensitive_map_t<unique_ptr<LoadedExtension>> loaded;
	unique_ptr<string> install_directory;
};

// LOAD statement: several connections may load the same extension at once.
class LoadStatementExecutor {
public:
	explicit LoadStatementExecutor(ExtensionManager &manager) : manager(manager) {
	}

	string Execute(const string &extension_name) {
		const LoadedExtension *ext = manager.GetOrLoad(extension_name);
		if (ext->handle == nullptr) {
			throw IOException("Extension \"" + extension_name + "\" could not be loaded from " +
			                  manager.InstallDirectory());
		}
		return ext->name + " " + ext->version;
	}

private:
	ExtensionManager &manager;
};

} // namespace duckdb
