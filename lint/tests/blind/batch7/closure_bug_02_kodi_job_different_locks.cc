/*
 *  Copyright (C) 2012-2018 Team Kodi
 *  SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  EPG refresh scheduling in the style of Kodi's CPVRGUIInfo / EPG updater:
 *  the refresh runs as a job on the job manager, serialized with other
 *  refreshes by m_refreshSection; the settings callback changes the channel
 *  group under the updater's own critical section.
 */

#include "mock/kodi_threads.h"

#include <string>
#include <vector>

struct EpgEntry
{
  std::string title;
  unsigned int startTime;
};

std::vector<EpgEntry> FetchGuide(const std::string& channelGroup);

class CEpgRefreshScheduler
{
public:
  void ScheduleRefresh()
  {
    CServiceBroker::GetJobManager()->Submit([this]() {
      CSingleLock refreshLock(m_refreshSection);
      std::vector<EpgEntry> entries = FetchGuide(m_channelGroup); // EXPECT: concurrency-closure-captures-mutable
      Publish(std::move(entries));
    });
  }

  // Settings callback, on the GUI thread.
  void OnChannelGroupChanged(const std::string& group)
  {
    CSingleLock lock(m_critSection);
    m_channelGroup = group;
  }

  std::vector<EpgEntry> GetEntries() const
  {
    CSingleLock lock(m_critSection);
    return m_entries;
  }

private:
  void Publish(std::vector<EpgEntry> entries)
  {
    CSingleLock lock(m_critSection);
    m_entries = std::move(entries);
  }

  mutable CCriticalSection m_critSection;
  CCriticalSection m_refreshSection;
  std::string m_channelGroup;
  std::vector<EpgEntry> m_entries;
};
