// Benchmark for scripts/bench-fetch: PAGES pages from the local test server over HOSTS hosts
// (ports) with a per-host delay, robots.txt on. Reports whether every page was fetched, the
// smallest gap between two requests to one host (from the server's log), the total time next
// to the delay-bound minimum, and the fetcher's own CPU time per page (getrusage: the server
// is another process). Exit status 0 when all pages came and the delay was kept, else 1.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "support/test_server.hpp"
#include "winnow/fetch/fetcher.hpp"

namespace {

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    const int pages = argc > 1 ? std::atoi(argv[1]) : 200;
    const int hosts = argc > 2 ? std::atoi(argv[2]) : 4;
    const double delay = argc > 3 ? std::atof(argv[3]) : 0.1;

    winnow::test::TestServer server({.ports = hosts, .robots_status = 404});
    winnow::fetch::FetchOptions options;
    options.host_delay = std::chrono::milliseconds(static_cast<long>(delay * 1000));
    options.robots = true;
    std::vector<winnow::fetch::FetchRequest> requests;
    for (int i = 0; i < pages; ++i)
        requests.push_back({.url = server.url("/page/" + std::to_string(i), static_cast<std::size_t>(i % hosts)),
                            .tag = static_cast<std::uint64_t>(i)});

    winnow::fetch::Fetcher fetcher(options);
    int ok = 0, failed = 0;
    std::size_t bytes = 0;
    double cpu_before = cpu_seconds();
    auto start = std::chrono::steady_clock::now();
    fetcher.run(requests, [&](winnow::fetch::FetchResult&& r) {
        if (r.ok()) {
            ++ok;
            bytes += r.body.size();
        } else {
            ++failed;
            std::fprintf(stderr, "failed: %s\n", r.message.c_str());
        }
    });
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double cpu = cpu_seconds() - cpu_before;

    // Per host: requests (robots.txt included) and the smallest gap between two of them.
    std::map<int, std::vector<double>> times;
    auto log = server.log();
    std::size_t kernel_times = 0;
    for (const auto& r : log) {
        times[r.port].push_back(r.time);
        kernel_times += r.kernel_time;
    }
    std::map<int, std::vector<const winnow::test::LoggedRequest*>> ordered;
    for (const auto& r : log) ordered[r.port].push_back(&r);
    for (auto& [port, list] : ordered) {  // which requests came closer than the delay (diagnostics)
        std::sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->time < b->time; });
        for (std::size_t i = 1; i < list.size(); ++i)
            if (list[i]->time - list[i - 1]->time < delay)
                std::fprintf(stderr, "short gap on port %d: %.4f s between %s (client port %d) and %s (client port %d)\n", port,
                             list[i]->time - list[i - 1]->time, list[i - 1]->path.c_str(), list[i - 1]->client_port,
                             list[i]->path.c_str(), list[i]->client_port);
    }
    double smallest_gap = 1e9;
    std::size_t most_requests = 0, page_requests = 0;
    for (auto& [port, t] : times) {
        std::sort(t.begin(), t.end());
        most_requests = std::max(most_requests, t.size());
        page_requests += t.size() - 1;  // one is robots.txt
        for (std::size_t i = 1; i < t.size(); ++i) smallest_gap = std::min(smallest_gap, t[i] - t[i - 1]);
    }
    double minimum = static_cast<double>(most_requests - 1) * delay;  // the busiest host's delays
    double over = (wall / minimum - 1) * 100;
    bool delay_kept = smallest_gap >= delay;

    std::printf("pages requested        %d over %d hosts, per-host delay %.3f s, robots.txt on\n", pages, hosts, delay);
    std::printf("pages fetched          %d ok, %d failed, %zu page requests logged by the server\n", ok, failed, page_requests);
    std::printf("bytes received         %zu\n", bytes);
    std::printf("smallest per-host gap  %.4f s (delay %.3f s): %s (%zu of %zu arrival times from the kernel)\n",
                smallest_gap, delay, delay_kept ? "kept" : "NOT KEPT", kernel_times, log.size());
    std::printf("total time             %.3f s\n", wall);
    std::printf("delay-bound minimum    %.3f s (%zu requests on the busiest host, robots.txt included)\n", minimum,
                most_requests);
    std::printf("over the minimum       %.1f %% (target: within 25 %%): %s\n", over, over <= 25 ? "met" : "MISSED");
    std::printf("fetcher CPU time       %.3f s total, %.3f ms per page\n", cpu, cpu * 1000 / pages);
    return ok == pages && delay_kept ? 0 : 1;
}
