// Ray style instrumented_io_context (stand-in; an asio io_context with named handlers).
#ifndef RAY_COMMON_ASIO_INSTRUMENTED_IO_CONTEXT_H
#define RAY_COMMON_ASIO_INSTRUMENTED_IO_CONTEXT_H

#include <cstdint>
#include <functional>
#include <string>

class instrumented_io_context {
 public:
  instrumented_io_context();
  ~instrumented_io_context();

  // Queues the handler to run on the thread that runs this context.
  void post(std::function<void()> handler, const std::string name, int64_t delay_us = 0);
  // Runs the handler now if called from the context's thread, else posts it.
  void dispatch(std::function<void()> handler, const std::string name);

  void run();
  void stop();
  bool stopped() const;
};

#endif  // RAY_COMMON_ASIO_INSTRUMENTED_IO_CONTEXT_H
