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

    void AddToWallet(const CWalletTx& wtx)
    {
        LOCK(cs_wallet);
        mapWallet[wtx.txid] = wtx;
        MarkDirty();
    }

    void MarkDirty() EXCLUSIVE_LOCKS_REQUIRED(cs_wallet)
    {
        LOCK(cs_wallet); // EXPECT: concurrency-lock-balance
        m_balance_cache_valid = false;
    } // EXPECT: concurrency-lock-balance

    int64_t GetBalance()
    {
        LOCK(cs_wallet);
        if (!m_balance_cache_valid) {
            int64_t total = 0;
            for (const auto& [txid, wtx] : mapWallet) {
                if (wtx.confirmations > 0) total += wtx.amount;
            }
            m_cached_balance = total;
            m_balance_cache_valid = true;
        }
        return m_cached_balance;
    }

    //! Remove transactions that were abandoned by the user.
    size_t ZapAbandoned(const std::vector<std::string>& txids)
    {
        size_t removed = 0;
        ENTER_CRITICAL_SECTION(cs_wallet);
        for (const std::string& txid : txids) {
            auto it = mapWallet.find(txid);
            if (it == mapWallet.end()) continue;
            if (it->second.confirmations > 0) {
                LEAVE_CRITICAL_SECTION(cs_wallet);
                break;
            }
            mapWallet.erase(it);
            m_balance_cache_valid = false;
            ++removed;
        }
        LEAVE_CRITICAL_SECTION(cs_wallet); // EXPECT: concurrency-lock-balance
        return removed;
    }

private:
    std::map<std::string, CWalletTx> mapWallet GUARDED_BY(cs_wallet);
    bool m_balance_cache_valid GUARDED_BY(cs_wallet){false};
    int64_t m_cached_balance GUARDED_BY(cs_wallet){0};
};

} // namespace wallet
