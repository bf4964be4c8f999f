// Godot-style singleton created on first use. Resource loader threads ask
// for translations while the main thread is still starting up, so the
// first call can come from two threads at once.
#include <map>
#include <thread>
#include <vector>

#include "mock/godot_os.h"

class TranslationServer {
 public:
  static TranslationServer* get_singleton() {
    if (!singleton) {  // EXPECT: concurrency-lazy-init-race
      singleton = memnew(TranslationServer);
    }
    return singleton;
  }

  void set_locale(const String& p_locale) {
    MutexLock lock(locale_mutex);
    locale = p_locale;
  }

  String get_locale() const {
    MutexLock lock(locale_mutex);
    return locale;
  }

  String translate(const String& p_message) const {
    MutexLock lock(locale_mutex);
    auto E = messages.find(locale + ":" + p_message);
    return E == messages.end() ? p_message : E->second;
  }

  void add_message(const String& p_locale, const String& p_src, const String& p_dst) {
    MutexLock lock(locale_mutex);
    messages[p_locale + ":" + p_src] = p_dst;
  }

 private:
  TranslationServer() : locale("en") {}

  static TranslationServer* singleton;
  Mutex locale_mutex;
  String locale;
  std::map<String, String> messages;
};

TranslationServer* TranslationServer::singleton = nullptr;

// Loader threads translate resource names as they load them.
void load_scenes_threaded(const std::vector<String>& p_paths, std::vector<String>* r_names) {
  r_names->resize(p_paths.size());
  std::vector<std::thread> loaders;
  for (size_t i = 0; i < p_paths.size(); ++i) {
    loaders.emplace_back([&p_paths, r_names, i] {
      (*r_names)[i] = TranslationServer::get_singleton()->translate(p_paths[i]);
    });
  }
  for (std::thread& t : loaders) t.join();
}
