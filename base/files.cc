#include "base/files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace kgx {

bool ListDirectory(const std::string& dir, const std::string& suffix,
                   std::vector<std::string>* names) {
  namespace fs = std::filesystem;
  names->clear();
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) return false;
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      names->push_back(std::move(name));
  }
  if (ec) {
    names->clear();
    return false;
  }
  std::sort(names->begin(), names->end());
  return true;
}

}  // namespace kgx
