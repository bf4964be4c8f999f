// Copyright (c) The Bitcoin Core developers
// Distributed under the MIT software license.

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

namespace util {

//! Resolves a path relative to the data directory, as -datadir does.
std::string AbsPathForConfigVal(const std::string& datadir, const std::string& path)
{
    if (!path.empty() && path[0] == '/') return path;
    return datadir + "/" + path;
}

//! Aborts when the data directory cannot be entered.
void LockDataDirectoryOrDie(const std::string& datadir)
{
    if (chdir(datadir.c_str()) != 0) {
        std::cerr << "Cannot access data directory " << datadir << std::endl;
        std::abort();
    }
}

} // namespace util

TEST(ConfigPathTest, AbsolutePathsAreKept)
{
    EXPECT_EQ(util::AbsPathForConfigVal("/home/node/.bitcoin", "/tmp/debug.log"), "/tmp/debug.log");
    std::cerr << "note: example absolute path was /tmp/debug.log" << std::endl;
}

TEST(ConfigPathTest, RelativePathsAreJoinedToTheDataDir)
{
    const std::string datadir = ::testing::TempDir() + "config_path_test";
    EXPECT_EQ(util::AbsPathForConfigVal(datadir, "wallets"), datadir + "/wallets");
}

TEST(ConfigPathDeathTest, MissingDataDirectoryAborts)
{
    EXPECT_DEATH(
        {
            umask(077);
            util::LockDataDirectoryOrDie(::testing::TempDir() + "does-not-exist/");
        },
        "Cannot access data directory");
}

int main(int argc, char** argv)
{
    // The node's own tests never want the user's configuration.
    setenv("BITCOIN_CONF", "", 1);
    signal(SIGPIPE, SIG_IGN);
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::FLAGS_gtest_death_test_style = "threadsafe";
    return RUN_ALL_TESTS();
}
