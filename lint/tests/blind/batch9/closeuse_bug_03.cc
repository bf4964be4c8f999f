// A cluster-membership client: it keeps a transport to the coordinator,
// sends heartbeats when the node's timer fires, and drops the transport when
// the coordinator tells it to reconnect elsewhere.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace membership {

struct Status {
  int code = 0;
  std::string message;
  bool ok() const { return code == 0; }
  static Status Unavailable(std::string m) { return {14, std::move(m)}; }
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual Status Write(const std::string& frame) = 0;
  virtual Status Close() = 0;
  virtual std::string peer() const = 0;
};

class TransportFactory {
 public:
  virtual ~TransportFactory() = default;
  virtual std::unique_ptr<Transport> Connect(const std::string& address) = 0;
};

enum class NodeRole { kCandidate, kMember, kLeaving };

class MembershipClient {
 public:
  MembershipClient(TransportFactory* factory, std::string node_id)
      : factory_(factory), node_id_(std::move(node_id)) {}

  Status Join(const std::string& coordinator) {
    std::unique_ptr<Transport> t = factory_->Connect(coordinator);
    if (t == nullptr) return Status::Unavailable("cannot reach " + coordinator);
    std::lock_guard<std::mutex> lock(mu_);
    transport_ = std::move(t);
    role_ = NodeRole::kCandidate;
    return transport_->Write("JOIN " + node_id_);
  }

  // Called by the node's timer thread every second.
  Status SendHeartbeat(uint64_t now_ms) {
    const std::string frame = "HB " + node_id_ + " " + std::to_string(now_ms);
    if (trace_file_ != nullptr) std::fprintf(trace_file_, "%s\n", frame.c_str());  // EXPECT: concurrency-use-after-close
    Status s = transport_->Write(frame);  // EXPECT: concurrency-use-after-close
    std::lock_guard<std::mutex> lock(mu_);
    if (s.ok()) {
      last_heartbeat_ms_ = now_ms;
    } else {
      ++failed_heartbeats_;
    }
    return s;
  }

  // Coordinator told us to go elsewhere (I/O thread).
  void OnRedirect(const std::string& new_coordinator) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (transport_ != nullptr) {
        transport_->Close();
        transport_.reset();
      }
      role_ = NodeRole::kCandidate;
      pending_redirect_ = new_coordinator;
    }
  }

  void StartTracing(std::FILE* f) {
    std::lock_guard<std::mutex> lock(mu_);
    trace_file_ = f;
  }

  void StopTracing() {
    std::lock_guard<std::mutex> lock(mu_);
    if (trace_file_ != nullptr) std::fclose(trace_file_);
    trace_file_ = nullptr;
  }

  void OnAccepted() {
    std::lock_guard<std::mutex> lock(mu_);
    role_ = NodeRole::kMember;
  }

  std::string TakePendingRedirect() {
    std::lock_guard<std::mutex> lock(mu_);
    std::string out;
    out.swap(pending_redirect_);
    return out;
  }

  uint64_t failed_heartbeats() {
    std::lock_guard<std::mutex> lock(mu_);
    return failed_heartbeats_;
  }

  std::string Describe() {
    std::lock_guard<std::mutex> lock(mu_);
    return node_id_ + " -> " + (transport_ ? transport_->peer() : std::string("(disconnected)"));
  }

 private:
  TransportFactory* const factory_;
  const std::string node_id_;

  std::mutex mu_;
  std::unique_ptr<Transport> transport_;
  std::FILE* trace_file_ = nullptr;
  NodeRole role_ = NodeRole::kCandidate;
  std::string pending_redirect_;
  uint64_t last_heartbeat_ms_ = 0;
  uint64_t failed_heartbeats_ = 0;
};

// Reconnect driver run by the node's control loop.
Status FollowRedirects(MembershipClient* client, int max_hops) {
  for (int hop = 0; hop < max_hops; ++hop) {
    std::string target = client->TakePendingRedirect();
    if (target.empty()) return Status{};
    Status s = client->Join(target);
    if (!s.ok()) return s;
  }
  return Status::Unavailable("too many redirects");
}

}  // namespace membership
