// Licensed to the Apache Software Foundation (ASF) under one
// or more contributor license agreements.

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <locale>
#include <map>
#include <sstream>
#include <string>

namespace arrow {
namespace config {

// Process configuration overrides used by the CSV reader; not the C
// library's environment.
class Overrides {
 public:
  void setenv(const std::string& key, const std::string& value) { values_[key] = value; }
  std::string getenv(const std::string& key) const {
    auto it = values_.find(key);
    return it == values_.end() ? "" : it->second;
  }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace config

namespace csv {

std::string FormatDouble(double v, const std::locale& loc) {
  std::ostringstream out;
  out.imbue(loc);
  out << v;
  return out.str();
}

class CsvWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/arrow-csv-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    overrides_.setenv("ARROW_CSV_DELIMITER", ";");
  }

  void TearDown() override {
    std::remove((dir_ + "/out.csv").c_str());
    rmdir(dir_.c_str());
  }

  std::string dir_;
  config::Overrides overrides_;
};

TEST_F(CsvWriterTest, WritesWithTheConfiguredDelimiter) {
  const std::string path = dir_ + "/out.csv";
  {
    std::ofstream out(path);
    out << "a" << overrides_.getenv("ARROW_CSV_DELIMITER") << "b\n";
  }
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "a;b");
}

TEST_F(CsvWriterTest, ClassicLocaleUsesDotSeparator) {
  EXPECT_EQ(FormatDouble(1.5, std::locale::classic()), "1.5");
}

TEST(CsvRelativePathTest, RelativeOutputNamesAreAccepted) {
  const std::string name = "fixtures/sample.csv";
  EXPECT_EQ(name.find('/'), 8u);
}

}  // namespace csv
}  // namespace arrow
