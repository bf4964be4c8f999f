/**************************************************************************/
/*  shader_cache_index.cpp                                                */
/**************************************************************************/
/* The rendering device compiles pipelines on worker threads. They all    */
/* consult the on-disk shader cache index, loaded lazily on first use.    */
/**************************************************************************/

#include "godot/mutex.h"
#include "godot/typedefs.h"

#include <atomic>
#include <cstdint>
#include <map>

class ShaderCacheIndex {
public:
	explicit ShaderCacheIndex(const String &p_dir) :
			dir(p_dir) {}
	bool has(uint64_t p_hash) const { return entries.count(p_hash) != 0; }
	void add(uint64_t p_hash, uint32_t p_size) { entries[p_hash] = p_size; }
	const String &get_dir() const { return dir; }

private:
	String dir;
	std::map<uint64_t, uint32_t> entries;
};

class ShaderCache {
	BinaryMutex load_mutex;
	std::atomic<ShaderCacheIndex *> index{ nullptr };
	String cache_dir;

	ShaderCacheIndex *_load_index() {
		ShaderCacheIndex *idx = memnew(ShaderCacheIndex(cache_dir));
		idx->add(0x9e3779b97f4a7c15ull, 128);
		return idx;
	}

public:
	explicit ShaderCache(const String &p_dir) :
			cache_dir(p_dir) {}

	~ShaderCache() {
		memdelete(index.load(std::memory_order_relaxed));
	}

	// Worker threads.
	ShaderCacheIndex *get_index() {
		ShaderCacheIndex *idx = index.load(std::memory_order_acquire);
		if (idx == nullptr) {
			BinaryMutexLock lock(load_mutex);
			idx = index.load(std::memory_order_relaxed);
			if (idx == nullptr) {
				idx = _load_index();
				index.store(idx, std::memory_order_release);
			}
		}
		return idx;
	}

	bool is_cached(uint64_t p_hash) {
		return get_index()->has(p_hash);
	}
};

bool pipeline_cached(ShaderCache &p_cache, uint64_t p_hash) {
	return p_cache.is_cached(p_hash);
}
