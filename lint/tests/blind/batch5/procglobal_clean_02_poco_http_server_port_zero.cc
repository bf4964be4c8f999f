//
// HTTPServerTest.cpp
//
// Tests for the embedded HTTP status server.
//

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace Poco {
namespace Net {

class StatusServerTest: public ::testing::Test
{
protected:
	void SetUp() override
	{
		// Block SIGPIPE on this thread only; the process-wide disposition
		// is left alone.
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, SIGPIPE);
		pthread_sigmask(SIG_BLOCK, &set, &_oldMask);

		_listenFd = ::socket(AF_INET, SOCK_STREAM, 0);
		ASSERT_GE(_listenFd, 0);
	}

	void TearDown() override
	{
		if (_listenFd >= 0) ::close(_listenFd);
		pthread_sigmask(SIG_SETMASK, &_oldMask, nullptr);
	}

	int _listenFd = -1;
	sigset_t _oldMask;
};

TEST_F(StatusServerTest, BindsAnEphemeralPortAndAcceptsConnections)
{
	sockaddr_in addr;
	std::memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons(0);
	ASSERT_EQ(0, ::bind(_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
	ASSERT_EQ(0, ::listen(_listenFd, 4));

	socklen_t len = sizeof(addr);
	ASSERT_EQ(0, ::getsockname(_listenFd, reinterpret_cast<sockaddr*>(&addr), &len));
	const int port = ntohs(addr.sin_port);
	EXPECT_GT(port, 0);

	sockaddr_in target = addr;
	target.sin_port = htons(static_cast<uint16_t>(port));
	int client = ::socket(AF_INET, SOCK_STREAM, 0);
	ASSERT_GE(client, 0);
	EXPECT_EQ(0, ::connect(client, reinterpret_cast<sockaddr*>(&target), sizeof(target)));
	int accepted = ::accept(_listenFd, nullptr, nullptr);
	EXPECT_GE(accepted, 0);
	::close(accepted);
	::close(client);
}

TEST_F(StatusServerTest, WriteToClosedPeerReportsEpipe)
{
	int fds[2];
	ASSERT_EQ(0, ::socketpair(AF_UNIX, SOCK_STREAM, 0, fds));
	::close(fds[1]);
	const char msg[] = "HTTP/1.1 200 OK\r\n\r\n";
	EXPECT_EQ(-1, ::send(fds[0], msg, sizeof(msg) - 1, MSG_NOSIGNAL));
	::close(fds[0]);
}

} } // namespace Poco::Net
