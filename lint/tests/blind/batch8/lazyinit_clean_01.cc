// stemmer_registry.cpp - language stemmers for the search indexer. Indexing
// threads ask for a stemmer per document; the table of stemmers is built once.

#include <boost/thread/once.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/locks.hpp>

#include <map>
#include <memory>
#include <string>

namespace search {

class Stemmer {
public:
    explicit Stemmer(std::string lang) : lang_(std::move(lang)) {}
    virtual ~Stemmer() = default;
    virtual std::string stem(const std::string& word) const {
        return word.size() > 4 && word.compare(word.size() - 3, 3, "ing") == 0
                   ? word.substr(0, word.size() - 3)
                   : word;
    }
    const std::string& language() const { return lang_; }

private:
    std::string lang_;
};

class StemmerRegistry {
public:
    const Stemmer* get(const std::string& lang) {
        boost::call_once(init_flag_, [this] { load_builtin(); });
        auto it = stemmers_.find(lang);
        return it == stemmers_.end() ? fallback_.get() : it->second.get();
    }

    void note_lookup(const std::string& lang) {
        boost::lock_guard<boost::mutex> lock(stats_mutex_);
        ++lookups_[lang];
    }

    size_t lookups(const std::string& lang) {
        boost::lock_guard<boost::mutex> lock(stats_mutex_);
        return lookups_[lang];
    }

private:
    void load_builtin() {
        for (const char* lang : {"en", "de", "fr", "es"})
            stemmers_[lang] = std::make_unique<Stemmer>(lang);
        fallback_ = std::make_unique<Stemmer>("und");
    }

    boost::once_flag init_flag_;
    std::map<std::string, std::unique_ptr<Stemmer>> stemmers_;
    std::unique_ptr<Stemmer> fallback_;

    boost::mutex stats_mutex_;
    std::map<std::string, size_t> lookups_;
};

}  // namespace search

std::string stem_word(search::StemmerRegistry& r, const std::string& lang,
                      const std::string& word) {
    r.note_lookup(lang);
    return r.get(lang)->stem(word);
}
