// Copyright (c) The Bitcoin Core developers
// Distributed under the MIT software license.

#include "mock/bitcoin_sync.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace wallet {

struct CWalletTx {
    std::string txid;
    int64_t amount{0};
    int confirmations{0};
};

class CWalletLite
{
public:
    mutable Mutex cs_wallet;
    Mutex m_unlock_mutex;

    void AddToWallet(const CWalletTx& wtx) EXCLUSIVE_LOCKS_REQUIRED(!cs_wallet)
    {
        LOCK(cs_wallet);
        mapWallet[wtx.txid] = wtx;
        MarkDirty();
    }

    void MarkDirty() EXCLUSIVE_LOCKS_REQUIRED(cs_wallet)
    {
        AssertLockHeld(cs_wallet);
        m_balance_cache_valid = false;
    }

    //! Remove transactions that were abandoned by the user. Stops at the
    //! first confirmed transaction.
    size_t ZapAbandoned(const std::vector<std::string>& txids) EXCLUSIVE_LOCKS_REQUIRED(!cs_wallet)
    {
        size_t removed = 0;
        ENTER_CRITICAL_SECTION(cs_wallet);
        for (const std::string& txid : txids) {
            auto it = mapWallet.find(txid);
            if (it == mapWallet.end()) continue;
            if (it->second.confirmations > 0) break;
            mapWallet.erase(it);
            ++removed;
        }
        if (removed > 0) MarkDirty();
        LEAVE_CRITICAL_SECTION(cs_wallet);
        return removed;
    }

    //! Notify listeners about every wallet transaction without holding the
    //! wallet lock during the callback.
    template <typename Fn>
    void ForEachTx(Fn fn) EXCLUSIVE_LOCKS_REQUIRED(!cs_wallet)
    {
        WAIT_LOCK(cs_wallet, lock);
        std::vector<CWalletTx> snapshot;
        for (const auto& [txid, wtx] : mapWallet) snapshot.push_back(wtx);
        {
            REVERSE_LOCK(lock, cs_wallet);
            for (const CWalletTx& wtx : snapshot) fn(wtx);
        }
        ++m_notifications;
    }

    bool TransferUnlockTime(int64_t until) EXCLUSIVE_LOCKS_REQUIRED(!cs_wallet, !m_unlock_mutex)
    {
        LOCK2(m_unlock_mutex, cs_wallet);
        if (until < m_relock_time) return false;
        m_relock_time = until;
        MarkDirty();
        return true;
    }

private:
    std::map<std::string, CWalletTx> mapWallet GUARDED_BY(cs_wallet);
    bool m_balance_cache_valid GUARDED_BY(cs_wallet){false};
    uint64_t m_notifications GUARDED_BY(cs_wallet){0};
    int64_t m_relock_time GUARDED_BY(m_unlock_mutex){0};
};

void NotifyAll(CWalletLite& wallet, std::vector<std::string>& out)
{
    wallet.ForEachTx([&out](const CWalletTx& wtx) { out.push_back(wtx.txid); });
}

} // namespace wallet
