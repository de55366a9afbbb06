// Status: the result of an operation that can fail on bad input.
//
// Bad input is expected (broken files, malformed gazetteer lines), so it is
// reported as a value rather than thrown. A failed status carries a plain
// message that already names the file and, where known, the line:
//
//   Status s = LoadGazetteer("extra.tsv", &gaz);
//   if (!s.ok()) std::cerr << "kgx: " << s.message() << "\n";
//
// Thread safety: a Status is a value; copies are independent.
#ifndef KGX_BASE_STATUS_H_
#define KGX_BASE_STATUS_H_

#include <string>
#include <utility>

namespace kgx {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message)
      : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace kgx

#endif  // KGX_BASE_STATUS_H_
