// Spell-check dictionary service for the Qt editor. Dictionaries are loaded
// on first use, but the test and the load both happen under the mutex.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "qt_core.h"

namespace editor {

enum class Language { English, German, French };

class Dictionary {
 public:
  explicit Dictionary(Language lang) : lang_(lang) {
    if (lang == Language::English) words_ = {"the", "quick", "brown", "fox"};
    if (lang == Language::German) words_ = {"der", "schnelle", "braune", "fuchs"};
    if (lang == Language::French) words_ = {"le", "rapide", "renard", "brun"};
  }
  bool contains(const QString& w) const { return words_.count(w) != 0; }
  Language language() const { return lang_; }

 private:
  Language lang_;
  std::set<QString> words_;
};

class SpellService {
 public:
  ~SpellService() {
    for (auto& [lang, dict] : dictionaries_) delete dict;
    delete fallback_;
  }

  bool isCorrect(Language lang, const QString& word) {
    QMutexLocker locker(&mutex_);
    const Dictionary* dict = dictionaryLocked(lang);
    return dict->contains(word);
  }

  std::vector<QString> misspelled(Language lang, const std::vector<QString>& words) {
    std::vector<QString> out;
    QMutexLocker locker(&mutex_);
    const Dictionary* dict = dictionaryLocked(lang);
    for (const QString& w : words) {
      if (!dict->contains(w)) out.push_back(w);
    }
    return out;
  }

  const Dictionary* fallback() {
    QMutexLocker locker(&mutex_);
    if (fallback_ == nullptr) fallback_ = new Dictionary(Language::English);
    return fallback_;
  }

 private:
  // Caller must hold mutex_.
  Dictionary* dictionaryLocked(Language lang) {
    Dictionary*& slot = dictionaries_[lang];
    if (slot == nullptr) {
      qDebug() << "loading dictionary " << static_cast<int>(lang);
      slot = new Dictionary(lang);
    }
    return slot;
  }

  QMutex mutex_;
  std::map<Language, Dictionary*> dictionaries_;
  Dictionary* fallback_ = nullptr;
};

class SpellCheckThread : public QThread {
 public:
  SpellCheckThread(SpellService* service, std::vector<QString> words)
      : service_(service), words_(std::move(words)) {}

  const std::vector<QString>& result() const { return result_; }

 protected:
  void run() override { result_ = service_->misspelled(Language::English, words_); }

 private:
  SpellService* service_;
  std::vector<QString> words_;
  std::vector<QString> result_;
};

}  // namespace editor
