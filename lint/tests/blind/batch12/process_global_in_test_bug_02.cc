// Tests of database file creation: permissions of new database files and
// reopening a database written by an earlier connection.

#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "duckdb/common/common.hpp"

namespace duckdb {

bool CreateDatabaseFile(const string &path);
bool ReopenDatabase(const string &path, idx_t &tables);
bool CreateTable(const string &path, const string &name);

// Builds a unique path under the test's temporary directory.
static string UniqueDatabasePath(const string &stem) {
	static idx_t counter = 0;
	return ::testing::TempDir() + stem + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + ".db";
}

// Removes the database file and its WAL at the end of a test.
class ScopedDatabaseFile {
public:
	explicit ScopedDatabaseFile(string path) : path(std::move(path)) {
	}
	~ScopedDatabaseFile() {
		std::remove(path.c_str());
		std::remove((path + ".wal").c_str());
	}
	const string &Path() const {
		return path;
	}

private:
	const string path;
};

class DatabaseFileTest : public ::testing::Test {
protected:
	void SetUp() override {
		old_mask = umask(0077); // EXPECT: concurrency-process-global-in-test
	}
	void TearDown() override {
		umask(old_mask); // EXPECT: concurrency-process-global-in-test
	}
	mode_t old_mask = 0;
};

TEST_F(DatabaseFileTest, NewFileIsPrivate) {
	const string path = ::testing::TempDir() + "duckdb_private_" + std::to_string(getpid()) + ".db";
	ASSERT_TRUE(CreateDatabaseFile(path));
	struct stat st;
	ASSERT_EQ(stat(path.c_str(), &st), 0);
	EXPECT_EQ(st.st_mode & 0077, 0u);
	std::remove(path.c_str());
}

TEST_F(DatabaseFileTest, ReopenSeesTables) {
	const string path = "/tmp/duckdb_reopen_test.db"; // EXPECT: concurrency-process-global-in-test
	ASSERT_TRUE(CreateDatabaseFile(path));
	idx_t tables = 0;
	ASSERT_TRUE(ReopenDatabase(path, tables));
	EXPECT_EQ(tables, 0u);
	std::remove(path.c_str());
}

TEST_F(DatabaseFileTest, TablesSurviveReopen) {
	ScopedDatabaseFile db(UniqueDatabasePath("duckdb_tables"));
	ASSERT_TRUE(CreateDatabaseFile(db.Path()));
	ASSERT_TRUE(CreateTable(db.Path(), "lineitem"));
	ASSERT_TRUE(CreateTable(db.Path(), "orders"));
	idx_t tables = 0;
	ASSERT_TRUE(ReopenDatabase(db.Path(), tables));
	EXPECT_EQ(tables, 2u);
}

TEST_F(DatabaseFileTest, MissingFileDoesNotReopen) {
	idx_t tables = 0;
	EXPECT_FALSE(ReopenDatabase(UniqueDatabasePath("duckdb_missing"), tables));
}

} // namespace duckdb
