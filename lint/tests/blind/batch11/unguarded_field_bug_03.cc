// Registry of in-progress index builds, in the style of MongoDB's
// IndexBuildsCoordinator: registered and unregistered by the builder
// threads, listed by currentOp.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mongo_stdx.h"

namespace mongo {

struct IndexBuildEntry {
    std::string ns;
    std::string indexName;
    long long keysInserted = 0;
};

class ActiveIndexBuilds {
public:
    void registerBuild(const std::string& buildUUID, IndexBuildEntry entry) {
        stdx::lock_guard<Latch> lk(_mutex);
        _builds.emplace(buildUUID, std::move(entry));
    }

    void unregisterBuild(const std::string& buildUUID) {
        stdx::lock_guard<Latch> lk(_mutex);
        _builds.erase(buildUUID);
        _buildsChanged.notify_all();
    }

    void awaitNoBuilds() {
        stdx::unique_lock<Latch> lk(_mutex);
        _buildsChanged.wait(lk, [this] { return _builds.empty(); });
    }

    size_t count() const {
        stdx::lock_guard<Latch> lk(_mutex);
        return _builds.size();
    }

    // Appends one document per build to the currentOp output.
    std::vector<std::string> reportForCurrentOp() const {
        std::vector<std::string> out;
        for (const auto& [uuid, entry] : _builds) {  // EXPECT: concurrency-unguarded-field
            out.push_back(uuid + " " + entry.ns + "." + entry.indexName);
        }
        return out;
    }

private:
    mutable Mutex _mutex = MONGO_MAKE_LATCH("ActiveIndexBuilds::_mutex");
    stdx::condition_variable _buildsChanged;
    std::map<std::string, IndexBuildEntry> _builds;
};

}  // namespace mongo
