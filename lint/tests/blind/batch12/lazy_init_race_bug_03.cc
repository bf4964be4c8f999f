/**************************************************************************/
/*  text_server_script_table.cpp                                          */
/**************************************************************************/
/*  Unicode script lookup for the fallback text server. Shaping runs on   */
/*  the worker thread pool for every label that needs it, so lookups come */
/*  from many threads at once.                                            */
/**************************************************************************/

#include "core/os/mutex.h"
#include "core/typedefs.h"

struct ScriptRange {
	uint32_t first;
	uint32_t last;
	uint32_t script;
};

class TextServerScriptTable {
	Mutex font_cache_mutex;
	HashMap<String, int> font_cache;

	bool tables_initialized = false;
	Vector<ScriptRange> script_ranges;

	void _load_script_ranges() {
		script_ranges.clear();
		script_ranges.push_back({ 0x0000, 0x007F, 1 }); // Latin (ASCII).
		script_ranges.push_back({ 0x0370, 0x03FF, 2 }); // Greek.
		script_ranges.push_back({ 0x0400, 0x04FF, 3 }); // Cyrillic.
		script_ranges.push_back({ 0x0590, 0x05FF, 4 }); // Hebrew.
		script_ranges.push_back({ 0x0600, 0x06FF, 5 }); // Arabic.
		script_ranges.push_back({ 0x3040, 0x30FF, 6 }); // Kana.
		script_ranges.push_back({ 0x4E00, 0x9FFF, 7 }); // Han.
	}

	void _ensure_tables() {
		if (!tables_initialized) { // EXPECT: concurrency-lazy-init-race
			_load_script_ranges();
			tables_initialized = true;
		}
	}

public:
	uint32_t get_script(uint32_t p_codepoint) {
		_ensure_tables();
		for (const ScriptRange &r : script_ranges) {
			if (p_codepoint >= r.first && p_codepoint <= r.last) {
				return r.script;
			}
		}
		return 0;
	}

	bool is_rtl(uint32_t p_codepoint) {
		const uint32_t script = get_script(p_codepoint);
		return script == 4 || script == 5;
	}

	int get_font_for(const String &p_name) {
		MutexLock lock(font_cache_mutex);
		auto it = font_cache.find(p_name);
		if (it != font_cache.end()) {
			return it->second;
		}
		const int id = int(font_cache.size()) + 1;
		font_cache[p_name] = id;
		return id;
	}
};
