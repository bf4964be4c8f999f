// concurrency-process-global-in-test: positive cases (a finding on each
// "// WARN" line) and negative cases (no finding).
#include <string>

#include "gtest/gtest.h"
#include "lint/tests/check_test_util.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kCheck[] = "concurrency-process-global-in-test";

// ------------------------------------------------------------ positive

TEST(ProcessGlobalInTestPositive, SetenvInTestBody) {
  const std::string code = R"code(
#include <cstdlib>
#include "gtest/gtest.h"
TEST(ConfigTest, ReadsHome) {
  setenv("HOME", "/home/test", 1);  // WARN
  EXPECT_NE(getenv("HOME"), nullptr);
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "'setenv' in test 'ConfigTest.ReadsHome' changes the process's "
            "environment, which every test and thread in the binary shares");
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_EQ(findings[0].notes[0].message,
            "pass the value explicitly (a settings struct or a parameter) "
            "instead of going through the environment");
}

TEST(ProcessGlobalInTestPositive, UnsetenvInTestFixtureBody) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
#include "gtest/gtest.h"
class EnvTest : public ::testing::Test {};
TEST_F(EnvTest, WithoutProxy) {
  unsetenv("HTTP_PROXY");  // WARN
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, PutenvInSetUpAndClearenvInTearDown) {
  const std::string code = R"code(
#include <cstdlib>
#include "gtest/gtest.h"
char kTz[] = "TZ=UTC";
class ClockTest : public ::testing::Test {
 protected:
  void SetUp() override { putenv(kTz); }  // WARN
  void TearDown() override { clearenv(); }  // WARN
};
TEST_F(ClockTest, Works) {}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message,
            "'putenv' in test fixture 'ClockTest::SetUp' changes the "
            "process's environment, which every test and thread in the "
            "binary shares");
}

TEST(ProcessGlobalInTestPositive, ChdirInTest) {
  const std::string code = R"code(
#include <unistd.h>
#include "gtest/gtest.h"
TEST(PathTest, RelativeOpen) {
  ASSERT_EQ(chdir("/"), 0);  // WARN
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_EQ(findings[0].notes[0].message,
            "use absolute paths (or openat() on a directory descriptor) "
            "instead of changing directory");
}

TEST(ProcessGlobalInTestPositive, UmaskInTest) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <sys/stat.h>
#include "gtest/gtest.h"
TEST(FileTest, Permissions) {
  mode_t old = umask(077);  // WARN
  (void)old;
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, SignalInSetUpTestSuite) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <csignal>
#include "gtest/gtest.h"
class PipeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { std::signal(SIGPIPE, SIG_IGN); }  // WARN
};
TEST_F(PipeTest, Writes) {}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, SigactionInFixtureConstructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <signal.h>
#include "gtest/gtest.h"
void OnAlarm(int) {}
class TimerTest : public ::testing::Test {
 protected:
  TimerTest() {
    struct sigaction action = {};
    action.sa_handler = OnAlarm;
    sigaction(SIGALRM, &action, nullptr);  // WARN
  }
};
TEST_F(TimerTest, Fires) {}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, SetlocaleInParameterizedTest) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <clocale>
#include "gtest/gtest.h"
class FormatTest : public ::testing::TestWithParam<int> {};
TEST_P(FormatTest, Decimal) {
  std::setlocale(LC_ALL, "de_DE.UTF-8");  // WARN
}
INSTANTIATE_TEST_SUITE_P(All, FormatTest, ::testing::Values(1, 2));
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, GlobalLocaleInFixtureDestructor) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <locale>
#include "gtest/gtest.h"
class LocaleTest : public ::testing::Test {
 protected:
  ~LocaleTest() override { std::locale::global(std::locale::classic()); }  // WARN
};
TEST_F(LocaleTest, Prints) {}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, HardCodedTempFile) {
  const std::string code = R"code(
#include <fstream>
#include "gtest/gtest.h"
TEST(ConfigLoaderTest, ReadsFile) {
  std::ofstream out("/tmp/config.json");  // WARN
  out << "{}";
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "hard-coded temporary path '/tmp/config.json' in test "
            "'ConfigLoaderTest.ReadsFile': every test and thread in the "
            "binary, and every concurrent run of it, shares the file");
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_EQ(findings[0].notes[0].message,
            "build the path from testing::TempDir() (or a mkdtemp() "
            "directory) plus a name unique to this test and process");
}

TEST(ProcessGlobalInTestPositive, TempPathVariablesAndConcatenation) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <string>
#include "gtest/gtest.h"
void Use(const std::string&);
TEST(CacheTest, Persists) {
  std::string dir = "/var/tmp/cache";  // WARN
  std::string file = "/tmp/" + std::to_string(42);  // WARN
  Use(dir + file);
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, FixedSocketPort) {
  const std::string code = R"code(
#include <arpa/inet.h>
#include <netinet/in.h>
#include "gtest/gtest.h"
TEST(ServerTest, Binds) {
  sockaddr_in address = {};
  address.sin_family = AF_INET;
  address.sin_port = htons(8080);  // WARN
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "fixed port 8080 in test 'ServerTest.Binds': every test and "
            "thread in the binary, and every concurrent run of it, competes "
            "for it");
  ASSERT_EQ(findings[0].notes.size(), 1u);
  EXPECT_EQ(findings[0].notes[0].message,
            "listen on port 0 and read back the port the kernel chose "
            "(getsockname(), or AddListeningPort's selected_port)");
}

TEST(ProcessGlobalInTestPositive, FixedGrpcListeningPort) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <string>
#include "gtest/gtest.h"
namespace grpc {
class ServerBuilder {
 public:
  ServerBuilder& AddListeningPort(const std::string& address, int* selected = nullptr);
};
}  // namespace grpc
TEST(BridgeTest, Serves) {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("localhost:50051");  // WARN
  builder.AddListeningPort("[::]:50052");  // WARN
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, SetenvInThreadLambda) {
  const std::string code = R"code(
#include <cstdlib>
void StartWorker() {
  std::thread worker([] {
    setenv("WORKER", "1", 1);  // WARN
  });
  worker.join();
}
)code";
  EXPECT_FINDINGS_AT_MARKERS(code, kCheck);
  std::vector<Finding> findings = Lint(code, kCheck);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "'setenv' in code run on a thread started in 'StartWorker' "
            "changes the process's environment, which every test and thread "
            "in the binary shares");
}

TEST(ProcessGlobalInTestPositive, ChdirInAsyncFunction) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <future>
#include <unistd.h>
int Build() {
  return chdir("/src");  // WARN
}
int Run() {
  auto result = std::async(std::launch::async, Build);
  return result.get();
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, TempPathInThreadMethod) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdio>
class Dumper {
 public:
  void Start() { thread_ = std::thread(&Dumper::Run, this); }
  ~Dumper() { thread_.join(); }

 private:
  void Run() {
    std::FILE* f = std::fopen("/dev/shm/dump", "w");  // WARN
    if (f != nullptr) std::fclose(f);
  }
  std::thread thread_;
};
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, ThreadsConstructedInPlace) {
  // emplace_back and make_unique construct the thread from the callable, as
  // std::thread's own constructor does; a thread moved in starts nothing.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
#include <clocale>
#include <memory>
#include <thread>
#include <unistd.h>
#include <vector>
void ExportAll(int n) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([] {
      setenv("TZ", "UTC", 1);  // WARN
    });
  }
  auto watcher = std::make_unique<std::thread>([] {
    setlocale(LC_ALL, "C");  // WARN
  });
  std::thread moved([] {});
  threads.emplace_back(std::move(moved));
  for (std::thread& t : threads) t.join();
  watcher->join();
}
void NotOnAThread() {
  std::vector<int> sizes;
  sizes.emplace_back(chdir("/"));
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestPositive, SetenvInLambdaInsideTest) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
#include "gtest/gtest.h"
TEST(ParallelTest, TwoWriters) {
  auto set = [](const char* value) {
    setenv("MODE", value, 1);  // WARN
  };
  std::thread a(set, "a");
  std::thread b([&] { set("b"); });
  a.join();
  b.join();
}
)code",
                             kCheck);
}

// ------------------------------------------------------------ negative

TEST(ProcessGlobalInTestNegative, MainMayConfigureTheProcess) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <csignal>
#include <cstdlib>
#include <unistd.h>
#include "gtest/gtest.h"
int main(int argc, char** argv) {
  setenv("TZ", "UTC", 1);
  std::signal(SIGPIPE, SIG_IGN);
  chdir("/");
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, OrdinaryCodeNotOnAThread) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
void Daemonize() {
  chdir("/");
  umask(0);
  setenv("DAEMON", "1", 1);
}
std::string DefaultSocket() { return "/tmp/server.sock"; }
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, GetenvOnlyReads) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
#include "gtest/gtest.h"
TEST(EnvTest, ReadsOnly) {
  const char* home = getenv("HOME");
  (void)home;
  std::thread([] { (void)getenv("PATH"); }).join();
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, PathsUnderTempDir) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <fstream>
#include "gtest/gtest.h"
TEST(ConfigLoaderTest, ReadsFile) {
  std::string path = ::testing::TempDir() + "config_loader_test.json";
  std::ofstream out(path);
  out << "{}";
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, PortZero) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string>
#include "gtest/gtest.h"
namespace grpc {
class ServerBuilder {
 public:
  ServerBuilder& AddListeningPort(const std::string& address, int* selected = nullptr);
};
}  // namespace grpc
TEST(ServerTest, BindsAnyPort) {
  sockaddr_in address = {};
  address.sin_port = htons(0);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("localhost:0", &port);
  builder.AddListeningPort("unix:server.sock");
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, PortFromAVariable) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <arpa/inet.h>
#include <netinet/in.h>
#include "gtest/gtest.h"
uint16_t ChosenPort();
TEST(ServerTest, Connects) {
  sockaddr_in address = {};
  address.sin_port = htons(ChosenPort());
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, TempPathsInLogMessagesAndComparisons) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <iostream>
#include <string>
#include "gtest/gtest.h"
std::string Normalize(const std::string& path);
TEST(PathTest, Normalizes) {
  std::cerr << "/tmp/scratch is not used any more\n";
  std::cerr << "writing under /tmp/x\n";
  EXPECT_EQ(Normalize("a/../b"), "/tmp/b");
  if (Normalize("x") == "/tmp/x") std::cerr << "ok\n";
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, PathsThatAreNotTheTempDirectory) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <fstream>
#include "gtest/gtest.h"
TEST(DataTest, ReadsTestdata) {
  std::ifstream a("testdata/tmp/input.txt");
  std::ifstream b("/tmpfs-not-tmp/x");
  std::ifstream c("tmp/x");
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, ProjectFunctionsWithLibcNames) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <map>
#include <string>
#include "gtest/gtest.h"
namespace config {
struct Env {
  std::map<std::string, std::string> values;
  void setenv(const std::string& k, const std::string& v) { values[k] = v; }
};
void signal(int) {}
}  // namespace config
TEST(ConfigTest, UsesItsOwnEnvironment) {
  config::Env env;
  env.setenv("HOME", "/home/test");
  config::signal(1);
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, SetUpOfAClassThatIsNotATest) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
class Installer {
 public:
  void SetUp() { setenv("INSTALLED", "1", 1); }
  void TestBody() { unsetenv("INSTALLED"); }
};
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, ThreadBodiesThatOnlyUseTheirOwnState) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <string>
void Write(const std::string& path);
void Start(const std::string& dir) {
  std::thread([dir] { Write(dir + "/out.txt"); }).join();
  std::thread t([] { std::string p = "relative/tmp/x"; Write(p); });
  t.join();
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, ATestThatPassesSettingsExplicitly) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <string>
#include "gtest/gtest.h"
struct Settings {
  std::string home;
  int port = 0;
};
int Load(const Settings& settings);
TEST(ConfigTest, ExplicitSettings) {
  Settings settings;
  settings.home = ::testing::TempDir();
  settings.port = 0;
  EXPECT_EQ(Load(settings), 0);
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, FreeFunctionsInATestFileAreNotTests) {
  // A helper only a main() would call; the check looks at test bodies and
  // fixture hooks, not at every function in a test file.
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
#include "gtest/gtest.h"
void ConfigureFromEnvironmentForMain() { setenv("A", "1", 1); }
TEST(HelperTest, CallsHelper) { SUCCEED(); }
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, SignalMaskingOnAThreadIsNotAHandler) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <signal.h>
void Start() {
  std::thread([] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    int received = 0;
    sigwait(&set, &received);
  }).join();
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, MkdtempTemplatesAreMadeUnique) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <stdlib.h>
#include "gtest/gtest.h"
TEST(SocketTest, ShortUniqueDirectory) {
  char directory[] = "/tmp/lockstep-engine-XXXXXX";
  ASSERT_NE(mkdtemp(directory), nullptr);
  char file[] = "/tmp/lockstep-XXXXXX.sock";
  (void)file;
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, DeathTestStatementsRunInAChildProcess) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <cstdlib>
#include <unistd.h>
#include "gtest/gtest.h"
void CrashIfMisconfigured();
TEST(ConfigDeathTest, CrashesWithoutHome) {
  EXPECT_DEATH(
      {
        unsetenv("HOME");
        CrashIfMisconfigured();
      },
      "HOME");
  EXPECT_EXIT((chdir("/"), std::exit(1)), ::testing::ExitedWithCode(1), "");
}
)code",
                             kCheck);
}

TEST(ProcessGlobalInTestNegative, StreamLocaleIsLocal) {
  EXPECT_FINDINGS_AT_MARKERS(R"code(
#include <locale>
#include <sstream>
#include "gtest/gtest.h"
TEST(FormatTest, ImbuesItsStream) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << 1.5;
  EXPECT_EQ(out.str(), "1.5");
}
)code",
                             kCheck);
}

}  // namespace
}  // namespace lockstep::lint::testing
