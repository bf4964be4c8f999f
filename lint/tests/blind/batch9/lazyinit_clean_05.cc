// A wallet's key pool in a Bitcoin-style node: the HD chain's derived-key
// cache is created lazily, but only by helpers that require cs_wallet (and
// assert it); the default label table is built by a helper that only the
// constructor calls.
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "logging.h"
#include "sync.h"

namespace wallet {

struct CPubKey {
  std::string hex;
};

struct DerivedKeyCache {
  std::map<uint32_t, CPubKey> keys;
  uint32_t next_index{0};
};

class KeyPool {
 public:
  explicit KeyPool(std::string seed_id) : m_seed_id(std::move(seed_id)) { InitDefaultLabels(); }

  CPubKey GetNewKey(const std::string& label) {
    LOCK(cs_wallet);
    DerivedKeyCache& cache = Cache();
    const uint32_t index = cache.next_index++;
    CPubKey key = Derive(index);
    cache.keys.emplace(index, key);
    m_labels[key.hex] = label.empty() ? m_default_label : label;
    return key;
  }

  bool IsMine(const std::string& hex) const {
    LOCK(cs_wallet);
    return m_labels.count(hex) != 0;
  }

  size_t KeypoolSize() {
    LOCK(cs_wallet);
    return Cache().keys.size();
  }

  std::string LabelFor(const std::string& hex) const {
    LOCK(cs_wallet);
    auto it = m_labels.find(hex);
    return it == m_labels.end() ? std::string() : it->second;
  }

  void TopUp(uint32_t target) {
    LOCK(cs_wallet);
    DerivedKeyCache& cache = Cache();
    while (cache.keys.size() < target) {
      const uint32_t index = cache.next_index++;
      cache.keys.emplace(index, Derive(index));
    }
    LogPrint(BCLog::WALLETDB, "keypool topped up to %u keys\n", target);
  }

 private:
  //! Lazily creates the cache; every caller holds cs_wallet.
  DerivedKeyCache& Cache() EXCLUSIVE_LOCKS_REQUIRED(cs_wallet) {
    AssertLockHeld(cs_wallet);
    if (!m_cache) m_cache = std::make_unique<DerivedKeyCache>();
    return *m_cache;
  }

  CPubKey Derive(uint32_t index) const { return CPubKey{m_seed_id + "/" + std::to_string(index)}; }

  //! Only called from the constructor, before the pool is shared.
  void InitDefaultLabels() NO_THREAD_SAFETY_ANALYSIS {
    if (m_default_label.empty()) m_default_label = "default";
    if (!m_reserved) {
      m_reserved = std::make_unique<std::set<std::string>>();
      m_reserved->insert("change");
      m_reserved->insert("coinbase");
    }
  }

  const std::string m_seed_id;
  mutable Mutex cs_wallet;
  std::unique_ptr<DerivedKeyCache> m_cache GUARDED_BY(cs_wallet);
  std::map<std::string, std::string> m_labels GUARDED_BY(cs_wallet);
  std::string m_default_label;
  std::unique_ptr<std::set<std::string>> m_reserved;
};

std::vector<CPubKey> ReserveKeys(KeyPool& pool, size_t n, const std::string& label) {
  std::vector<CPubKey> out;
  out.reserve(n);
  pool.TopUp(static_cast<uint32_t>(n));
  for (size_t i = 0; i < n; ++i) out.push_back(pool.GetNewKey(label));
  return out;
}

}  // namespace wallet
