// Audit sink for the POCO-based gateway: every request handler thread writes
// an audit line; the sink is created lazily when the first line arrives.
#include <memory>
#include <string>
#include <vector>

#include "poco_mutex.h"

namespace Gateway {

enum class AuditLevel { Info, Security, Critical };

class AuditSink {
 public:
  explicit AuditSink(std::string target) : _target(std::move(target)) {}

  void write(AuditLevel level, const std::string& line) {
    Poco::FastMutex::ScopedLock lock(_mutex);
    _buffer.push_back(prefix(level) + line);
    if (_buffer.size() >= 64) flushLocked();
  }

  void flush() {
    Poco::FastMutex::ScopedLock lock(_mutex);
    flushLocked();
  }

 private:
  static std::string prefix(AuditLevel level) {
    switch (level) {
      case AuditLevel::Info: return "[info] ";
      case AuditLevel::Security: return "[security] ";
      case AuditLevel::Critical: return "[critical] ";
    }
    return "";
  }

  void flushLocked() {
    Poco::Logger::get("Gateway.Audit").information(
        std::to_string(_buffer.size()) + " audit lines to " + _target);
    _buffer.clear();
  }

  std::string _target;
  Poco::FastMutex _mutex;
  std::vector<std::string> _buffer;
};

namespace {
std::unique_ptr<AuditSink> g_auditSink;
Poco::FastMutex g_configMutex;
std::string g_auditTarget = "syslog";
}  // namespace

void setAuditTarget(const std::string& target) {
  Poco::FastMutex::ScopedLock lock(g_configMutex);
  g_auditTarget = target;
}

AuditSink& auditSink() {
  if (!g_auditSink) g_auditSink.reset(new AuditSink("audit"));  // EXPECT: concurrency-lazy-init-race
  return *g_auditSink;
}

class RequestHandler : public Poco::Runnable {
 public:
  RequestHandler(std::string user, std::string path) : _user(std::move(user)), _path(std::move(path)) {}

  void run() override {
    AuditLevel level = _path.rfind("/admin", 0) == 0 ? AuditLevel::Security : AuditLevel::Info;
    auditSink().write(level, _user + " " + _path);
  }

 private:
  std::string _user;
  std::string _path;
};


const char* auditLevelName(AuditLevel level) {
  switch (level) {
    case AuditLevel::Info: return "info";
    case AuditLevel::Security: return "security";
    case AuditLevel::Critical: return "critical";
  }
  return "?";
}

}  // namespace Gateway
