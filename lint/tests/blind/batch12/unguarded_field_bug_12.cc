// An echo server on gRPC's asynchronous generic API. Each call is a CallData
// state machine driven by tags from the completion queue; several threads
// poll the queue, so calls finish concurrently and report to the server.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

namespace echo {

class EchoServer;

class CallData {
 public:
  CallData(EchoServer* server, grpc::AsyncGenericService* service, grpc::ServerCompletionQueue* cq);
  void Proceed(bool ok);

 private:
  enum class State { kCreate, kRequest, kRead, kWrite, kFinish };

  EchoServer* const server_;
  grpc::AsyncGenericService* const service_;
  grpc::ServerCompletionQueue* const cq_;
  grpc::GenericServerContext ctx_;
  grpc::GenericServerAsyncReaderWriter stream_;
  grpc::ByteBuffer request_;
  State state_ = State::kCreate;
};

class EchoServer {
 public:
  struct Stats {
    uint64_t completed;
    size_t active;
  };

  void Start(const std::string& address, int num_threads) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort(address, grpc::InsecureServerCredentials());
    builder.RegisterAsyncGenericService(&service_);
    cq_ = builder.AddCompletionQueue();
    server_ = builder.BuildAndStart();
    new CallData(this, &service_, cq_.get());
    for (int i = 0; i < num_threads; ++i) {
      workers_.emplace_back([this] { HandleRpcs(); });
    }
  }

  void Shutdown() {
    server_->Shutdown();
    cq_->Shutdown();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

  void OnCallStarted(CallData* call) {
    std::lock_guard<std::mutex> lock(mu_);
    active_calls_.insert(call);
  }

  void OnCallDone(CallData* call) {
    std::unique_lock<std::mutex> lock(mu_);
    active_calls_.erase(call);
    std::function<void()> done;
    if (active_calls_.empty()) done = std::move(drain_done_);
    lock.unlock();
    delete call;
    ++completed_;  // EXPECT: concurrency-unguarded-field
    if (done) done();
  }

  // Calls |done| once no call is in flight.
  void Drain(std::function<void()> done) {
    std::lock_guard<std::mutex> lock(mu_);
    drain_done_ = std::move(done);
  }

  Stats GetStats() {
    std::lock_guard<std::mutex> lock(mu_);
    return Stats{completed_, active_calls_.size()};
  }

  void ResetStats() {
    std::lock_guard<std::mutex> lock(mu_);
    completed_ = 0;
  }

 private:
  void HandleRpcs() {
    void* tag;
    bool ok;
    while (cq_->Next(&tag, &ok)) {
      static_cast<CallData*>(tag)->Proceed(ok);
    }
  }

  grpc::AsyncGenericService service_;
  std::unique_ptr<grpc::ServerCompletionQueue> cq_;
  std::unique_ptr<grpc::Server> server_;
  std::vector<std::thread> workers_;

  std::mutex mu_;
  std::set<CallData*> active_calls_;
  std::function<void()> drain_done_;
  uint64_t completed_ = 0;
};

CallData::CallData(EchoServer* server, grpc::AsyncGenericService* service,
                   grpc::ServerCompletionQueue* cq)
    : server_(server), service_(service), cq_(cq), stream_(&ctx_) {
  Proceed(true);
}

void CallData::Proceed(bool ok) {
  switch (state_) {
    case State::kCreate:
      state_ = State::kRequest;
      service_->RequestCall(&ctx_, &stream_, cq_, cq_, this);
      break;
    case State::kRequest:
      if (!ok) {
        delete this;
        return;
      }
      server_->OnCallStarted(this);
      new CallData(server_, service_, cq_);
      state_ = State::kRead;
      stream_.Read(&request_, this);
      break;
    case State::kRead:
      if (!ok) {
        state_ = State::kFinish;
        stream_.Finish(grpc::Status::OK, this);
        break;
      }
      state_ = State::kWrite;
      stream_.Write(request_, this);
      break;
    case State::kWrite:
      state_ = State::kRead;
      stream_.Read(&request_, this);
      break;
    case State::kFinish:
      server_->OnCallDone(this);
      break;
  }
}

}  // namespace echo
