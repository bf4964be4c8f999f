// Copyright (c) The Bitcoin Core developers
// Distributed under the MIT software license.

#include "mock/bitcoin_sync.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace net {

struct AddrInfo {
    std::string addr;
    int64_t nTime{0};
    int nAttempts{0};
    bool fInTried{false};
};

class AddrManLite
{
public:
    bool Add(const std::string& addr, int64_t now)
    {
        LOCK(cs);
        Check();
        const bool added = Add_(addr, now);
        Check();
        return added;
    }

    void Good(const std::string& addr)
    {
        LOCK(cs);
        Good_(addr);
    }

    void Attempt(const std::string& addr)
    {
        LOCK(cs);
        auto it = mapInfo.find(addr);
        if (it != mapInfo.end()) ++it->second.nAttempts;
    }

    size_t Size() const
    {
        return WITH_LOCK(cs, return mapInfo.size());
    }

    std::optional<AddrInfo> Find(const std::string& addr) const
    {
        LOCK(cs);
        auto it = mapInfo.find(addr);
        if (it == mapInfo.end()) return std::nullopt;
        return it->second;
    }

    std::vector<std::string> GetTried() const
    {
        std::vector<std::string> result;
        LOCK(cs);
        for (const auto& [addr, info] : mapInfo) {
            if (info.fInTried) result.push_back(addr);
        }
        return result;
    }

private:
    bool Add_(const std::string& addr, int64_t now) EXCLUSIVE_LOCKS_REQUIRED(cs)
    {
        AssertLockHeld(cs);
        auto [it, inserted] = mapInfo.try_emplace(addr);
        if (inserted) {
            it->second.addr = addr;
            ++nNew;
        }
        it->second.nTime = now;
        return inserted;
    }

    void Good_(const std::string& addr) EXCLUSIVE_LOCKS_REQUIRED(cs)
    {
        auto it = mapInfo.find(addr);
        if (it == mapInfo.end() || it->second.fInTried) return;
        it->second.fInTried = true;
        it->second.nAttempts = 0;
        --nNew;
        ++nTried;
    }

    void Check() const EXCLUSIVE_LOCKS_REQUIRED(cs)
    {
        AssertLockHeld(cs);
        int tried = 0;
        for (const auto& entry : mapInfo) {
            if (entry.second.fInTried) ++tried;
        }
        (void)tried;
    }

    //! A mutex to protect the inner data structures.
    mutable Mutex cs;
    std::map<std::string, AddrInfo> mapInfo GUARDED_BY(cs);
    int nNew GUARDED_BY(cs){0};
    int nTried GUARDED_BY(cs){0};
};

} // namespace net
