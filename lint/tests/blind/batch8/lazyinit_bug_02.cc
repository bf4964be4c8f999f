// codec_registry.cpp - process-wide registry of the media codecs linked into
// the binary. Decoder threads look codecs up by FourCC.

#include <boost/thread/mutex.hpp>
#include <boost/thread/locks.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace media {

class Codec {
public:
    virtual ~Codec() = default;
    virtual std::string name() const = 0;
};

class CodecRegistry {
public:
    void add(uint32_t fourcc, Codec* codec) {
        boost::lock_guard<boost::mutex> lock(mutex_);
        codecs_[fourcc] = codec;
    }

    Codec* find(uint32_t fourcc) {
        boost::lock_guard<boost::mutex> lock(mutex_);
        auto it = codecs_.find(fourcc);
        return it == codecs_.end() ? nullptr : it->second;
    }

private:
    boost::mutex mutex_;
    std::map<uint32_t, Codec*> codecs_;
};

namespace {
boost::mutex g_registry_mutex;
CodecRegistry* g_registry = nullptr;
}  // namespace

void register_builtin_codecs(CodecRegistry* registry);

// Double-checked so that lookups after start-up do not serialize on the
// registry mutex.
CodecRegistry& codec_registry() {
    if (g_registry == nullptr) {  // EXPECT: concurrency-lazy-init-race
        boost::lock_guard<boost::mutex> lock(g_registry_mutex);
        if (g_registry == nullptr) {
            CodecRegistry* registry = new CodecRegistry;
            register_builtin_codecs(registry);
            g_registry = registry;
        }
    }
    return *g_registry;
}

}  // namespace media

std::string codec_name(uint32_t fourcc) {
    media::Codec* c = media::codec_registry().find(fourcc);
    return c ? c->name() : "unknown";
}
