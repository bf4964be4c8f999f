/*
 *  Copyright (C) 2005-2018 Team Kodi
 *  SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  A thumbnail download queue in the style of Kodi's CTextureCache jobs:
 *  the worker leaves the critical section while it downloads.
 */

#include "mock/kodi_threads.h"

#include <deque>
#include <string>
#include <vector>

bool DownloadToCache(const std::string& url, std::string& cachedPath);

class CThumbnailDownloadQueue
{
public:
  void Add(const std::string& url)
  {
    CSingleLock lock(m_critSection);
    m_pending.push_back(url);
  }

  // Runs on the job manager's worker.
  void Process()
  {
    CSingleLock lock(m_critSection);
    while (!m_pending.empty())
    {
      const std::string url = m_pending.front();
      m_pending.pop_front();

      std::string cachedPath;
      {
        CSingleExit exit(m_critSection); // don't block Add() while downloading
        if (!DownloadToCache(url, cachedPath))
        {
          m_failedCount++; // EXPECT: concurrency-unguarded-field
          continue;
        }
      }
      m_completed.push_back(cachedPath);
    }
  }

  unsigned int GetFailedCount() const
  {
    CSingleLock lock(m_critSection);
    return m_failedCount;
  }

  std::vector<std::string> TakeCompleted()
  {
    CSingleLock lock(m_critSection);
    std::vector<std::string> completed;
    completed.swap(m_completed);
    m_failedCount = 0;
    return completed;
  }

private:
  mutable CCriticalSection m_critSection;
  std::deque<std::string> m_pending;
  std::vector<std::string> m_completed;
  unsigned int m_failedCount = 0;
};
