// The kgx command line: subcommand dispatch and flags only; the work is in
// the libraries (extract/, graph/, export/).
//
//   int main(int argc, char** argv) { return kgx::RunCli(argc, argv); }
//
// Exit codes: 0 every input read; 1 some inputs skipped (each named on
// stderr); 2 usage error or a fatal error (bad gazetteer, output unwritable).
#ifndef KGX_TOOLS_CLI_H_
#define KGX_TOOLS_CLI_H_

namespace kgx {

int RunCli(int argc, char** argv);

}  // namespace kgx

#endif  // KGX_TOOLS_CLI_H_
