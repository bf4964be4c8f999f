// Credential provider for the channel credentials: the token source is
// created lazily inside a locked helper, and the "ready" fast path is an
// atomic flag with acquire/release ordering.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "grpc_sync.h"

namespace grpc_core {

enum class TokenKind { kOAuth2, kJwt, kMetadataServer };

class TokenSource {
 public:
  explicit TokenSource(TokenKind kind) : kind_(kind) {}
  virtual ~TokenSource() = default;
  virtual Status Fetch(std::string* token) {
    *token = kind_ == TokenKind::kJwt ? "eyJhbGciOi..." : "ya29.token";
    return Status();
  }

 private:
  TokenKind kind_;
};

class CredentialProvider {
 public:
  explicit CredentialProvider(TokenKind kind) : kind_(kind) {}

  Status GetRequestMetadata(std::string* header) {
    if (!ready_.load(std::memory_order_acquire)) {
      MutexLock lock(&mu_);
      if (!ready_.load(std::memory_order_relaxed)) {
        Status s = InitLocked();
        if (!s.ok()) return s;
        ready_.store(true, std::memory_order_release);
      }
    }
    std::string token;
    Status s;
    {
      MutexLock lock(&mu_);
      if (source_ == nullptr) {
        // Reset() ran since the fast path; build the source again.
        s = InitLocked();
        if (!s.ok()) return s;
      }
      s = source_->Fetch(&token);
      ++fetches_;
    }
    if (!s.ok()) return s;
    *header = "authorization: Bearer " + token;
    return Status();
  }

  uint64_t fetches() {
    MutexLock lock(&mu_);
    return fetches_;
  }

  void Reset() {
    MutexLock lock(&mu_);
    ready_.store(false, std::memory_order_release);
    source_.reset();
  }

 private:
  Status InitLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (source_ == nullptr) source_ = std::make_unique<TokenSource>(kind_);
    std::string probe;
    return source_->Fetch(&probe);
  }

  const TokenKind kind_;
  Mutex mu_;
  std::atomic<bool> ready_{false};
  std::unique_ptr<TokenSource> source_ ABSL_GUARDED_BY(mu_);
  uint64_t fetches_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace grpc_core
