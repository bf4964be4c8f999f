// AccessSummary: recording, saving, loading and merging the field accesses
// of several translation units.
#include "lint/analysis/access_summary.h"

#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace lockstep::lint {
namespace {

// A file of this test's own under the test's temporary directory.
std::string TempPath(const std::string& name) {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  return ::testing::TempDir() + "/access_summary_test_" + test->name() + "_" +
         name;
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

SummarizedAccess Access(const std::string& location, bool is_write,
                        bool holds_mu) {
  SummarizedAccess access;
  access.field = "storage::Account::balance_";
  access.location = location;
  access.function = "storage::Account::Deposit";
  access.is_write = is_write;
  if (holds_mu) access.held.Acquire("this.storage::Account::mu_", true);
  return access;
}

TEST(AccessSummary, RecordsOnlyWhileRecording) {
  AccessSummary summary;
  summary.Record(Access("a.cc:1:1", true, true));
  EXPECT_FALSE(summary.recording());
  summary.set_recording(true);
  summary.Record(Access("a.cc:2:1", false, false));
  summary.ImportRecorded();
  const std::vector<SummarizedAccess>* imported =
      summary.Imported("storage::Account::balance_");
  ASSERT_NE(imported, nullptr);
  ASSERT_EQ(imported->size(), 1u);
  EXPECT_EQ((*imported)[0].location, "a.cc:2:1");
  EXPECT_EQ(summary.Imported("storage::Account::other_"), nullptr);
}

TEST(AccessSummary, SavesAndLoadsEveryColumn) {
  AccessSummary writer;
  writer.set_recording(true);
  writer.Record(Access("account_deposit.cc:7:3", true, true));
  SummarizedAccess shared = Access("account_report.cc:6:40", false, false);
  shared.held.Acquire("global:g_lock", false);
  writer.Record(shared);
  std::string path = TempPath("summary.tsv");
  std::string error;
  ASSERT_TRUE(writer.Save(path, &error)) << error;
  EXPECT_EQ(ReadFile(path),
            "# lockstep access summary v1\n"
            "storage::Account::balance_\taccount_deposit.cc:7:3\t"
            "storage::Account::Deposit\tw\tthis.storage::Account::mu_=x\n"
            "storage::Account::balance_\taccount_report.cc:6:40\t"
            "storage::Account::Deposit\tr\tglobal:g_lock=s\n");

  AccessSummary reader;
  ASSERT_TRUE(reader.Load(path, &error)) << error;
  const std::vector<SummarizedAccess>* imported =
      reader.Imported("storage::Account::balance_");
  ASSERT_NE(imported, nullptr);
  ASSERT_EQ(imported->size(), 2u);
  EXPECT_TRUE((*imported)[0].is_write);
  EXPECT_TRUE((*imported)[0].held.HoldsExclusive("this.storage::Account::mu_"));
  EXPECT_FALSE((*imported)[1].is_write);
  EXPECT_TRUE((*imported)[1].held.Holds("global:g_lock"));
  EXPECT_FALSE((*imported)[1].held.HoldsExclusive("global:g_lock"));
  EXPECT_EQ((*imported)[1].function, "storage::Account::Deposit");
}

TEST(AccessSummary, EachAccessCountsOnce) {
  // A header's accesses are seen by every file that includes it.
  AccessSummary summary;
  std::string path = TempPath("twice.tsv");
  WriteFile(path,
            "# lockstep access summary v1\n"
            "C::f_\tc.h:3:5\tC::Get\tr\n"
            "C::f_\tc.h:3:5\tC::Get\tr\n"
            "C::f_\tc.h:4:5\tC::Set\tw\n");
  std::string error;
  ASSERT_TRUE(summary.Load(path, &error)) << error;
  ASSERT_TRUE(summary.Load(path, &error)) << error;
  summary.set_recording(true);
  SummarizedAccess again;
  again.field = "C::f_";
  again.location = "c.h:4:5";
  summary.Record(again);
  summary.ImportRecorded();
  ASSERT_NE(summary.Imported("C::f_"), nullptr);
  EXPECT_EQ(summary.Imported("C::f_")->size(), 2u);
}

TEST(AccessSummary, MalformedFilesAreRefusedWhole) {
  struct Case {
    std::string text;
    std::string error;
  };
  std::vector<Case> cases = {
      {"something else\n", "is not a lockstep access summary"},
      {"# lockstep access summary v1\nC::f_\tc.h:1:1\tC::G\n",
       ":2: expected at least 4 tab-separated columns"},
      {"# lockstep access summary v1\nC::f_\tc.h:1:1\tC::G\tx\n",
       ":2: the 4th column must be 'w' or 'r'"},
      {"# lockstep access summary v1\n\tc.h:1:1\tC::G\tr\n",
       ":2: empty field name or location"},
      {"# lockstep access summary v1\nC::f_\tc.h:1:1\tC::G\tr\n"
       "C::f_\tc.h:2:1\tC::G\tw\tmu\n",
       ":3: a held lock must be written 'key=x' or 'key=s'"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    AccessSummary summary;
    std::string path = TempPath("bad" + std::to_string(i) + ".tsv");
    WriteFile(path, cases[i].text);
    std::string error;
    EXPECT_FALSE(summary.Load(path, &error)) << cases[i].text;
    EXPECT_NE(error.find(cases[i].error), std::string::npos) << error;
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_EQ(summary.Imported("C::f_"), nullptr) << "half-read " << i;
  }
  AccessSummary summary;
  std::string error;
  EXPECT_FALSE(summary.Load(TempPath("missing.tsv"), &error));
  EXPECT_NE(error.find("cannot read summary"), std::string::npos) << error;
}

}  // namespace
}  // namespace lockstep::lint
