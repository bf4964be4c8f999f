// Text codec registry for the Qt-based mail client. Message parsing runs on a
// pool of QThreads; each parser asks the registry for the codec it needs.
#include <map>
#include <string>

#include "qt_core.h"

namespace mail {

enum class CharsetFamily { Unicode, Latin, Cjk, Other };

class TextCodec {
 public:
  explicit TextCodec(QString name) : name_(std::move(name)) {}
  virtual ~TextCodec() = default;
  virtual QString toUnicode(const std::string& bytes) const { return bytes; }
  const QString& name() const { return name_; }

 private:
  QString name_;
};

class Utf8Codec : public TextCodec {
 public:
  Utf8Codec() : TextCodec("UTF-8") {}
};

class CodecRegistry {
 public:
  // Registers an extra codec from a plugin.
  void registerCodec(const QString& name, TextCodec* codec) {
    QMutexLocker locker(&mutex_);
    extra_[name] = codec;
  }

  TextCodec* find(const QString& name) {
    if (name == "UTF-8" || name == "utf-8") return utf8();
    QMutexLocker locker(&mutex_);
    auto it = extra_.find(name);
    return it == extra_.end() ? nullptr : it->second;
  }

  // The UTF-8 codec is by far the most used one; build it on first use.
  TextCodec* utf8() {
    if (!utf8_) utf8_ = new Utf8Codec();  // EXPECT: concurrency-lazy-init-race
    return utf8_;
  }

  static CharsetFamily familyOf(const QString& name) {
    if (name.rfind("UTF", 0) == 0) return CharsetFamily::Unicode;
    if (name.rfind("ISO-8859", 0) == 0) return CharsetFamily::Latin;
    if (name == "Shift_JIS" || name == "GB2312" || name == "EUC-KR") return CharsetFamily::Cjk;
    return CharsetFamily::Other;
  }

 private:
  QMutex mutex_;
  std::map<QString, TextCodec*> extra_;
  TextCodec* utf8_ = nullptr;
};

class MessageParser : public QThread {
 public:
  MessageParser(CodecRegistry* registry, std::string raw, QString charset)
      : registry_(registry), raw_(std::move(raw)), charset_(std::move(charset)) {}

  const QString& body() const { return body_; }

 protected:
  void run() override {
    TextCodec* codec = registry_->find(charset_);
    if (codec == nullptr) {
      qWarning() << "no codec for " << charset_ << ", falling back to UTF-8";
      codec = registry_->utf8();
    }
    body_ = codec->toUnicode(raw_);
  }

 private:
  CodecRegistry* registry_;
  std::string raw_;
  QString charset_;
  QString body_;
};

}  // namespace mail
