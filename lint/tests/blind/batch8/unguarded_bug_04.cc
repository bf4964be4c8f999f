// route_table.cpp - longest-prefix routing table shared by the proxy's
// acceptor threads.

#include <boost/thread/shared_mutex.hpp>
#include <boost/thread/locks.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace proxy {

struct Route {
    std::string prefix;
    std::string upstream;
    int weight = 1;
};

class RouteTable {
public:
    // Looks up the upstream for a request path.
    std::string resolve(const std::string& path) const {
        boost::shared_lock<boost::shared_mutex> lock(mutex_);
        std::string best;
        size_t best_len = 0;
        for (const auto& kv : routes_) {
            if (path.compare(0, kv.first.size(), kv.first) == 0 &&
                kv.first.size() >= best_len) {
                best = kv.second.upstream;
                best_len = kv.first.size();
            }
        }
        return best;
    }

    void add(const Route& r) {
        boost::unique_lock<boost::shared_mutex> lock(mutex_);
        routes_[r.prefix] = r;
        bump_version();
    }

    void remove(const std::string& prefix) {
        boost::unique_lock<boost::shared_mutex> lock(mutex_);
        if (routes_.erase(prefix) > 0)
            bump_version();
    }

    // Replaces the whole table with the routes of a freshly loaded config.
    void reload(const std::vector<Route>& routes) {
        std::map<std::string, Route> fresh;
        for (const auto& r : routes)
            fresh[r.prefix] = r;
        {
            boost::unique_lock<boost::shared_mutex> lock(mutex_);
            routes_.swap(fresh);
        }
        bump_version();
    }

    void clear() {
        boost::unique_lock<boost::shared_mutex> lock(mutex_);
        routes_.clear();
        last_change_ = ++version_;
    }

    uint64_t version() const {
        boost::shared_lock<boost::shared_mutex> lock(mutex_);
        return version_;
    }

    uint64_t last_change() const {
        boost::shared_lock<boost::shared_mutex> lock(mutex_);
        return last_change_;
    }

private:
    void bump_version() {
        const uint64_t v = ++version_; // EXPECT: concurrency-unguarded-field
        last_change_ = v; // EXPECT: concurrency-unguarded-field
    }

    mutable boost::shared_mutex mutex_;
    std::map<std::string, Route> routes_;
    uint64_t version_ = 0;
    uint64_t last_change_ = 0;
};

}  // namespace proxy

std::string route_or_default(const proxy::RouteTable& t, const std::string& p) {
    std::string u = t.resolve(p);
    return u.empty() ? "default-backend" : u;
}
