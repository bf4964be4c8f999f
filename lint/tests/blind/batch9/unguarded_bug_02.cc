// Address book for a Bitcoin-style node: "new" and "tried" tables of peer
// addresses, with periodic dumps to peers.dat by a scheduler thread.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "logging.h"
#include "sync.h"

namespace net {

struct CService {
  std::string host;
  uint16_t port{0};
  std::string ToString() const { return host + ":" + std::to_string(port); }
  bool operator==(const CService& o) const { return host == o.host && port == o.port; }
};

struct CAddress {
  CService service;
  int64_t last_success{0};
  int64_t last_try{0};
  int attempts{0};
  uint64_t services{0};
};

enum class AddrTable { kNew, kTried };

class AddrBook {
 public:
  explicit AddrBook(uint64_t seed) : m_rng(seed) {}

  bool Add(const CAddress& addr) {
    LOCK(cs);
    if (Find(addr.service) != nullptr) return false;
    m_new.push_back(addr);
    ++m_version;
    return true;
  }

  void Good(const CService& service, int64_t now) {
    LOCK(cs);
    auto it = std::find_if(m_new.begin(), m_new.end(),
                           [&](const CAddress& a) { return a.service == service; });
    if (it == m_new.end()) return;
    CAddress promoted = *it;
    promoted.last_success = now;
    promoted.attempts = 0;
    m_new.erase(it);
    m_tried.push_back(promoted);
    ++m_version;
  }

  void Attempt(const CService& service, int64_t now) {
    LOCK(cs);
    for (CAddress& a : m_new) {
      if (a.service == service) {
        a.last_try = now;
        ++a.attempts;
      }
    }
  }

  //! Pick an address to connect to, preferring tried ones half of the time.
  std::optional<CAddress> Select(bool new_only) {
    LOCK(cs);
    const bool use_tried = !new_only && !m_tried.empty() && (m_rng() & 1);
    const std::vector<CAddress>& table = use_tried ? m_tried : m_new;
    if (table.empty()) return std::nullopt;
    return table[m_rng() % table.size()];
  }

  size_t Size(AddrTable t) const {
    LOCK(cs);
    return t == AddrTable::kNew ? m_new.size() : m_tried.size();
  }

  //! Table contents for serialization.
  const std::vector<CAddress>& GetTable(AddrTable t) const {
    LOCK(cs);
    if (t == AddrTable::kTried) return m_tried;  // EXPECT: concurrency-unguarded-field
    return m_new;  // EXPECT: concurrency-unguarded-field
  }

  uint64_t Version() const { return WITH_LOCK(cs, return m_version); }

 private:
  const CAddress* Find(const CService& service) const EXCLUSIVE_LOCKS_REQUIRED(cs) {
    for (const CAddress& a : m_new) {
      if (a.service == service) return &a;
    }
    for (const CAddress& a : m_tried) {
      if (a.service == service) return &a;
    }
    return nullptr;
  }

  mutable Mutex cs;
  std::vector<CAddress> m_new GUARDED_BY(cs);
  std::vector<CAddress> m_tried GUARDED_BY(cs);
  uint64_t m_version GUARDED_BY(cs){0};
  std::mt19937_64 m_rng GUARDED_BY(cs);
};

//! Writes peers.dat; run every 15 minutes from the scheduler thread.
class AddrDumper {
 public:
  AddrDumper(const AddrBook& book, std::string path) : m_book(book), m_path(std::move(path)) {}

  bool Dump() {
    const uint64_t version = m_book.Version();
    if (version == m_last_dumped_version) return true;
    std::FILE* f = std::fopen(m_path.c_str(), "wb");
    if (f == nullptr) {
      LogPrintf("Unable to open %s for writing\n", m_path);
      return false;
    }
    size_t written = 0;
    for (AddrTable t : {AddrTable::kNew, AddrTable::kTried}) {
      // Iterates the table while the network thread may be adding to it.
      for (const CAddress& a : m_book.GetTable(t)) {
        std::string line = a.service.ToString() + " " + std::to_string(a.last_success) + "\n";
        written += std::fwrite(line.data(), 1, line.size(), f);
      }
    }
    std::fclose(f);
    m_last_dumped_version = version;
    LogPrintf("Flushed %u bytes to peers.dat\n", written);
    return true;
  }

 private:
  const AddrBook& m_book;
  const std::string m_path;
  uint64_t m_last_dumped_version{0};  // only used by the scheduler thread
};

}  // namespace net
