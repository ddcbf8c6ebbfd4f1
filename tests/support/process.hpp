// Test support: runs a program (usually the winnow binary) with arguments and optional
// standard input, and collects its exit status, standard output and standard error.
#pragma once

#include <string>
#include <vector>

namespace winnow::test {

struct ProcessResult {
    int status = -1;  // exit status, or 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

// Runs the winnow binary built with the tests.
ProcessResult run_winnow(const std::vector<std::string>& args, const std::string& input = {});

// A fresh, empty temporary folder, removed when the object goes away.
class TemporaryFolder {
public:
    TemporaryFolder();
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

}  // namespace winnow::test
