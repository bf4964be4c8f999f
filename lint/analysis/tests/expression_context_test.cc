// ExpressionContext: where a field access or a lambda sits in real parsed
// code, and what that makes it (a write, a dereference, an escape, a
// deferred closure).
#include "lint/analysis/expression_context.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/analysis/tests/parsed_code.h"

namespace lockstep::lint::testing {
namespace {

constexpr char kFields[] = R"code(
struct Point { int x = 0; };
void TakeRef(int& n);
void TakeConstRef(const int& n);
class Getters {
 public:
  int* Raw() { return raw_; }
  int* Owned() { return owned_.get(); }
  int Count() { return Raw() == nullptr ? 0 : static_cast<int>(v_.size()); }
  void Bump() { ++count_; }
  int* Data() { return v_.data(); }
  int& Value() { return count_; }
  virtual int Virtual() { return count_; }
 private:
  int* raw_ = nullptr;
  std::unique_ptr<int> owned_;
  std::vector<int> v_;
  int count_ = 0;
};
class Fields {
 public:
  void Writes() {
    a_ = 1;
    ++b_;
    c_.push_back(1);
    TakeRef(d_);
    int* p = &e_;
    std::vector<int> moved = std::move(f_);
  }
  int Reads() const {
    TakeConstRef(a_);
    int n = a_ + 1;
    return n + static_cast<int>(c_.size());
  }
  void Pointers() {
    *ptr_ = 1;
    point_->x = 2;
    ptr_[1] = 3;
    *owned_ = 4;
    int* copy = ptr_;
  }
  void ReadOnlyCalls() {
    int n = getters_.Raw() != nullptr ? *getters_.Owned() : 0;
    n += getters_.Count();
  }
  void MutatingCalls() {
    getters_.Bump();
    *getters_.Data() = 1;
    getters_.Value() = 2;
    getters_.Virtual();
  }
  int& Ref() { return a_; }
  int* Ptr() { return &a_; }
  int Value() { return a_; }
 private:
  int a_ = 0, b_ = 0, d_ = 0, e_ = 0;
  std::vector<int> c_, f_;
  int* ptr_ = nullptr;
  Point* point_ = nullptr;
  std::unique_ptr<int> owned_;
  Getters getters_;
};
)code";

class ExpressionContextTest : public ::testing::Test {
 protected:
  ExpressionContextTest() : code_(kFields) {}

  // The first access to `field` in `function`, and the context of its body.
  const clang::MemberExpr* Use(const std::string& function,
                               const std::string& field, size_t index = 0) {
    std::vector<const clang::MemberExpr*> uses =
        code_.Uses(code_.Function(function), field);
    EXPECT_GT(uses.size(), index) << function << " " << field;
    return uses.size() > index ? uses[index] : nullptr;
  }
  const ExpressionContext& Context(const std::string& function) {
    return contexts_.Of(code_.Function(function));
  }

  ParsedCode code_;
  ExpressionContexts contexts_;
};

TEST_F(ExpressionContextTest, ParsesTheSnippet) {
  ASSERT_EQ(code_.errors(), 0u);
  EXPECT_EQ(&Context("Fields::Writes"), &Context("Fields::Writes"));  // cached
}

TEST_F(ExpressionContextTest, Writes) {
  const ExpressionContext& writes = Context("Fields::Writes");
  for (const char* field : {"a_", "b_", "c_", "d_", "e_", "f_"}) {
    EXPECT_TRUE(writes.IsWrite(Use("Fields::Writes", field))) << field;
  }
}

TEST_F(ExpressionContextTest, Reads) {
  const ExpressionContext& reads = Context("Fields::Reads");
  EXPECT_FALSE(reads.IsWrite(Use("Fields::Reads", "a_", 0)));  // const ref
  EXPECT_FALSE(reads.IsWrite(Use("Fields::Reads", "a_", 1)));  // a_ + 1
  EXPECT_FALSE(reads.IsWrite(Use("Fields::Reads", "c_")));     // size()
}

// A non-const method that changes nothing of its object reads it
// (read_only_method.h); one that bumps, hands out or may be overridden writes.
TEST_F(ExpressionContextTest, NonConstCallsThatChangeNothingRead) {
  const ExpressionContext& reads = Context("Fields::ReadOnlyCalls");
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_FALSE(reads.IsWrite(Use("Fields::ReadOnlyCalls", "getters_", i)))
        << "call " << i;
  }
  const ExpressionContext& writes = Context("Fields::MutatingCalls");
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_TRUE(writes.IsWrite(Use("Fields::MutatingCalls", "getters_", i)))
        << "call " << i;
  }
}

TEST_F(ExpressionContextTest, Dereferences) {
  const ExpressionContext& pointers = Context("Fields::Pointers");
  EXPECT_TRUE(pointers.IsDereference(Use("Fields::Pointers", "ptr_", 0)));
  EXPECT_TRUE(pointers.IsDereference(Use("Fields::Pointers", "point_")));
  EXPECT_TRUE(pointers.IsDereference(Use("Fields::Pointers", "ptr_", 1)));
  EXPECT_TRUE(pointers.IsDereference(Use("Fields::Pointers", "owned_")));
  EXPECT_FALSE(pointers.IsDereference(Use("Fields::Pointers", "ptr_", 2)));
  // Writing through a pointer writes the pointee, not the pointer.
  EXPECT_FALSE(pointers.IsWrite(Use("Fields::Pointers", "ptr_", 1)));
}

TEST_F(ExpressionContextTest, EscapesByReturn) {
  const clang::FunctionDecl* ref = code_.Function("Fields::Ref");
  const clang::FunctionDecl* ptr = code_.Function("Fields::Ptr");
  const clang::FunctionDecl* value = code_.Function("Fields::Value");
  EXPECT_TRUE(
      Context("Fields::Ref").EscapesByReturn(Use("Fields::Ref", "a_"), ref));
  EXPECT_TRUE(
      Context("Fields::Ptr").EscapesByReturn(Use("Fields::Ptr", "a_"), ptr));
  EXPECT_FALSE(Context("Fields::Value")
                   .EscapesByReturn(Use("Fields::Value", "a_"), value));
}

TEST_F(ExpressionContextTest, ParentsStayInsideTheBody) {
  const clang::MemberExpr* assigned = Use("Fields::Writes", "a_");
  const ExpressionContext& writes = Context("Fields::Writes");
  const auto* assignment =
      llvm::dyn_cast_or_null<clang::BinaryOperator>(writes.Parent(assigned));
  ASSERT_NE(assignment, nullptr);
  EXPECT_EQ(assignment->getLHS(), assigned);
  const clang::Stmt* body = code_.Function("Fields::Writes")->getBody();
  EXPECT_EQ(writes.Parent(assignment), body);
  EXPECT_EQ(writes.Parent(body), nullptr);
  // Statements of other functions are not indexed.
  EXPECT_EQ(writes.Parent(Use("Fields::Reads", "c_")), nullptr);
}

TEST(ExpressionContextDeferral, WhereLambdasRun) {
  ParsedCode code(R"code(
void Visit(const std::function<void()>& visitor);
class Loop {
 public:
  void Start() {
    std::thread([this] { Tick(); }).detach();
    auto done = std::async(std::launch::async, [this] { Tick(); });
    callback_ = [this] { Tick(); };
    RegisterCallback([this] { Tick(); });
    Visit([this] { Tick(); });
    [this] { Tick(); }();
    std::vector<int> v;
    std::for_each(v.begin(), v.end(), [this](int) { Tick(); });
  }
  void RegisterCallback(std::function<void()> callback);
  void Tick() {}
 private:
  std::function<void()> callback_;
};
)code");
  ASSERT_EQ(code.errors(), 0u);
  const clang::FunctionDecl* start = code.Function("Loop::Start");
  ExpressionContext expressions(start->getBody());
  std::vector<const clang::LambdaExpr*> lambdas = code.Lambdas(start);
  ASSERT_EQ(lambdas.size(), 7u);
  std::vector<LambdaDeferral> expected = {
      LambdaDeferral::kRunsElsewhere, LambdaDeferral::kRunsElsewhere,
      LambdaDeferral::kRunsElsewhere, LambdaDeferral::kRunsElsewhere,
      LambdaDeferral::kMayBeKept,     LambdaDeferral::kRunsInPlace,
      LambdaDeferral::kRunsInPlace};
  for (size_t i = 0; i < lambdas.size(); ++i) {
    EXPECT_EQ(expressions.DeferralOf(lambdas[i]), expected[i])
        << "lambda " << i;
    EXPECT_EQ(expressions.IsDeferredLambda(lambdas[i]),
              expected[i] != LambdaDeferral::kRunsInPlace)
        << "lambda " << i;
  }
}

TEST(ExpressionContextDeferral, DeferringFunctionNames) {
  EXPECT_TRUE(IsDeferringFunctionName("Schedule"));
  EXPECT_TRUE(IsDeferringFunctionName("async"));
  EXPECT_FALSE(IsDeferringFunctionName("for_each"));
  EXPECT_FALSE(IsDeferringFunctionName("Run"));
}

TEST(StripWrappers, SeesThroughCastsTemporariesAndCopies) {
  ParsedCode code(R"code(
void Use() {
  auto lambda = [] {};
  auto copy = (lambda);
  const auto& bound = std::string("x");
}
)code");
  ASSERT_EQ(code.errors(), 0u);
  const clang::FunctionDecl* use = code.Function("Use");
  std::vector<const clang::VarDecl*> vars;
  ForEachStmt(use->getBody(), [&](const clang::Stmt* stmt) {
    if (const auto* decl = llvm::dyn_cast<clang::DeclStmt>(stmt)) {
      vars.push_back(llvm::cast<clang::VarDecl>(decl->getSingleDecl()));
    }
  });
  ASSERT_EQ(vars.size(), 3u);
  // A copy of `lambda`, in parentheses, is `lambda`.
  const auto* ref =
      llvm::dyn_cast<clang::DeclRefExpr>(StripWrappers(vars[1]->getInit()));
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(ref->getDecl(), vars[0]);
  // A temporary bound to a reference is the expression that makes it.
  const clang::Expr* made = StripWrappers(vars[2]->getInit());
  EXPECT_TRUE(llvm::isa<clang::CXXConstructExpr>(made) ||
              llvm::isa<clang::CallExpr>(made))
      << made->getStmtClassName();
  EXPECT_EQ(StripWrappers(nullptr), nullptr);
}

}  // namespace
}  // namespace lockstep::lint::testing
