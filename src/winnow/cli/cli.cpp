#include "winnow/cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <new>

#include "winnow/cli/exit_status.hpp"

namespace winnow::cli {
namespace {

// What the commands are working on (CurrentInput); the commands run on the main thread.
std::string g_current_input;

// The one line for an exception that escaped a command: where, and what.
int report_internal_error(std::string_view what) {
    std::cout.flush();
    std::cerr << "winnow: " << (g_current_input.empty() ? "" : g_current_input + ": ") << "internal error: " << what
              << "\n";
    return k_exit_internal;
}

}  // namespace

CurrentInput::CurrentInput(std::string name)
    : m_previous(std::move(g_current_input)), m_exceptions(std::uncaught_exceptions()) {
    g_current_input = std::move(name);
}

CurrentInput::~CurrentInput() {
    if (std::uncaught_exceptions() > m_exceptions) return;  // unwinding: run() names this input
    g_current_input = std::move(m_previous);
}

void CurrentInput::update(std::string name) { g_current_input = std::move(name); }

const std::string& CurrentInput::name() { return g_current_input; }

int run(int argc, char** argv) {
    CLI::App app{"winnow: turns web pages into clean article text", "winnow"};
    app.set_version_flag("--version", "winnow " WINNOW_VERSION);
    app.require_subcommand(1);
    app.fallthrough(false);
    int status = k_exit_ok;
    add_clean_command(app, status);
    add_run_command(app, status);
    add_fetch_command(app, status);
    add_fixtures_command(app, status);
    add_profiles_command(app, status);
    add_state_command(app, status);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "winnow: " << e.what() << "\n(run 'winnow --help' or 'winnow COMMAND --help')\n";
        return k_exit_usage;
    } catch (const std::bad_alloc&) {
        return report_internal_error("out of memory (std::bad_alloc)");
    } catch (const std::exception& e) {
        return report_internal_error(e.what());
    } catch (...) {
        return report_internal_error("an unknown exception");
    }
    return status;
}

}  // namespace winnow::cli
