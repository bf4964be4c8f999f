// Monitor client session in the style of Ceph's MonClient: the session's
// connection is replaced on hunting and shut down on shutdown(), while
// subscription renewals are sent from the timer thread.
#include <memory>
#include <string>

#include "ceph_common.h"

class Connection {
 public:
  virtual ~Connection() = default;
  virtual int send_message(const std::string& msg) = 0;
  virtual void Close() = 0;
  virtual std::string get_peer_addr() const = 0;
};

class MonSession {
 public:
  explicit MonSession(std::unique_ptr<Connection> con) : con(std::move(con)) {}

  void send_keepalive() {
    std::lock_guard l{lock};
    if (con) con->send_message("keepalive");
  }

  // SafeTimer callback: renews subscriptions every few seconds.
  void renew_subs(const std::string& what) {
    int r = con->send_message("sub " + what);  // EXPECT: concurrency-use-after-close
    if (r < 0) {
      std::lock_guard l{lock};
      ++renew_failures;
    }
  }

  void shutdown() {
    std::lock_guard l{lock};
    if (con) {
      con->Close();
      con.reset();
    }
  }

  int get_renew_failures() {
    std::lock_guard l{lock};
    return renew_failures;
  }

 private:
  ceph::mutex lock = ceph::make_mutex("MonSession::lock");
  std::unique_ptr<Connection> con;
  int renew_failures = 0;
};
