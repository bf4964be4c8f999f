// Wallet transaction bookkeeping in a Bitcoin-style node. cs_wallet is a
// RecursiveMutex: public methods take it, and some of them call other public
// methods that take it again on the same thread, which a recursive mutex
// allows. Chain and wallet locks are taken together with LOCK2.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "logging.h"
#include "sync.h"

namespace wallet {

using Txid = std::string;
using CAmount = int64_t;

RecursiveMutex cs_main_wallet_view;
int g_tip_height GUARDED_BY(cs_main_wallet_view) = 0;

struct CWalletTx {
  Txid txid;
  CAmount credit{0};
  CAmount debit{0};
  int confirmed_height{-1};
  bool abandoned{false};
};

class CWallet {
 public:
  void AddToWallet(const CWalletTx& wtx) {
    LOCK(cs_wallet);
    m_txs[wtx.txid] = wtx;
    ++m_tx_version;
    MarkDirty();
  }

  //! Recomputes cached balances; takes cs_wallet (again, when called from AddToWallet).
  void MarkDirty() {
    LOCK(cs_wallet);
    m_cached_balance_valid = false;
  }

  CAmount GetBalance() {
    LOCK(cs_wallet);
    if (!m_cached_balance_valid) {
      CAmount total = 0;
      for (const auto& [txid, wtx] : m_txs) {
        if (!wtx.abandoned) total += wtx.credit - wtx.debit;
      }
      m_cached_balance = total;
      m_cached_balance_valid = true;
    }
    return m_cached_balance;
  }

  bool AbandonTransaction(const Txid& txid) {
    LOCK2(cs_main_wallet_view, cs_wallet);
    auto it = m_txs.find(txid);
    if (it == m_txs.end() || it->second.confirmed_height >= 0) return false;
    it->second.abandoned = true;
    MarkDirty();
    LogPrintf("abandoned %s at tip %d\n", txid, g_tip_height);
    return true;
  }

  void BlockConnected(int height, const std::vector<Txid>& txids) {
    LOCK2(cs_main_wallet_view, cs_wallet);
    g_tip_height = height;
    for (const Txid& txid : txids) {
      auto it = m_txs.find(txid);
      if (it != m_txs.end()) it->second.confirmed_height = height;
    }
    MarkDirty();
  }

  std::vector<Txid> ListUnconfirmed() {
    LOCK(cs_wallet);
    std::vector<Txid> out;
    for (const auto& [txid, wtx] : m_txs) {
      if (wtx.confirmed_height < 0 && !wtx.abandoned) out.push_back(txid);
    }
    return out;
  }

  //! Rebroadcasts unconfirmed transactions; ListUnconfirmed() re-enters cs_wallet.
  size_t ResendWalletTransactions() {
    LOCK(cs_wallet);
    std::vector<Txid> pending = ListUnconfirmed();
    for (const Txid& txid : pending) LogPrint(BCLog::WALLETDB, "resend %s\n", txid);
    m_last_resend_count = pending.size();
    return pending.size();
  }

 private:
  RecursiveMutex cs_wallet;
  std::map<Txid, CWalletTx> m_txs GUARDED_BY(cs_wallet);
  uint64_t m_tx_version GUARDED_BY(cs_wallet){0};
  bool m_cached_balance_valid GUARDED_BY(cs_wallet){false};
  CAmount m_cached_balance GUARDED_BY(cs_wallet){0};
  size_t m_last_resend_count GUARDED_BY(cs_wallet){0};
};

}  // namespace wallet
