// Copyright (c) The Bitcoin Core developers
// Distributed under the MIT software license.

#include "mock/bitcoin_sync.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace node {

struct CBanEntry {
    int64_t nCreateTime{0};
    int64_t nBanUntil{0};
};

using banmap_t = std::map<std::string, CBanEntry>;

class BanMan
{
public:
    explicit BanMan(int64_t default_ban_time) : m_default_ban_time(default_ban_time) {}

    void Ban(const std::string& subnet, int64_t now, int64_t ban_time_offset = 0)
    {
        CBanEntry entry;
        entry.nCreateTime = now;
        entry.nBanUntil = now + (ban_time_offset > 0 ? ban_time_offset : m_default_ban_time);

        LOCK(m_banned_mutex);
        if (m_banned[subnet].nBanUntil < entry.nBanUntil) {
            m_banned[subnet] = entry;
            m_is_dirty = true;
        }
    }

    bool Unban(const std::string& subnet)
    {
        LOCK(m_banned_mutex);
        if (m_banned.erase(subnet) == 0) return false;
        m_is_dirty = true;
        return true;
    }

    //! Return true if the address is banned at time `now`.
    bool IsBanned(const std::string& subnet, int64_t now)
    {
        SweepBanned(now); // EXPECT: concurrency-unguarded-field
        LOCK(m_banned_mutex);
        auto it = m_banned.find(subnet);
        return it != m_banned.end() && now < it->second.nBanUntil;
    }

    void GetBanned(banmap_t& banmap, int64_t now)
    {
        LOCK(m_banned_mutex);
        // Sweep the banlist so expired bans are not returned
        SweepBanned(now);
        banmap = m_banned; // create a thread safe copy
    }

    bool BannedSetIsDirty()
    {
        LOCK(m_banned_mutex);
        return m_is_dirty;
    }

    void SetBannedSetDirty(bool dirty = true)
    {
        LOCK(m_banned_mutex);
        m_is_dirty = dirty;
    }

private:
    //! remove unused entries (if bantime has expired)
    void SweepBanned(int64_t now) EXCLUSIVE_LOCKS_REQUIRED(m_banned_mutex)
    {
        AssertLockHeld(m_banned_mutex);
        bool notify_ui = false;
        auto it = m_banned.begin();
        while (it != m_banned.end()) {
            if (now > it->second.nBanUntil) {
                it = m_banned.erase(it);
                m_is_dirty = true;
                notify_ui = true;
            } else {
                ++it;
            }
        }
        if (notify_ui) ++m_sweeps_with_changes;
    }

    Mutex m_banned_mutex;
    banmap_t m_banned GUARDED_BY(m_banned_mutex);
    bool m_is_dirty GUARDED_BY(m_banned_mutex){false};
    uint64_t m_sweeps_with_changes GUARDED_BY(m_banned_mutex){0};
    const int64_t m_default_ban_time;
};

} // namespace node
