#include "support/test_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace winnow::test {
namespace {

namespace fs = std::filesystem;

// How long the server may take to print its ports (Python starts in well under a second).
constexpr int k_start_timeout_ms = 15'000;

fs::path make_temp_dir() {
    std::string pattern = (fs::temp_directory_path() / "winnow-test-server-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
    return pattern;
}

std::string read_line(int fd) {
    std::string line;
    char c = 0;
    while (true) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, k_start_timeout_ms) <= 0) throw std::runtime_error("the test server did not start in time");
        ssize_t n = ::read(fd, &c, 1);
        if (n <= 0) throw std::runtime_error("the test server exited before printing its ports");
        if (c == '\n') return line;
        line += c;
    }
}

}  // namespace

fs::path test_server_script() { return fs::path(WINNOW_TESTS_DIR) / "server" / "winnow_test_server.py"; }

TestServer::TestServer(TestServerOptions options) : m_dir(make_temp_dir()), m_log(m_dir / "requests.jsonl") {
    std::vector<std::string> args = {WINNOW_PYTHON, test_server_script().string(), "--ports", std::to_string(options.ports),
                                     "--log", m_log.string(), "--files",
                                     (options.files_dir.empty() ? m_dir : options.files_dir).string()};
    if (!options.robots_file.empty()) args.insert(args.end(), {"--robots", options.robots_file});
    if (options.robots_status) args.insert(args.end(), {"--robots-status", std::to_string(options.robots_status)});
    if (options.robots_delay > 0) args.insert(args.end(), {"--robots-delay", std::to_string(options.robots_delay)});

    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    m_stdin = in[1];
    std::string line;
    try {
        line = read_line(out[0]);
    } catch (...) {
        ::close(out[0]);
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
        throw;
    }
    ::close(out[0]);
    std::istringstream words(line);
    std::string label;
    words >> label;
    for (int port = 0; words >> port;) m_ports.push_back(port);
    if (label != "PORTS" || m_ports.size() != static_cast<std::size_t>(options.ports))
        throw std::runtime_error("unexpected first line from the test server: " + line);
}

TestServer::~TestServer() {
    if (m_stdin >= 0) ::close(m_stdin);
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
    }
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

std::string TestServer::url(std::string_view path, std::size_t port_index) const {
    return "http://127.0.0.1:" + std::to_string(port(port_index)) + std::string(path);
}

std::vector<LoggedRequest> TestServer::log() const {
    std::vector<LoggedRequest> entries;
    std::ifstream in(m_log);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) continue;  // a line being written right now
        LoggedRequest r;
        r.time = j.value("time", 0.0);
        r.kernel_time = j.value("time_source", "") == "kernel";
        r.port = j.value("port", 0);
        r.client_port = j.value("client_port", 0);
        r.path = j.value("path", "");
        const auto& h = j["headers"];
        r.user_agent = h.value("User-Agent", "");
        r.accept = h.value("Accept", "");
        r.if_none_match = h.value("If-None-Match", "");
        r.if_modified_since = h.value("If-Modified-Since", "");
        r.accept_encoding = h.value("Accept-Encoding", "");
        r.proxied = j.value("proxied", false);
        for (const auto& [name, value] : h.items())
            if (value.is_string()) r.headers[name] = value.get<std::string>();
        entries.push_back(std::move(r));
    }
    return entries;
}

std::vector<LoggedRequest> TestServer::requests_for(std::string_view path, int port) const {
    std::vector<LoggedRequest> matching;
    for (auto& r : log())
        if (r.path == path && (port == 0 || r.port == port)) matching.push_back(r);
    return matching;
}

}  // namespace winnow::test
