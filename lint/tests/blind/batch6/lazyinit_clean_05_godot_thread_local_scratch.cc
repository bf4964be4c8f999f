// Godot-style mesh simplifier: each worker thread lazily allocates its own
// scratch buffers in a thread_local, the shared quadric cache is built in a
// helper that only the constructor calls, and the per-call SimplifyPass
// object (created and used by one task) has no synchronization at all.
#include <memory>
#include <thread>
#include <vector>

#include "mock/godot_os.h"

struct Scratch {
  std::vector<float> quadrics;
  std::vector<int> collapse_order;
};

class SimplifyPass {
 public:
  explicit SimplifyPass(const std::vector<float>& vertices) : vertices(vertices) {}
  const std::vector<int>& order() {
    if (!order_built) {
      for (size_t i = 0; i < vertices.size(); ++i) order_cache.push_back(static_cast<int>(i));
      order_built = true;
    }
    return order_cache;
  }

 private:
  const std::vector<float>& vertices;
  std::vector<int> order_cache;
  bool order_built = false;
};

class MeshSimplifier {
 public:
  explicit MeshSimplifier(int p_lod_levels) : lod_levels(p_lod_levels) { _build_error_table(); }

  int simplify(const std::vector<float>& p_vertices) {
    thread_local std::unique_ptr<Scratch> scratch;
    if (!scratch) scratch = std::make_unique<Scratch>();
    scratch->quadrics.assign(p_vertices.size(), 0.0f);
    SimplifyPass pass(p_vertices);
    int collapsed = static_cast<int>(pass.order().size()) / lod_levels;
    MutexLock lock(stats_mutex);
    total_collapsed += collapsed;
    return collapsed;
  }

  int get_total_collapsed() const {
    MutexLock lock(stats_mutex);
    return total_collapsed;
  }

 private:
  void _build_error_table() {
    if (error_table == nullptr) error_table = std::make_unique<std::vector<float>>(256, 0.0f);
    for (size_t i = 0; i < error_table->size(); ++i) (*error_table)[i] = 1.0f / (1.0f + i);
  }

  const int lod_levels;
  std::unique_ptr<std::vector<float>> error_table;
  Mutex stats_mutex;
  int total_collapsed = 0;
};

int simplify_all(MeshSimplifier* p_simplifier, const std::vector<std::vector<float>>& p_meshes) {
  std::vector<std::thread> workers;
  for (const std::vector<float>& mesh : p_meshes) {
    const std::vector<float>* m = &mesh;
    workers.emplace_back([p_simplifier, m] { p_simplifier->simplify(*m); });
  }
  for (std::thread& t : workers) t.join();
  return p_simplifier->get_total_collapsed();
}
