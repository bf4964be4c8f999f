// Ported from org.example.net.pool.ConnectionPool (Java). A bounded pool of
// connections; lease() blocks while the pool is exhausted.

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include <jport/lang.h>

namespace org::example::net::pool {

class PooledConnection {
 public:
  explicit PooledConnection(std::string host) : host_(std::move(host)) {}
  const std::string& host() const { return host_; }
  bool isValid() const;

 private:
  const std::string host_;
};

class ConnectionFactory {
 public:
  virtual ~ConnectionFactory() = default;
  virtual std::shared_ptr<PooledConnection> create() = 0;
};

class ConnectionPool : public jport::Object {
 public:
  ConnectionPool(ConnectionFactory& factory, size_t maxSize)
      : factory_(factory), maxSize_(maxSize) {}

  std::shared_ptr<PooledConnection> lease() {
    JPORT_SYNCHRONIZED_METHOD();
    while (idle_.empty() && leased_ >= maxSize_) {
      monitor_.wait();
    }
    std::shared_ptr<PooledConnection> c;
    if (!idle_.empty()) {
      c = idle_.front();
      idle_.pop_front();
    } else {
      c = factory_.create();
    }
    ++leased_;
    return c;
  }

  void release(std::shared_ptr<PooledConnection> c) {
    JPORT_SYNCHRONIZED_METHOD();
    --leased_;
    if (c->isValid()) {
      idle_.push_back(std::move(c));
    }
    monitor_.notifyAll();
  }

  // JMX: ConnectionPoolMBean.dumpState()
  std::string dumpState() const {
    JPORT_SYNCHRONIZED_METHOD();
    return describe();
  }

  std::string toString() const override {
    return "ConnectionPool[" + describe() + "]";
  }

 private:
  std::string describe() const {
    return "leased=" + std::to_string(leased_) +  // EXPECT: concurrency-unguarded-field
           ", idle=" + std::to_string(idle_.size()) +  // EXPECT: concurrency-unguarded-field
           ", max=" + std::to_string(maxSize_);
  }

  ConnectionFactory& factory_;
  const size_t maxSize_;
  std::deque<std::shared_ptr<PooledConnection>> idle_;
  size_t leased_ = 0;
};

}  // namespace org::example::net::pool
