// DuckDB-style storage tests: the fixture puts the database and its WAL at
// fixed paths under /tmp, so two runs of the binary (or two shards of it)
// overwrite each other's files.
#include <gtest/gtest.h>
#include <stdio.h>

#include <fstream>

#include "mock/duckdb_common.h"

namespace duckdb {

class Database {
 public:
  explicit Database(const string& path);
  void Execute(const string& sql);
  idx_t Count(const string& table);
  void Checkpoint();
};

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = "/tmp/duckdb_storage_test.db";  // EXPECT: concurrency-process-global-in-test
    remove(db_path_.c_str());
    db_ = make_uniq<Database>(db_path_);
  }

  void TearDown() override {
    db_.reset();
    remove(db_path_.c_str());
  }

  string db_path_;
  unique_ptr<Database> db_;
};

TEST_F(StorageTest, CheckpointKeepsRows) {
  db_->Execute("CREATE TABLE t(i INTEGER)");
  db_->Execute("INSERT INTO t SELECT range FROM range(1000)");
  db_->Checkpoint();
  EXPECT_EQ(db_->Count("t"), 1000u);
}

TEST_F(StorageTest, ReplaysTruncatedWal) {
  {
    std::ofstream wal("/tmp/duckdb_storage_test.db.wal", std::ios::binary);  // EXPECT: concurrency-process-global-in-test
    wal << "\x01\x02truncated";
  }
  db_->Execute("CREATE TABLE u(i INTEGER)");
  EXPECT_EQ(db_->Count("u"), 0u);
}

}  // namespace duckdb
