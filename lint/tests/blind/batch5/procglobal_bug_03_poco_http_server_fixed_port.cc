//
// HTTPServerTest.cpp
//
// Tests for the embedded HTTP status server.
//

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace Poco {
namespace Net {

class StatusServerTest: public ::testing::Test
{
protected:
	static void SetUpTestSuite()
	{
		// Writing to a peer that has hung up must fail with EPIPE, not kill
		// the test binary.
		signal(SIGPIPE, SIG_IGN); // EXPECT: concurrency-process-global-in-test
	}

	void SetUp() override
	{
		_listenFd = ::socket(AF_INET, SOCK_STREAM, 0);
		ASSERT_GE(_listenFd, 0);
		int one = 1;
		::setsockopt(_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	}

	void TearDown() override
	{
		if (_listenFd >= 0) ::close(_listenFd);
	}

	int _listenFd = -1;
};

TEST_F(StatusServerTest, BindsAndAcceptsLoopbackConnections)
{
	sockaddr_in addr;
	std::memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = htons(18080); // EXPECT: concurrency-process-global-in-test
	ASSERT_EQ(0, ::bind(_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
	ASSERT_EQ(0, ::listen(_listenFd, 4));

	int client = ::socket(AF_INET, SOCK_STREAM, 0);
	ASSERT_GE(client, 0);
	EXPECT_EQ(0, ::connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
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
	EXPECT_EQ(-1, ::write(fds[0], msg, sizeof(msg) - 1));
	::close(fds[0]);
}

} } // namespace Poco::Net
