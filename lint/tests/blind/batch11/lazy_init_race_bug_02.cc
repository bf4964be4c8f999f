// Process-wide registry of server parameters in the style of MongoDB's
// ServerParameterSet: the set is created on first use with a
// double-checked lock on a plain pointer.
#include <map>
#include <string>

#include "mongo_stdx.h"

namespace mongo {

class ServerParameter {
public:
    virtual ~ServerParameter() = default;
    virtual std::string name() const = 0;
    virtual Status setFromString(const std::string& value) = 0;
};

class ServerParameterSet {
public:
    void add(ServerParameter* sp) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        _map[sp->name()] = sp;
    }

    ServerParameter* get(const std::string& name) {
        stdx::lock_guard<stdx::mutex> lk(_mutex);
        auto it = _map.find(name);
        return it == _map.end() ? nullptr : it->second;
    }

    static ServerParameterSet* getGlobal();

private:
    stdx::mutex _mutex;
    std::map<std::string, ServerParameter*> _map;
};

namespace {
ServerParameterSet* gServerParameterSet = nullptr;
stdx::mutex gServerParameterSetMutex;
}  // namespace

ServerParameterSet* ServerParameterSet::getGlobal() {
    if (!gServerParameterSet) {  // EXPECT: concurrency-lazy-init-race
        stdx::lock_guard<stdx::mutex> lk(gServerParameterSetMutex);
        if (!gServerParameterSet) {
            gServerParameterSet = new ServerParameterSet();
        }
    }
    return gServerParameterSet;
}

Status setParameter(const std::string& name, const std::string& value) {
    ServerParameter* sp = ServerParameterSet::getGlobal()->get(name);
    if (!sp) {
        return Status(2, "unknown parameter " + name);
    }
    return sp->setFromString(value);
}

}  // namespace mongo
