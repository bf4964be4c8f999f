// connection_pool.cpp - a pool of upstream connections keyed by host. Hot
// path lookups share the lock; creating a connection upgrades it.

#include <boost/thread/shared_mutex.hpp>
#include <boost/thread/locks.hpp>

#include <map>
#include <memory>
#include <string>

namespace upstream {

class Connection {
public:
    explicit Connection(std::string host) : host_(std::move(host)) {}
    const std::string& host() const { return host_; }

private:
    std::string host_;
};

class ConnectionPool {
public:
    std::shared_ptr<Connection> get(const std::string& host) {
        {
            boost::shared_lock<boost::shared_mutex> lock(mutex_);
            auto it = pool_.find(host);
            if (it != pool_.end())
                return it->second;
        }

        boost::upgrade_lock<boost::shared_mutex> lock(mutex_);
        auto it = pool_.find(host);
        if (it != pool_.end())
            return it->second;

        auto conn = std::make_shared<Connection>(host);
        {
            boost::upgrade_to_unique_lock<boost::shared_mutex> unique(lock);
            pool_[host] = conn;
            ++created_;
        }
        return conn;
    }

    void evict(const std::string& host) {
        boost::unique_lock<boost::shared_mutex> lock(mutex_);
        pool_.erase(host);
    }

    size_t size() const {
        boost::shared_lock<boost::shared_mutex> lock(mutex_);
        return pool_.size();
    }

    size_t created() const {
        boost::shared_lock<boost::shared_mutex> lock(mutex_);
        return created_;
    }

private:
    mutable boost::shared_mutex mutex_;
    std::map<std::string, std::shared_ptr<Connection>> pool_;
    size_t created_ = 0;
};

}  // namespace upstream

std::string host_of(upstream::ConnectionPool& pool, const std::string& h) {
    return pool.get(h)->host();
}
