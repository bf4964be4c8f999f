/**************************************************************************/
/*  audio_bus_layout.cpp                                                  */
/**************************************************************************/
/* The audio server mixes buses on the audio thread; the editor changes   */
/* the bus layout from the main thread.                                   */
/**************************************************************************/

#include "godot/mutex.h"
#include "godot/thread.h"
#include "godot/typedefs.h"

#include <cstdint>
#include <vector>

struct AudioBus {
	String name;
	float volume_db = 0.0f;
	bool solo = false;
	bool mute = false;
};

class AudioBusLayout {
	Mutex layout_mutex;
	std::vector<AudioBus> buses;
	AudioBus master_dummy;
	SafeNumeric<uint64_t> mix_count;
	SafeFlag layout_dirty;

public:
	AudioBusLayout() {
		buses.resize(1);
		buses[0].name = "Master";
	}

	~AudioBusLayout() {
		buses.clear();
	}

	void add_bus(const String &p_name) {
		MutexLock lock(layout_mutex);
		AudioBus bus;
		bus.name = p_name;
		buses.push_back(bus);
		layout_dirty.set();
	}

	void set_bus_volume_db(int p_bus, float p_volume_db) {
		MutexLock lock(layout_mutex);
		ERR_FAIL_COND(p_bus < 0 || p_bus >= int(buses.size()));
		buses[p_bus].volume_db = p_volume_db;
		layout_dirty.set();
	}

	// True if p_bus points at the placeholder used for unknown buses.
	bool is_placeholder(const AudioBus *p_bus) const {
		return p_bus == &master_dummy;
	}

	// Audio thread.
	void mix_step() {
		mix_count.increment();
		if (!layout_dirty.is_set()) {
			return;
		}
		MutexLock lock(layout_mutex);
		for (AudioBus &bus : buses) {
			if (bus.solo) {
				bus.mute = false;
			}
		}
		layout_dirty.clear();
	}

	uint64_t get_mix_count() const {
		return mix_count.get();
	}

	int get_bus_count() {
		MutexLock lock(layout_mutex);
		return int(buses.size());
	}
};
