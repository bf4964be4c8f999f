/*
 *  Copyright (C) 2005-2018 Team Kodi
 *  SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  Announcement dispatch in the style of Kodi's CAnnouncementManager: the
 *  queue is drained under the critical section, and each announcement is
 *  delivered with the section left (CSingleExit) because announcers may call
 *  back into the manager. Only locals are touched inside the exit window.
 */

#include "mock/kodi_threads.h"

#include <deque>
#include <string>
#include <vector>

class IAnnouncer
{
public:
  virtual ~IAnnouncer() = default;
  virtual void Announce(const std::string& sender, const std::string& message) = 0;
};

class CAnnouncementDispatcher
{
public:
  void AddAnnouncer(IAnnouncer* listener)
  {
    CSingleLock lock(m_critSection);
    m_announcers.push_back(listener);
  }

  void Queue(const std::string& sender, const std::string& message)
  {
    CSingleLock lock(m_critSection);
    m_queue.push_back({sender, message});
    m_event.Set();
  }

  // Runs on the dispatcher thread.
  void DispatchPending()
  {
    CSingleLock lock(m_critSection);
    while (!m_queue.empty())
    {
      const Announcement item = m_queue.front();
      m_queue.pop_front();
      const std::vector<IAnnouncer*> announcers = m_announcers;
      unsigned int delivered = 0;
      {
        CSingleExit ex(m_critSection);
        for (IAnnouncer* announcer : announcers)
        {
          announcer->Announce(item.sender, item.message);
          delivered++;
        }
      }
      m_delivered += delivered;
    }
  }

  unsigned int GetDeliveredCount() const
  {
    CSingleLock lock(m_critSection);
    return m_delivered;
  }

  void WaitForAnnouncement() { m_event.Wait(); }

private:
  struct Announcement
  {
    std::string sender;
    std::string message;
  };

  mutable CCriticalSection m_critSection;
  CEvent m_event;
  std::deque<Announcement> m_queue;
  std::vector<IAnnouncer*> m_announcers;
  unsigned int m_delivered = 0;
};
