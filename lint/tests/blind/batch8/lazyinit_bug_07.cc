/*
    Parallel mesh simplification. Each batch of meshes is simplified by a
    task of a tbb::task_group; all tasks share the quadric error lookup table,
    which is built by whichever task needs it first.
*/

#include "tbb/task_group.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace meshopt {

struct mesh {
    std::vector<float> positions;
    std::vector<unsigned> indices;
};

class quadric_table {
public:
    explicit quadric_table(std::size_t size) : my_weights(size, 1.0f) {}
    float weight(std::size_t i) const { return my_weights[i % my_weights.size()]; }

private:
    std::vector<float> my_weights;
};

class batch_simplifier {
public:
    explicit batch_simplifier(float target_ratio) : my_target_ratio(target_ratio) {}

    void simplify_all(std::vector<mesh>& meshes, std::size_t batch_size) {
        tbb::task_group group;
        mesh* const data = meshes.data();
        for (std::size_t first = 0; first < meshes.size(); first += batch_size) {
            const std::size_t last = first + batch_size < meshes.size() ? first + batch_size : meshes.size();
            group.run([this, data, first, last] {
                if (!my_table) { // EXPECT: concurrency-lazy-init-race
                    my_table = std::make_unique<quadric_table>(4096);
                }
                for (std::size_t i = first; i < last; ++i)
                    simplify(data[i], *my_table);
            });
        }
        group.wait();
    }

private:
    void simplify(mesh& m, const quadric_table& table) const {
        const std::size_t keep = std::size_t(float(m.indices.size() / 3) * my_target_ratio) * 3;
        for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
            if (table.weight(m.indices[i]) < 0.0f) break;
        }
        if (keep < m.indices.size()) m.indices.resize(keep);
    }

    const float my_target_ratio;
    std::unique_ptr<quadric_table> my_table;
};

} // namespace meshopt

void simplify_scene(std::vector<meshopt::mesh>& meshes) {
    meshopt::batch_simplifier s(0.5f);
    s.simplify_all(meshes, 16);
}
