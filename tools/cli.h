// The kgx command line: subcommand dispatch and flags only; the work is in
// the libraries (extract/, graph/, export/).
//
//   int main(int argc, char** argv) { return kgx::RunCli(argc, argv); }
//
// Exit codes: 0 every input read; 1 some inputs skipped (each named on
// stderr); 2 usage error or a fatal error (a missing PATH, bad gazetteer,
// output unwritable, a failed write, no document read), and then no output
// is changed: outputs are staged before any input is read and renamed as a
// set at the end (export/output_set.h).
//
// The command line is tables (tools/cli.cc): output formats (extension and
// writer), options (spellings, the commands that take them, help, setter)
// and commands (usage, summary, handler); help and parsing read them.
#ifndef KGX_TOOLS_CLI_H_
#define KGX_TOOLS_CLI_H_

namespace kgx {

int RunCli(int argc, char** argv);

}  // namespace kgx

#endif  // KGX_TOOLS_CLI_H_
