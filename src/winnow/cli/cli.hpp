// cli: the command layer. One file per command registers its options (CLI11) and turns the
// library's results into output, messages on stderr and exit statuses.
#pragma once

namespace CLI {
class App;
}

namespace winnow::cli {

// Parses the command line and runs the command; returns the process's exit status.
int run(int argc, char** argv);

// Each command adds its subcommand to the app; when the subcommand is chosen, its callback
// stores the command's exit status in `status`.
void add_clean_command(CLI::App& app, int& status);
void add_run_command(CLI::App& app, int& status);
void add_fetch_command(CLI::App& app, int& status);
void add_fixtures_command(CLI::App& app, int& status);
void add_profiles_command(CLI::App& app, int& status);

}  // namespace winnow::cli
