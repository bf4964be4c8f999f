/**************************************************************************/
/*  audio_driver_offline.cpp                                              */
/**************************************************************************/
/*  A driver for rendering without a sound card: its thread mixes fixed   */
/*  blocks at the project's mix rate while the server feeds it.           */
/**************************************************************************/

#include "core/os/mutex.h"
#include "core/os/os.h"
#include "core/os/thread.h"
#include "core/templates/safe_refcount.h"
#include "core/typedefs.h"

class AudioDriverOffline {
	Mutex mutex;
	Thread thread;
	SafeFlag exit_thread;

	int32_t *samples_in = nullptr;
	int buffer_frames = 512;
	int mix_rate = 48000;
	int channels = 2;
	bool active = false;
	uint64_t blocks_mixed = 0;

	static void thread_func(void *p_udata);

	void audio_server_process(int p_frames, int32_t *p_buffer);

public:
	Error init(int p_mix_rate) {
		mix_rate = p_mix_rate;
		samples_in = memnew(int32_t[buffer_frames * channels]);
		exit_thread.clear();
		thread.start(AudioDriverOffline::thread_func, this);
		return OK;
	}

	void start() {
		MutexLock lock(mutex);
		active = true;
	}

	void set_paused(bool p_paused) {
		MutexLock lock(mutex);
		active = !p_paused;
	}

	bool is_active() const {
		MutexLock lock(mutex);
		return active;
	}

	int get_mix_rate() const {
		return mix_rate;
	}

	uint64_t get_blocks_mixed() const {
		MutexLock lock(mutex);
		return blocks_mixed;
	}

	void reset_stats() {
		MutexLock lock(mutex);
		blocks_mixed = 0;
	}

	void lock() {
		mutex.lock();
	}

	void unlock() {
		mutex.unlock();
	}

	void finish() {
		exit_thread.set();
		if (thread.is_started()) {
			thread.wait_to_finish();
		}
		delete[] samples_in;
		samples_in = nullptr;
	}
};

void AudioDriverOffline::thread_func(void *p_udata) {
	AudioDriverOffline *ad = static_cast<AudioDriverOffline *>(p_udata);

	const uint64_t usec_per_block = uint64_t(1000000) * uint64_t(ad->buffer_frames) / uint64_t(ad->mix_rate);

	while (!ad->exit_thread.is_set()) {
		if (!ad->active) { // EXPECT: concurrency-unguarded-field
			OS::get_singleton()->delay_usec(1000);
			continue;
		}

		ad->lock();
		ad->audio_server_process(ad->buffer_frames, ad->samples_in);
		ad->blocks_mixed++;
		ad->unlock();

		OS::get_singleton()->delay_usec(uint32_t(usec_per_block));
	}
}

// The movie writer drives the offline driver while a scene is recorded.
class MovieWriterOffline {
	AudioDriverOffline *driver = nullptr;

public:
	explicit MovieWriterOffline(AudioDriverOffline *p_driver) :
			driver(p_driver) {}

	void begin(int p_mix_rate) {
		driver->init(p_mix_rate);
		driver->start();
	}

	void end() {
		print_line("Mixed " + itos(int64_t(driver->get_blocks_mixed())) + " audio blocks.");
		driver->finish();
	}
};
