#include "winnow/cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "winnow/cli/exit_status.hpp"

namespace winnow::cli {

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
    }
    return status;
}

}  // namespace winnow::cli
