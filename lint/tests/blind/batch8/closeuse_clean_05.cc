/**************************************************************************/
/*  remote_debugger_peer.cpp                                              */
/**************************************************************************/
/* Socket to the editor's remote debugger. The poll thread reads from it; */
/* the main thread may close it at any time by swapping the descriptor    */
/* out atomically.                                                        */
/**************************************************************************/

#include "godot/thread.h"
#include "godot/typedefs.h"

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <vector>

class RemoteDebuggerPeer {
	std::atomic<int> socket_fd{ -1 };
	SafeFlag running;
	Thread poll_thread;
	std::vector<uint8_t> last_packet;

	static void _poll_func(void *p_user) {
		RemoteDebuggerPeer *peer = static_cast<RemoteDebuggerPeer *>(p_user);
		while (peer->running.is_set()) {
			peer->_poll();
		}
	}

	void _poll() {
		const int fd = socket_fd.load();
		if (fd < 0) {
			running.clear();
			return;
		}
		uint8_t buf[512];
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0) {
			running.clear();
		}
	}

public:
	explicit RemoteDebuggerPeer(int p_fd) {
		socket_fd.store(p_fd);
		running.set();
		poll_thread.start(_poll_func, this);
	}

	~RemoteDebuggerPeer() {
		close();
		poll_thread.wait_to_finish();
	}

	bool is_connected() const {
		return socket_fd.load() >= 0;
	}

	void close() {
		running.clear();
		const int fd = socket_fd.exchange(-1);
		if (fd >= 0) {
			shutdown(fd, SHUT_RDWR);
			::close(fd);
		}
	}
};
