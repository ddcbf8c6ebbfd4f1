// run: one run of `winnow run`. Builds the run's queue from the sources (known URLs plus at most
// max_new new ones per source), or takes over the queue of an interrupted run; fetches it
// (conditionally for known URLs), cleans each page with pipeline::clean_page on spare cores
// while the fetcher waits on the network (the results are recorded in order), writes changed
// articles atomically at their stable path and commits the state in batches. The order — file
// renamed into place, then the state row and the manifest line committed, then the manifest
// appended — means that after a kill -9 at any moment the next run redoes exactly the pages
// whose commit was lost, at the same paths, and appends each manifest line once.
//
// A page that crashes winnow never stops the scraper: a URL is noted in the lock file
// (StateLock::mark_in_flight) from the start of its fetch until its row is saved, so while it is
// fetched, decoded and cleaned; a run that finds URLs left there by a run that died counts a
// crash against each; each is tried once more, alone (fetched and cleaned before the rest of the
// queue, nothing else in flight), and after a second death it is recorded as failed (`crashed`)
// and no longer fetched. URLs are kept without credentials (config.credentials puts the user's
// back into the requests only). Commits also happen on a timer (a result need not
// arrive), a run stops at max_duration, and a failed commit stops fetching at once.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>

#include "winnow/profiles/profile_set.hpp"
#include "winnow/run/config.hpp"
#include "winnow/run/page_fetcher.hpp"
#include "winnow/run/shard.hpp"
#include "winnow/run/state_store.hpp"
#include "winnow/util/result.hpp"

namespace winnow::run {

enum class OutputFormat { text, json, both };  // json: instead of the text file; both: next to it

struct RunOptions {
    OutputFormat format = OutputFormat::text;
    const profiles::ProfileSet* profiles = nullptr;
    std::ostream* log = nullptr;                   // one line per URL, or none
    std::ostream* errors = nullptr;                // one line per failure, or none
    const std::atomic<bool>* stop = nullptr;       // set by SIGINT/SIGTERM
    std::function<void(std::size_t done, std::size_t total, std::size_t failed)> progress;
    std::size_t commit_every = 100;                // results per state transaction
    Shard shard;                                   // --shard I/N: only the page URLs of shard I's hosts
    // An open transaction is committed once it is this old, by a timer: finished pages never
    // wait for the next result (a long Crawl-delay, a stalled server).
    std::chrono::milliseconds commit_interval{5000};
    StateLock* lock = nullptr;                     // the run's lock: in-flight URL, crash recovery
    unsigned jobs = 0;                             // threads cleaning pages while the fetcher waits (0: one per core)
};

struct RunSummary {
    std::size_t fetched = 0;  // new + changed + unchanged + failed + gone
    std::size_t new_pages = 0;
    std::size_t changed = 0;
    std::size_t unchanged = 0;  // 304 or the same clean text
    std::size_t failed = 0;
    std::size_t skipped_robots = 0;
    std::size_t skipped_not_html = 0;
    std::size_t skipped_kind = 0;     // pages of a kind the configuration does not keep
    std::size_t gone = 0;             // URLs retired this run (404/410 on gone_after runs in a row)
    std::size_t crashed = 0;          // URLs retired this run: winnow died twice on them (also in failed)
    std::size_t source_failures = 0;  // feeds or sitemaps that could not be read
    std::size_t queued = 0;           // URLs in this run's queue
    std::size_t left = 0;             // URLs left in the queue (interrupted)
    bool resumed = false;             // this run finished an interrupted one
    bool interrupted = false;
    bool out_of_time = false;         // stopped at max_duration (the next run finishes the queue)

    std::size_t skipped() const { return skipped_robots + skipped_not_html + skipped_kind; }
};

// `fetched 120, new 14, changed 3, unchanged 101, failed 2, skipped 9 (robots 3, not html 2, kind 4)`
std::string summary_line(const RunSummary& summary);

// Runs once. The caller holds the StateLock. Errors are those that stop the run (state file
// or output folder unusable); failures of single URLs are counted in the summary.
Result<RunSummary> run_once(const RunConfig& config, const RunOptions& options, PageFetcher& fetcher, StateStore& store);

}  // namespace winnow::run
