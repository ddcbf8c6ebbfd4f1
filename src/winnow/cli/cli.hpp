// cli: the command layer. One file per command registers its options (CLI11) and turns the
// library's results into output, messages on stderr and exit statuses.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace winnow::cli {

// Parses the command line and runs the command; returns the process's exit status. An exception
// that escapes a command (a bug, or std::bad_alloc on a huge page) ends it with one line naming
// the input being processed, and k_exit_internal (70).
int run(int argc, char** argv);

// The input a command is working on, named by run() if an exception escapes: set for a scope,
// the previous one restored after it, unless the scope ends by an exception (then the name stays
// for run() to print). Commands run on one thread; worker threads catch their own exceptions.
class CurrentInput {
public:
    explicit CurrentInput(std::string name);
    ~CurrentInput();
    CurrentInput(const CurrentInput&) = delete;
    CurrentInput& operator=(const CurrentInput&) = delete;

    // Names another input for the rest of the scope (the next item of a batch).
    void update(std::string name);

    // The innermost input set, or "" when none is.
    static const std::string& name();

private:
    std::string m_previous;
    int m_exceptions;  // std::uncaught_exceptions() when the scope began
};

// Each command adds its subcommand to the app; when the subcommand is chosen, its callback
// stores the command's exit status in `status`.
void add_clean_command(CLI::App& app, int& status);
void add_run_command(CLI::App& app, int& status);
void add_fetch_command(CLI::App& app, int& status);
void add_fixtures_command(CLI::App& app, int& status);
void add_profiles_command(CLI::App& app, int& status);
void add_state_command(CLI::App& app, int& status);

}  // namespace winnow::cli
