/*
 *  Copyright (C) 2005-2018 Team Kodi
 *  SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  Component debug log in the style of Kodi's CDebugLogFile: any thread may
 *  write a line; the settings dialog closes and reopens the file when the
 *  user toggles component logging.
 */

#include "mock/kodi_threads.h"

#include <cstdio>
#include <string>

class CComponentLogFile
{
public:
  bool Open(const std::string& path)
  {
    CSingleLock lock(m_critSection);
    if (m_file != nullptr)
      return true;
    m_file = fopen(path.c_str(), "a");
    return m_file != nullptr;
  }

  void Close()
  {
    CSingleLock lock(m_critSection);
    if (m_file != nullptr)
    {
      fclose(m_file);
      m_file = nullptr;
    }
  }

  void Write(const std::string& line)
  {
    if (m_file != nullptr) fputs(line.c_str(), m_file); // EXPECT: concurrency-use-after-close
  }

  void Flush()
  {
    CSingleLock lock(m_critSection);
    if (m_file != nullptr)
      fflush(m_file);
  }

private:
  CCriticalSection m_critSection;
  FILE* m_file = nullptr;
};
