// Packet capture of a Godot-style network debugger. The capture thread owns
// the dump file from open to close; the socket descriptor is an atomic so
// that stop() can close it from the main thread to unblock recv().

#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <thread>

#include "core/templates/safe_refcount.h"
#include "core/typedefs.h"

class PacketCapture {
	std::atomic<int> sock_fd{ -1 };
	std::thread capture_thread;
	SafeNumeric<uint64_t> packets;

	// Only used by the capture thread.
	FILE *dump_file = nullptr;

	String dump_path;

	void _capture_loop() {
		dump_file = fopen(dump_path.c_str(), "wb");
		uint8_t buf[2048];
		for (;;) {
			const int fd = sock_fd.load();
			if (fd < 0) {
				break;
			}
			const ssize_t n = recv(fd, buf, sizeof(buf), 0);
			if (n <= 0) {
				break;
			}
			if (dump_file) {
				fwrite(buf, 1, size_t(n), dump_file);
			}
			packets.increment();
		}
		if (dump_file) {
			fclose(dump_file);
			dump_file = nullptr;
		}
	}

public:
	Error start(int p_fd, const String &p_dump_path) {
		ERR_FAIL_COND_V(capture_thread.joinable(), ERR_ALREADY_IN_USE);
		dump_path = p_dump_path;
		sock_fd.store(p_fd);
		capture_thread = std::thread([this]() { _capture_loop(); });
		return OK;
	}

	void stop() {
		const int fd = sock_fd.exchange(-1);
		if (fd >= 0) {
			shutdown(fd, SHUT_RDWR);
			close(fd);
		}
		if (capture_thread.joinable()) {
			capture_thread.join();
		}
	}

	uint64_t get_packet_count() const {
		return packets.get();
	}

	~PacketCapture() {
		stop();
	}
};
