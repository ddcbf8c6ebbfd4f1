// Test support: runs tests/server/winnow_test_server.py as a subprocess on 127.0.0.1 and free
// ports, for the fetcher, clean and run tests and for scripts/bench-fetch. The server is
// stopped (SIGTERM, then waited for) when the TestServer is destroyed; it also exits by itself
// when this process dies, because it watches the pipe on its stdin.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace winnow::test {

struct TestServerOptions {
    int ports = 1;                    // listen on this many ports ("hosts")
    std::string robots_file;          // served as /robots.txt; empty: 404 (unless robots_status)
    int robots_status = 0;            // answer /robots.txt with this status instead
    double robots_delay = 0;          // seconds before answering /robots.txt
    std::filesystem::path files_dir;  // prepared files (page.br for /brotli)
};

// One request as the server logged it.
struct LoggedRequest {
    double time = 0;  // seconds since the epoch, when the request arrived
    bool kernel_time = false;  // `time` is the kernel's receive time (else the server thread's clock)
    int port = 0;
    int client_port = 0;  // the connection's port on our side: equal for a reused connection
    std::string path;  // with the query
    std::string user_agent, accept, if_none_match, if_modified_since, accept_encoding;
    bool proxied = false;  // the request named an absolute URL: it came to the server as a proxy
    std::map<std::string, std::string> headers;  // every header the server logs (see the script), by its name as sent
};

class TestServer {
public:
    explicit TestServer(TestServerOptions options = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    int port(std::size_t index = 0) const { return m_ports.at(index); }
    const std::vector<int>& ports() const { return m_ports; }
    // "http://127.0.0.1:PORT" + path
    std::string url(std::string_view path, std::size_t port_index = 0) const;
    // Every request logged so far, in arrival order.
    std::vector<LoggedRequest> log() const;
    // The requests whose path (with query) is `path`.
    std::vector<LoggedRequest> requests_for(std::string_view path, int port = 0) const;
    // A folder that lives as long as the server (for files the test prepares).
    const std::filesystem::path& work_dir() const { return m_dir; }

private:
    pid_t m_pid = -1;
    int m_stdin = -1;
    std::vector<int> m_ports;
    std::filesystem::path m_dir;
    std::filesystem::path m_log;
};

// Path of the server script in the source tree.
std::filesystem::path test_server_script();

}  // namespace winnow::test
