// Spell-check dictionaries, loaded on first use per language. Lookups come
// from the editor thread and the background checker.

#include <map>
#include <memory>
#include <set>
#include <vector>

#include "mock/qt_mutex.h"

class Dictionary {
 public:
  explicit Dictionary(std::set<QString> words) : m_words(std::move(words)) {}
  bool contains(const QString& word) const { return m_words.count(word) > 0; }

 private:
  std::set<QString> m_words;
};

std::set<QString> readWordList(const QString& path);

class DictionaryManager {
 public:
  explicit DictionaryManager(QString dataDir) : m_dataDir(std::move(dataDir)) {}

  bool isCorrect(const QString& language, const QString& word) {
    QMutexLocker locker(&m_mutex);
    Dictionary* dict = dictionaryLocked(language);
    return dict == nullptr || dict->contains(word);
  }

  std::vector<QString> suggestionsFor(const QString& language, const QString& word) {
    QMutexLocker locker(&m_mutex);
    std::vector<QString> out;
    if (dictionaryLocked(language) == nullptr) return out;
    if (!m_suggestionIndex) {
      m_suggestionIndex = std::make_unique<std::map<QString, std::vector<QString>>>();
    }
    auto it = m_suggestionIndex->find(word);
    if (it != m_suggestionIndex->end()) out = it->second;
    return out;
  }

  void unloadAll() {
    QMutexLocker locker(&m_mutex);
    m_dictionaries.clear();
    m_suggestionIndex.reset();
  }

 private:
  // Only called with m_mutex held.
  Dictionary* dictionaryLocked(const QString& language) {
    std::unique_ptr<Dictionary>& slot = m_dictionaries[language];
    if (!slot) {
      std::set<QString> words = readWordList(m_dataDir + "/" + language + ".dic");
      if (words.empty()) return nullptr;
      slot = std::make_unique<Dictionary>(std::move(words));
    }
    return slot.get();
  }

  const QString m_dataDir;
  QMutex m_mutex;
  std::map<QString, std::unique_ptr<Dictionary>> m_dictionaries;
  std::unique_ptr<std::map<QString, std::vector<QString>>> m_suggestionIndex;
};
