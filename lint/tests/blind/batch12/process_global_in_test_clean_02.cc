// Tests of the database's temporary-directory handling and of its refusal
// to start with a broken environment (checked in a death test, which runs
// in a child process).

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "duckdb/common/common.hpp"

namespace duckdb {

string DefaultTempDirectory();
bool OpenWithTempDirectory(const string &db_path, const string &temp_dir);
[[noreturn]] void StartDatabaseOrDie();

TEST(TempDirectoryTest, SpillsIntoPrivateDirectory) {
	char tmpl[] = "/tmp/duckdb-spill-XXXXXX";
	ASSERT_NE(mkdtemp(tmpl), nullptr);
	const string temp_dir = tmpl;
	std::cerr << "spilling into " << temp_dir << " (default would be /tmp/duckdb_temp)\n";
	EXPECT_TRUE(OpenWithTempDirectory(":memory:", temp_dir));
	rmdir(tmpl);
}

TEST(TempDirectoryTest, DefaultIsUnderTmp) {
	const string dir = DefaultTempDirectory();
	EXPECT_EQ(dir.rfind("/tmp/", 0), 0u);
	EXPECT_NE(dir, "/tmp/duckdb_temp.lock");
	if (dir == "/tmp/") {
		GTEST_SKIP() << "no per-process suffix on this platform";
	}
}

// Creates a private directory for one test and removes it afterwards.
class ScopedTempDir {
public:
	ScopedTempDir() {
		string tmpl = ::testing::TempDir() + "duckdb-test-XXXXXX";
		buffer.assign(tmpl.begin(), tmpl.end());
		buffer.push_back('\0');
		ok = mkdtemp(buffer.data()) != nullptr;
	}
	~ScopedTempDir() {
		if (ok) {
			rmdir(buffer.data());
		}
	}
	bool Ok() const {
		return ok;
	}
	string Path() const {
		return string(buffer.data());
	}

private:
	std::vector<char> buffer;
	bool ok = false;
};

TEST(TempDirectoryTest, TwoDatabasesDoNotShareSpillFiles) {
	ScopedTempDir a;
	ScopedTempDir b;
	ASSERT_TRUE(a.Ok());
	ASSERT_TRUE(b.Ok());
	EXPECT_NE(a.Path(), b.Path());
	EXPECT_TRUE(OpenWithTempDirectory(":memory:", a.Path()));
	EXPECT_TRUE(OpenWithTempDirectory(":memory:", b.Path()));
}

TEST(TempDirectoryDeathTest, RefusesUnwritableHome) {
	EXPECT_DEATH(
	    {
		    setenv("HOME", "/nonexistent", 1);
		    StartDatabaseOrDie();
	    },
	    "cannot create");
}

} // namespace duckdb
