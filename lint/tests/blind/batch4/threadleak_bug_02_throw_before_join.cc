// Loads a service's configuration bundle. The TLS material is decoded on a
// helper thread while the routing table is parsed.

#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace config {

struct TlsMaterial {
  std::string certificate_chain;
  std::string private_key;
};

struct RouteTable {
  std::map<std::string, std::string> prefix_to_cluster;
};

struct Bundle {
  TlsMaterial tls;
  RouteTable routes;
};

TlsMaterial DecodeTls(const std::string& pem);

static RouteTable ParseRoutes(const std::vector<std::string>& lines) {
  RouteTable table;
  for (const std::string& line : lines) {
    const size_t eq = line.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw std::invalid_argument("malformed route line: " + line);
    }
    table.prefix_to_cluster[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return table;
}

Bundle LoadBundle(const std::string& pem, const std::vector<std::string>& route_lines) {
  TlsMaterial tls;
  std::thread tls_decoder([&tls, &pem] { tls = DecodeTls(pem); });  // EXPECT: concurrency-thread-leak

  if (route_lines.empty()) {
    throw std::invalid_argument("configuration bundle has no routes");
  }
  Bundle bundle;
  bundle.routes = ParseRoutes(route_lines);

  tls_decoder.join();
  bundle.tls = std::move(tls);
  return bundle;
}

}  // namespace config
