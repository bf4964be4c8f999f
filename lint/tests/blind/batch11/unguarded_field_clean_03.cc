// A cursor manager for one collection, in the style of MongoDB's
// CursorManager. The namespace and the limits are fixed at construction
// and read without the lock; the cursor map is always accessed under it.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "mongo_stdx.h"

namespace mongo {

struct ClientCursor {
    long long id;
    std::string ns;
    int batchesReturned = 0;
};

class CollectionCursorManager {
public:
    CollectionCursorManager(std::string nss, size_t maxCursors)
        : _nss(std::move(nss)), _maxCursors(maxCursors), _idPrefix(std::hash<std::string>()(_nss)) {}

    const std::string& nss() const {
        return _nss;
    }

    long long registerCursor() {
        stdx::lock_guard<Latch> lk(_mutex);
        if (_cursors.size() >= _maxCursors) {
            LOGV2(20001, "Too many cursors", "ns"_attr = _nss);
            return 0;
        }
        long long id = static_cast<long long>((_idPrefix << 20) ^ ++_nextCounter);
        _cursors.emplace(id, ClientCursor{id, _nss});
        return id;
    }

    bool killCursor(long long id) {
        stdx::lock_guard<Latch> lk(_mutex);
        return _cursors.erase(id) > 0;
    }

    size_t numCursors() const {
        stdx::lock_guard<Latch> lk(_mutex);
        return _cursors.size();
    }

    std::string describe() const {
        return "CursorManager(" + _nss + ", max " + std::to_string(_maxCursors) + ")";
    }

private:
    const std::string _nss;
    size_t _maxCursors;
    uint64_t _idPrefix;

    mutable Mutex _mutex = MONGO_MAKE_LATCH("CollectionCursorManager::_mutex");
    std::map<long long, ClientCursor> _cursors;
    uint64_t _nextCounter = 0;
};

}  // namespace mongo
