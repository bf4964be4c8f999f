// Audit trail writer for the POCO-based licence server. Request threads record
// audit lines; the rotation timer closes the current file and opens a new one.
#include <ctime>
#include <fstream>
#include <string>

#include "poco_mutex.h"

namespace Licence {

enum class AuditAction { Checkout, Checkin, Denied, Expired };

struct AuditRecord {
  std::string user;
  std::string feature;
  AuditAction action = AuditAction::Checkout;
  std::time_t when = 0;
};

class AuditTrail {
 public:
  explicit AuditTrail(std::string directory)
      : _directory(std::move(directory)), _logger(Poco::Logger::get("Licence.Audit")) {}

  bool start(int sequence) {
    Poco::Mutex::ScopedLock lock(_mutex);
    _out.open(fileName(sequence), std::ios::app);
    _sequence = sequence;
    return _out.is_open();
  }

  // Request threads.
  void record(const AuditRecord& rec) {
    const std::string line = format(rec);
    _out << line << '\n';  // EXPECT: concurrency-use-after-close
    Poco::Mutex::ScopedLock lock(_mutex);
    ++_records;
  }

  // Rotation timer thread, once a day.
  void rotate() {
    Poco::Mutex::ScopedLock lock(_mutex);
    _out.close();
    _logger.information("rotated audit file after " + std::to_string(_records) + " records");
    _records = 0;
    ++_sequence;
    _out.open(fileName(_sequence), std::ios::app);
  }

  unsigned records() {
    Poco::Mutex::ScopedLock lock(_mutex);
    return _records;
  }

 private:
  std::string fileName(int sequence) const {
    return _directory + "/audit." + std::to_string(sequence) + ".log";
  }

  static std::string format(const AuditRecord& rec) {
    const char* action = "checkout";
    switch (rec.action) {
      case AuditAction::Checkout: action = "checkout"; break;
      case AuditAction::Checkin: action = "checkin"; break;
      case AuditAction::Denied: action = "denied"; break;
      case AuditAction::Expired: action = "expired"; break;
    }
    return std::to_string(rec.when) + " " + rec.user + " " + rec.feature + " " + action;
  }

  const std::string _directory;
  Poco::Logger& _logger;
  Poco::Mutex _mutex;
  std::ofstream _out;
  int _sequence = 0;
  unsigned _records = 0;
};

class CheckoutHandler : public Poco::Runnable {
 public:
  CheckoutHandler(AuditTrail& trail, std::string user) : _trail(trail), _user(std::move(user)) {}

  void run() override {
    AuditRecord rec;
    rec.user = _user;
    rec.feature = "solver";
    rec.when = std::time(nullptr);
    _trail.record(rec);
  }

 private:
  AuditTrail& _trail;
  std::string _user;
};

}  // namespace Licence
