#include "tools/cli.h"

int main(int argc, char** argv) { return kgx::RunCli(argc, argv); }
