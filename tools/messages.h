// What kgx says on stderr: one line per message, with every byte a terminal
// could act on escaped, since file names and record fields come from
// whoever wrote the input.
//
//   kgx::Error("cannot read '" + path + "'");   // "kgx: cannot read '...'"
//   kgx::Warning(path + ": invalid UTF-8");     // "kgx: warning: ..." unless quiet
//   kgx::Counted(1, "input")                    // "1 input"; Counted(2, "input"): "2 inputs"
//
// Thread safety: call from one thread (the messages of workers are collected
// and printed in input order by the caller).
#ifndef KGX_TOOLS_MESSAGES_H_
#define KGX_TOOLS_MESSAGES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kgx {

// `text` with C0 and C1 control characters, DEL, bidirectional controls
// (U+202A-U+202E, U+2066-U+2069) and bytes that are not UTF-8 written as
// \xNN or \uNNNN, and a backslash as \\, so a name cannot move the cursor,
// recolour or reorder the terminal, nor pass for an escape it is not.
std::string EscapeForTerminal(std::string_view text);

// When true, Note() and Warning() print nothing; errors always print.
void SetQuiet(bool quiet);

void Error(const std::string& message);    // "kgx: MESSAGE"
void Warning(const std::string& message);  // "kgx: warning: MESSAGE"
void Note(const std::string& message);     // "kgx: note: MESSAGE"
void Info(const std::string& message);     // "kgx: MESSAGE", unless quiet

// "N WORD" with WORD in the plural ("+s", or `plural`) unless N is 1.
std::string Counted(size_t n, const std::string& word, const std::string& plural = "");

}  // namespace kgx

#endif  // KGX_TOOLS_MESSAGES_H_
