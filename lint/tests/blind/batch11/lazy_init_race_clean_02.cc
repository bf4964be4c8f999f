// Wire-protocol opcode tables in the style of MongoDB's transport layer:
// the expensive table is built once with std::call_once, the small ones
// are magic statics.
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "mongo_stdx.h"

namespace mongo {

enum class OpCode { kMsg = 2013, kReply = 1, kUpdate = 2001, kInsert = 2002, kQuery = 2004 };

class OpCodeTable {
public:
    const std::string& nameOf(OpCode op) {
        std::call_once(_initOnce, [this] { _build(); });
        static const std::string kUnknown = "unknown";
        auto it = _names.find(op);
        return it == _names.end() ? kUnknown : it->second;
    }

    bool isDeprecated(OpCode op) {
        std::call_once(_initOnce, [this] { _build(); });
        return _deprecated.count(op) > 0;
    }

private:
    void _build() {
        _names = {{OpCode::kMsg, "OP_MSG"},
                  {OpCode::kReply, "OP_REPLY"},
                  {OpCode::kUpdate, "OP_UPDATE"},
                  {OpCode::kInsert, "OP_INSERT"},
                  {OpCode::kQuery, "OP_QUERY"}};
        _deprecated = {{OpCode::kUpdate, true}, {OpCode::kInsert, true}};
    }

    std::once_flag _initOnce;
    std::map<OpCode, std::string> _names;
    std::map<OpCode, bool> _deprecated;
};

OpCodeTable& globalOpCodeTable() {
    static OpCodeTable* table = new OpCodeTable();
    return *table;
}

const std::vector<std::string>& compressorNames() {
    static const std::vector<std::string> names{"snappy", "zlib", "zstd"};
    return names;
}

class MessageCompressorRegistry {
public:
    void registerName(const std::string& name) {
        stdx::lock_guard<Latch> lk(_mutex);
        _enabled.push_back(name);
    }

private:
    Mutex _mutex = MONGO_MAKE_LATCH("MessageCompressorRegistry::_mutex");
    std::vector<std::string> _enabled;
};

}  // namespace mongo
