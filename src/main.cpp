#include "winnow/cli/cli.hpp"

int main(int argc, char** argv) { return winnow::cli::run(argc, argv); }
