#include <catch2/catch.hpp>

#include "winnow/cli/exit_status.hpp"

using namespace winnow::cli;
using winnow::ErrorKind;

TEST_CASE("exit statuses: one mapping from error kinds, as the README's table has it", "[cli][exit]") {
    CHECK(exit_status_for(ErrorKind::usage) == 2);
    CHECK(exit_status_for(ErrorKind::config) == 2);
    CHECK(exit_status_for(ErrorKind::not_found) == 1);
    CHECK(exit_status_for(ErrorKind::io) == 1);  // e.g. an output file that cannot be written: not a usage error
    CHECK(exit_status_for(ErrorKind::bad_input) == 1);
    CHECK(exit_status_for(ErrorKind::too_large) == 1);
    CHECK(exit_status_for(ErrorKind::network) == 1);
    CHECK(exit_status_for(ErrorKind::busy) == 3);
    CHECK(exit_status_for(ErrorKind::state) == 4);  // a state file that cannot be used: its own status, not 2
    CHECK(exit_status_for(ErrorKind::interrupted) == 130);
    CHECK(exit_status_for(ErrorKind::internal) == 70);
    CHECK(exit_status_for(winnow::Error{ErrorKind::io, "x: cannot write"}) == k_exit_some_failed);
}
