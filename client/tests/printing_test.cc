// What a failure report prints for each kind of value (client/printing.h).
#include "client/printing.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace printing_test {

struct Streamed {
  int x;
};
std::ostream& operator<<(std::ostream& out, const Streamed& s) {
  return out << "Streamed{" << s.x << "}";
}

struct Stringified {
  int x;
  template <typename Sink>
  friend void AbslStringify(Sink& sink, const Stringified& s) {
    absl::Format(&sink, "Stringified{%d}", s.x);
  }
};

// Both hooks: PrintTo, what GoogleTest's printer calls, wins.
struct PrintedTo {
  int x;
};
void PrintTo(const PrintedTo& p, std::ostream* out) {
  *out << "PrintedTo{" << p.x << "}";
}
std::ostream& operator<<(std::ostream& out, const PrintedTo&) {
  return out << "not this";
}

struct Opaque {
  uint32_t value;
};

enum class Color : uint8_t { kRed = 1, kGreen = 7 };
enum Plain { kZero, kOne };

}  // namespace printing_test

namespace lockstep {
namespace {

using printing_test::Color;

TEST(PrintingTest, ScalarsAsLiterals) {
  EXPECT_EQ(Print(true), "true");
  EXPECT_EQ(Print(-42), "-42");
  EXPECT_EQ(Print(uint64_t{18446744073709551615u}), "18446744073709551615");
  EXPECT_EQ(Print('a'), "'a'");
  EXPECT_EQ(Print('\n'), "'\\n'");
  EXPECT_EQ(Print(int8_t{-3}), "-3");
  EXPECT_EQ(Print(uint8_t{200}), "200");
}

TEST(PrintingTest, FloatsReadBackExactly) {
  EXPECT_EQ(Print(0.1), "0.1");
  EXPECT_EQ(Print(1.0), "1");
  EXPECT_EQ(Print(1e300), "1e+300");
  // Six significant digits (absl::StrCat's) would print 1.
  EXPECT_EQ(Print(1.0000001), "1.0000001");
  EXPECT_EQ(Print(-0.0), "-0");
  EXPECT_EQ(Print(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(Print(std::nan("")), "nan");
}

TEST(PrintingTest, StringsQuotedAndEscaped) {
  EXPECT_EQ(Print(std::string("a\"b\x01")), "\"a\\\"b\\x01\"");
  EXPECT_EQ(Print(std::string_view("sv")), "\"sv\"");
  const char* c = "ptr";
  EXPECT_EQ(Print(c), "\"ptr\"");
  EXPECT_EQ(Print("literal"), "\"literal\"");
}

TEST(PrintingTest, StandardContainers) {
  EXPECT_EQ(Print(std::vector<int>{1, 2}), "{1, 2}");
  EXPECT_EQ(Print(std::vector<bool>{true, false}), "{true, false}");
  EXPECT_EQ(Print(std::array<int, 3>{4, 5, 6}), "{4, 5, 6}");
  EXPECT_EQ(Print(std::deque<char>{'x'}), "{'x'}");
  EXPECT_EQ(Print(std::set<std::string>{"b", "a"}), "{\"a\", \"b\"}");
  EXPECT_EQ(Print(std::map<int, std::string>{{2, "two"}, {1, "one"}}),
            "{(1, \"one\"), (2, \"two\")}");
  int raw[] = {7, 8};
  EXPECT_EQ(Print(raw), "{7, 8}");
}

TEST(PrintingTest, UnorderedContainersPrintSortedSoReportsAreStable) {
  std::unordered_map<int, int> map;
  std::unordered_set<int> set;
  for (int i = 20; i >= 0; --i) {
    map[i] = -i;
    set.insert(i);
  }
  std::string printed = Print(map);
  EXPECT_EQ(printed.substr(0, 24), "{(0, 0), (1, -1), (10, -");
  EXPECT_EQ(Print(set).substr(0, 12), "{0, 1, 10, 1");
  // The same whatever the insertion order.
  std::unordered_map<int, int> reversed;
  for (int i = 0; i <= 20; ++i) reversed[i] = -i;
  EXPECT_EQ(Print(reversed), printed);
}

TEST(PrintingTest, PairsTuplesOptionalsVariants) {
  EXPECT_EQ(Print(std::make_pair(1, 'c')), "(1, 'c')");
  EXPECT_EQ(Print(std::make_tuple(1, std::string("s"), false)),
            "(1, \"s\", false)");
  EXPECT_EQ(Print(std::optional<int>()), "nullopt");
  EXPECT_EQ(Print(std::optional<int>(3)), "3");
  EXPECT_EQ(Print(std::variant<int, std::string>(std::string("v"))), "\"v\"");
  EXPECT_EQ(Print(std::variant<int, std::string>(9)), "9");
  EXPECT_EQ(Print(std::make_unique<int>(5)), "5");
  EXPECT_EQ(Print(std::shared_ptr<int>()), "nullptr");
}

TEST(PrintingTest, EnumsAsTheirUnderlyingValue) {
  EXPECT_EQ(Print(Color::kGreen), "7");
  EXPECT_EQ(Print(printing_test::kOne), "1");
  EXPECT_EQ(Print(std::vector<Color>{Color::kRed}), "{1}");
}

TEST(PrintingTest, UserHooksInOrderPrintToAbslStringifyThenStream) {
  EXPECT_EQ(Print(printing_test::PrintedTo{1}), "PrintedTo{1}");
  EXPECT_EQ(Print(printing_test::Stringified{2}), "Stringified{2}");
  EXPECT_EQ(Print(printing_test::Streamed{3}), "Streamed{3}");
  EXPECT_EQ(Print(std::vector<printing_test::Streamed>{{4}}), "{Streamed{4}}");
}

TEST(PrintingTest, AnythingElseAsItsBytesNeverUnprintable) {
  EXPECT_EQ(Print(printing_test::Opaque{0x2a}), "<4-byte object 2a 00 00 00>");
  EXPECT_EQ(Print(std::make_pair(printing_test::Opaque{1}, 2)),
            "(<4-byte object 01 00 00 00>, 2)");
}

}  // namespace
}  // namespace lockstep
