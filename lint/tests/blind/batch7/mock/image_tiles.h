// Stand-in for an image viewer's tile codec. Declarations only.
#ifndef BATCH7_MOCK_IMAGE_TILES_H_
#define BATCH7_MOCK_IMAGE_TILES_H_

#include <cstddef>
#include <cstdint>

namespace viewer {

struct Tile {
  const uint8_t* compressed;
  size_t compressed_size;
  uint8_t* pixels;
};

struct HuffmanTables {
  uint16_t codes[4][256];
  uint8_t lengths[4][256];
};

HuffmanTables* BuildHuffmanTables();
bool DecodeTile(const Tile& tile, const HuffmanTables& tables);

}  // namespace viewer

#endif  // BATCH7_MOCK_IMAGE_TILES_H_
