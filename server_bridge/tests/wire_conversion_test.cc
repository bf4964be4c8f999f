#include "server_bridge/server/wire_conversion.h"

#include "gtest/gtest.h"
#include "server_bridge/protocol/wire.h"

namespace lockstep::server {
namespace {

TEST(WireConversionTest, DefaultsFillUnsetSettings) {
  engine::Settings settings = FromWire(engine::v1::Settings());
  EXPECT_EQ(settings.test_cases, 100u);
  EXPECT_EQ(settings.database, ".lockstep/examples");
  EXPECT_EQ(settings.max_choices, 8192u);
  EXPECT_EQ(settings.shrink_budget.max_calls, 5000u);
  EXPECT_FALSE(settings.seed.has_value());
}

TEST(WireConversionTest, SettingsAreCarriedOver) {
  engine::v1::Settings wire;
  wire.set_test_cases(7);
  wire.set_has_seed(true);
  wire.set_seed(99);
  wire.set_no_database(true);
  wire.set_no_shrink(true);
  wire.add_suppress_health_check("too_slow");
  engine::Settings settings = FromWire(wire);
  EXPECT_EQ(settings.test_cases, 7u);
  EXPECT_EQ(settings.seed, 99u);
  EXPECT_EQ(settings.database, "");
  EXPECT_FALSE(settings.shrink);
  EXPECT_EQ(settings.suppressed_health_checks.count("too_slow"), 1u);
}

TEST(WireConversionTest, RunResultsAreValidated) {
  engine::v1::RunResult result;
  EXPECT_EQ(protocol::OutcomeFromWire(result, 10).status().message(),
            "run result has no valid status (0)");
  result.set_status(engine::v1::STATUS_VALID);
  result.add_choices()->mutable_boolean()->set_p(0.5);
  auto* span = result.add_spans();
  span->set_start(0);
  span->set_end(2);
  EXPECT_EQ(protocol::OutcomeFromWire(result, 10).status().message(),
            "span [0, 2) is outside the 1 choices");
  span->set_end(1);
  absl::StatusOr<protocol::Outcome> outcome =
      protocol::OutcomeFromWire(result, 10);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->choices.size(), 1u);
  result.add_choices();  // no kind
  EXPECT_EQ(protocol::OutcomeFromWire(result, 10).status().message(),
            "choice 1: choice has no kind");
}

TEST(WireConversionTest, ASingleCaseMayNotBeAnsweredLikeABatch) {
  engine::v1::RunResult result;
  result.set_status(engine::v1::STATUS_VALID);
  result.set_summarized(true);
  result.set_digest(7);
  EXPECT_EQ(
      protocol::OutcomeFromWire(result, 10).status().message(),
      "a single case was answered like a batch (summarized, or with runs)");
  EXPECT_TRUE(protocol::OutcomeFromWire(result, 10, /*in_batch=*/true).ok());
  engine::v1::RunResult with_runs;
  with_runs.set_status(engine::v1::STATUS_VALID);
  with_runs.add_runs()->set_status(engine::v1::STATUS_VALID);
  EXPECT_FALSE(protocol::OutcomeFromWire(with_runs, 10).ok());
}

}  // namespace
}  // namespace lockstep::server
