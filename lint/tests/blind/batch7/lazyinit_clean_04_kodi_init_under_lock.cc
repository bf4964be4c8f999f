/*
 *  Copyright (C) 2005-2018 Team Kodi
 *  SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  Language-code lookup in the style of Kodi's CLangCodeExpander: the table
 *  is loaded on first use, with the test and the load both under the
 *  critical section (the loader helper is only ever called with it held).
 */

#include "mock/kodi_threads.h"

#include <map>
#include <memory>
#include <string>

std::map<std::string, std::string> LoadIso639Table();

class CLangCodeLookup
{
public:
  bool Lookup(const std::string& code, std::string& name)
  {
    CSingleLock lock(m_critSection);
    if (!m_loaded)
    {
      LoadLocked();
      m_loaded = true;
    }
    auto it = m_table->find(code);
    if (it == m_table->end())
      return false;
    name = it->second;
    return true;
  }

  void Reset()
  {
    CSingleLock lock(m_critSection);
    m_table.reset();
    m_loaded = false;
  }

private:
  void LoadLocked()
  {
    if (!m_table)
      m_table = std::make_unique<std::map<std::string, std::string>>(LoadIso639Table());
  }

  CCriticalSection m_critSection;
  bool m_loaded = false;
  std::unique_ptr<std::map<std::string, std::string>> m_table;
};
