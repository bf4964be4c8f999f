/*
 *  Copyright (C) 2005-2018 Team Kodi
 *  SPDX-License-Identifier: GPL-2.0-or-later
 *
 *  Button translator in the style of Kodi's CButtonTranslator: keymaps are
 *  parsed from disk the first time any input thread (keyboard, CEC, remote)
 *  needs a translation.
 */

#include "mock/kodi_threads.h"

#include <map>
#include <string>

std::map<std::string, int> ParseKeymapFiles(const std::string& directory);

class CButtonTranslatorLite
{
public:
  explicit CButtonTranslatorLite(std::string keymapDir) : m_keymapDir(std::move(keymapDir)) {}

  int TranslateKey(const std::string& window, const std::string& key)
  {
    EnsureLoaded();
    CSingleLock lock(m_critSection);
    auto it = m_actions.find(window + "/" + key);
    return it == m_actions.end() ? 0 : it->second;
  }

  void Reload()
  {
    std::map<std::string, int> actions = ParseKeymapFiles(m_keymapDir);
    CSingleLock lock(m_critSection);
    m_actions = std::move(actions);
  }

private:
  void EnsureLoaded()
  {
    if (!m_loaded) // EXPECT: concurrency-lazy-init-race
    {
      Reload();
      m_loaded = true;
    }
  }

  const std::string m_keymapDir;
  CCriticalSection m_critSection;
  std::map<std::string, int> m_actions;
  bool m_loaded = false;
};
