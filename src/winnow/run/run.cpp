#include "winnow/run/run.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <ostream>
#include <map>
#include <set>
#include <thread>

#include "winnow/pipeline/clean_page.hpp"
#include "winnow/run/output.hpp"
#include "winnow/run/sources.hpp"
#include "winnow/util/ordered_pool.hpp"
#include "winnow/util/regex_guard.hpp"
#include "winnow/util/test_hooks.hpp"
#include "winnow/util/time.hpp"
#include "winnow/util/url.hpp"
#include "winnow/write/json_writer.hpp"
#include "winnow/write/text_writer.hpp"

namespace winnow::run {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_manifest_name = "manifest.jsonl";
// How often the run's timer looks at the clock (commit age, max_duration, the stop flag).
constexpr std::chrono::milliseconds k_timer_tick{50};
// A URL is tried once more after a run died on it; the second death retires it.
constexpr long k_max_crashes = 2;

// Text from servers (status lines, feed contents) on one line without control characters, before
// it reaches a terminal or the log: an escape sequence in a status text must not drive the terminal.
std::string printable(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return out;
}

std::string primary_extension(OutputFormat format) { return format == OutputFormat::json ? ".json" : ".txt"; }

// What the cleaning threads make of a fetched page: everything write_article needs.
struct CleanedArticle {
    std::string final_url;
    std::string text;   // the text file's content
    std::string hash;   // of the text
    std::string json;   // the JSON file's content, when the format has one
    std::string title;
    std::string page_kind;  // the run writes only the kinds of its configuration
};

// A fetched page on its way through the cleaning threads.
struct FetchedPage {
    std::size_t index = 0;  // in the queue
    PageResponse response;
    std::optional<Result<CleanedArticle>> cleaned;  // for a page with a new body
};

bool has_new_body(const PageResponse& response) { return response.ok() && !response.not_modified; }

// A response as the run keeps it: its URLs without the credentials its request may have carried
// (they would reach the state, the manifest and the JSON output).
FetchedPage fetched(PageResponse&& response) {
    FetchedPage page;
    page.index = static_cast<std::size_t>(response.tag);
    page.response = std::move(response);
    page.response.url = url::without_credentials(page.response.url);
    page.response.final_url = url::without_credentials(page.response.final_url);
    return page;
}

// Cleans a fetched page, taking its body (safe on any thread: it reads only the page and the
// profiles).
Result<CleanedArticle> clean_response(const QueueEntry& entry, PageResponse& response, const RunOptions& options) {
    pipeline::PageContext context;
    context.url = response.final_url.empty() ? entry.url : response.final_url;
    context.content_type = response.content_type;
    context.profile = entry.profile;
    pipeline::CleanOptions clean_options;
    clean_options.profiles = options.profiles;
    clean_options.favor = extract::favor_named(entry.favor);  // "" (none): the site profile's, else balanced
    auto article = pipeline::clean_page(std::move(response.body), context, clean_options);
    if (!article) return fail(article.error().kind, entry.url + ": " + article.error().message);
    CleanedArticle cleaned;
    cleaned.final_url = context.url;
    cleaned.text = write::render_text(*article);
    cleaned.hash = stable_hash(cleaned.text);
    cleaned.title = article->title;
    cleaned.page_kind = article->page_kind;
    if (options.format != OutputFormat::text)
        cleaned.json = write::article_json(entry.url, context.url, *article)
                           .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    return cleaned;
}

// The run's state while results come in: the open transaction and the counters.
class RunSession {
public:
    RunSession(const RunConfig& config, const RunOptions& options, StateStore& store, Manifest& manifest,
               const OutputFolder& folder)
        : m_config(config), m_options(options), m_store(store), m_manifest(manifest), m_folder(folder) {}

    RunSummary summary;

    // Records one fetched page; `cleaned` is what clean_response made of a page with a new body.
    Result<void> handle(const QueueEntry& entry, std::optional<PageRecord> previous, PageResponse&& response,
                        const Result<CleanedArticle>* cleaned) {
        if (auto begun = begin_if_needed(); !begun) return begun;
        // Until this page's row is saved, a death of the process is blamed on it.
        if (m_options.lock) m_options.lock->mark_in_flight(entry.url);  // cleared by run_once once handled
        std::string now = utc_now();
        PageRecord record = seen_now(entry, std::move(previous), now);
        record.status = response.status;
        std::string outcome, detail, category = response.category;
        const bool not_found = response.status == 404 || response.status == 410;
        record.not_found_runs = !response.ok() && not_found ? record.not_found_runs + 1 : 0;
        if (response.failure == PageFailure::robots || response.failure == PageFailure::not_html) {
            bool robots = response.failure == PageFailure::robots;
            ++(robots ? summary.skipped_robots : summary.skipped_not_html);
            outcome = robots ? "robots" : "not html";
            detail = response.message;
        } else if (!response.ok() && not_found && m_config.gone_after > 0 && record.not_found_runs >= m_config.gone_after) {
            // Retired: no longer fetched and no longer a failure; the last good file stays.
            outcome = "gone";
            detail = "HTTP " + std::to_string(response.status) + " on " + std::to_string(record.not_found_runs) +
                     " runs in a row; no longer fetched";
            ++summary.gone;
            if (record.failure_count++ == 0) record.failing_since = now;  // failures and since when, for `winnow state`
            record.last_error = response.message;
            record.failure_category = category.empty() ? "http_status" : category;
        } else if (!response.ok()) {
            outcome = "failed";
            detail = response.message;
        } else if (response.not_modified) {
            outcome = "unchanged";
            record.failure_count = 0;
            record.last_error.clear();
            if (!response.etag.empty()) record.etag = response.etag;
            if (!response.last_modified.empty()) record.last_modified = response.last_modified;
        } else {
            auto written = cleaned ? write_article(entry, record, response, *cleaned, now, outcome)
                                   : fail(ErrorKind::internal, entry.url + ": not cleaned");
            if (!written) {
                outcome = "failed";
                detail = written.error().message;
                category = written.error().kind == ErrorKind::io ? "write" : "clean";
            } else if (outcome.starts_with("skipped")) {
                ++summary.skipped_kind;
            } else {
                detail = record.output_path;
            }
        }
        if (outcome == "failed") {
            // The last good file and its validators stay: the next run asks again.
            ++summary.failed;
            if (record.failure_count++ == 0) record.failing_since = now;
            record.last_error = detail;
            record.failure_category = category.empty() ? "other" : category;
            if (m_options.errors) *m_options.errors << "winnow: " << printable(detail) << "\n";
        } else if (outcome != "gone") {
            record.failing_since.clear();
            record.failure_category.clear();
        }
        if (outcome == "new") ++summary.new_pages;
        if (outcome == "changed") ++summary.changed;
        if (outcome == "unchanged") ++summary.unchanged;
        if (outcome != "robots" && outcome != "not html" && !outcome.starts_with("skipped")) ++summary.fetched;
        record.outcome = outcome;
        if (m_options.log)
            *m_options.log << now << " " << outcome << " " << response.status << " " << entry.url
                           << (detail.empty() ? "" : " " + printable(detail)) << "\n" << std::flush;
        if (auto saved = m_store.put(record); !saved) return saved;
        if (auto done = m_store.dequeue(entry.url); !done) return done;
        if (++m_in_transaction >= m_options.commit_every) return commit();
        return {};
    }

    // Records a URL a run died on twice as failed (`crashed`): it is not fetched again until
    // `winnow state retry URL`.
    Result<void> retire_crashed(const QueueEntry& entry, std::optional<PageRecord> previous) {
        if (auto begun = begin_if_needed(); !begun) return begun;
        std::string now = utc_now();
        PageRecord record = seen_now(entry, std::move(previous), now);
        record.outcome = "crashed";
        record.failure_category = "crashed";
        if (record.failure_count++ == 0) record.failing_since = now;
        record.last_error = entry.url + ": winnow died " + std::to_string(entry.crashes) +
                            " times while this page was in flight; no longer fetched (winnow state retry URL)";
        ++summary.failed;
        ++summary.crashed;
        if (m_options.errors) *m_options.errors << "winnow: " << record.last_error << "\n";
        if (m_options.log) *m_options.log << now << " crashed 0 " << entry.url << "\n" << std::flush;
        if (auto saved = m_store.put(record); !saved) return saved;
        if (auto done = m_store.dequeue(entry.url); !done) return done;
        return commit();
    }

    // Commits when the open transaction is older than the commit interval (the run's timer).
    Result<void> commit_if_old() {
        if (!m_open || std::chrono::steady_clock::now() - m_began < m_options.commit_interval) return {};
        return commit();
    }

    Result<void> commit() {
        if (!m_open) return {};
        m_open = false;
        m_in_transaction = 0;
        if (auto committed = m_store.commit(); !committed) {
            m_store.rollback();
            return committed;
        }
        return m_manifest.flush(m_store);
    }

    void abandon() {
        if (m_open) m_store.rollback();
        m_open = false;
    }

private:
    const RunConfig& m_config;
    const RunOptions& m_options;
    StateStore& m_store;
    Manifest& m_manifest;
    const OutputFolder& m_folder;
    bool m_open = false;
    std::size_t m_in_transaction = 0;
    std::chrono::steady_clock::time_point m_began;

    // The URL's record (a new one the first time it is seen), last seen now.
    static PageRecord seen_now(const QueueEntry& entry, std::optional<PageRecord> previous, const std::string& now) {
        PageRecord record = previous.value_or(PageRecord{});
        if (!previous) {
            record.url = entry.url;
            record.first_seen = now;
        }
        record.last_seen = now;
        return record;
    }

    Result<void> begin_if_needed() {
        if (m_open) return {};
        if (auto begun = m_store.begin(); !begun) return begun;
        m_open = true;
        m_began = std::chrono::steady_clock::now();
        return {};
    }

    // Writes the cleaned page when its text is new or changed (or its file is gone). Sets
    // `outcome` to new, changed or unchanged; fails when the page could not be cleaned or
    // written (the record keeps its previous file).
    Result<void> write_article(const QueueEntry& entry, PageRecord& record, const PageResponse& response,
                               const Result<CleanedArticle>& cleaned, const std::string& now, std::string& outcome) {
        if (!cleaned) return std::unexpected(cleaned.error());
        // A page of a kind the configuration does not keep (a listing found in a sitemap) is
        // recorded, not written; a file written before for it stays.
        if (std::find(m_config.kinds.begin(), m_config.kinds.end(), cleaned->page_kind) == m_config.kinds.end()) {
            outcome = "skipped (" + cleaned->page_kind + ")";
            record_cleaned(record, response, *cleaned);
            return {};
        }
        const std::string& text = cleaned->text;
        const std::string& hash = cleaned->hash;
        std::string relative = output_relative_path(entry.url, primary_extension(m_options.format));
        bool file_there = !record.output_path.empty() && m_folder.has_file(record.output_path);
        if (file_there && record.content_hash == hash && record.output_path == relative) {
            outcome = "unchanged";
        } else {
            outcome = record.content_hash.empty() || !file_there ? "new" : "changed";
            if (m_options.format != OutputFormat::json)
                if (auto written = m_folder.write_file(relative, text); !written) return written;
            if (m_options.format != OutputFormat::text) {
                std::string json_path = output_relative_path(entry.url, ".json");
                if (auto written = m_folder.write_file(json_path, cleaned->json); !written) return written;
            }
            nlohmann::ordered_json line;
            line["url"] = entry.url;
            line["final_url"] = cleaned->final_url;
            line["path"] = relative;
            line["title"] = cleaned->title;
            line["fetched_at"] = now;
            line["content_hash"] = hash;
            if (auto added = m_store.add_manifest_line(write::to_json_line(line)); !added) return added;
        }
        record.content_hash = hash;
        record.output_path = relative;
        record_cleaned(record, response, *cleaned);
        return {};
    }

    // What a cleaned page's record keeps, whether its file was written or its kind skipped.
    static void record_cleaned(PageRecord& record, const PageResponse& response, const CleanedArticle& cleaned) {
        record.final_url = cleaned.final_url;
        record.title = cleaned.title;
        record.etag = response.etag;
        record.last_modified = response.last_modified;
        record.failure_count = 0;
        record.last_error.clear();
    }
};

bool stopped(const RunOptions& options) { return options.stop && options.stop->load(); }

// The source a URL came from: the one that listed it in this run, else (a resumed queue) the
// one that lists it in the configuration or whose feed or sitemap is on its host.
const SourceConfig* source_of(const RunConfig& config, const std::map<std::string, std::size_t>& found, const std::string& url) {
    if (auto it = found.find(url); it != found.end()) return &config.sources[it->second];
    for (const SourceConfig& source : config.sources)
        if (std::find(source.urls.begin(), source.urls.end(), url) != source.urls.end()) return &source;
    const std::string host = url::host(url);
    for (const SourceConfig& source : config.sources)
        if (!source.url.empty() && url::host(source.url) == host) return &source;
    return nullptr;
}

// How a page is fetched: [fetch]'s settings, under its site profile's [fetch] table, under its
// source's own settings (the most specific wins); null when neither has any.
std::shared_ptr<const fetch::ClientSettings> client_for(const RunOptions& options, const SourceConfig* source,
                                                        const QueueEntry& entry, RegexGuard& regexes) {
    const profiles::Profile* profile = options.profiles ? options.profiles->profile_for(entry.url, regexes, entry.profile) : nullptr;
    const bool from_profile = profile && profile->fetch;
    const bool from_source = source && source->client;
    if (!from_profile) return from_source ? source->client : nullptr;
    if (!from_source) return profile->fetch;
    return std::make_shared<const fetch::ClientSettings>(profile->fetch->merged(*source->client));
}

// Fetches a feed or sitemap document of `source` with the run's fetcher (robots.txt applies).
DocumentFetcher document_fetcher(PageFetcher& fetcher, const RunConfig& config, const SourceConfig& source,
                                 const RunOptions& options, const std::atomic<bool>& halt) {
    return [&fetcher, &config, &source, &options, &halt](const std::string& url) -> Result<std::string> {
        PageRequest request;
        request.url = config.credentials.apply(url);  // for the fetch only: never stored or shown
        request.html_only = false;
        request.user_chosen = config.written_urls.contains(url);  // a sitemap an index lists is not
        RegexGuard regexes;
        request.client = client_for(options, &source, QueueEntry{url, source.profile}, regexes);
        std::optional<PageResponse> got;
        fetcher.fetch({request}, [&](PageResponse&& r) { got = std::move(r); }, halt);
        if (!got) return fail(ErrorKind::interrupted, url + ": interrupted");
        if (!got->ok()) return fail(ErrorKind::network, got->message);
        return std::move(got->body);
    };
}

// The queue of a new run: for each source, its URLs already known (fetched again,
// conditionally) and up to max_new URLs never seen before.
Result<std::vector<QueueEntry>> build_queue(const RunConfig& config, const RunOptions& options, PageFetcher& fetcher,
                                            StateStore& store, RunSummary& summary, const std::atomic<bool>& halt,
                                            std::map<std::string, std::size_t>& found) {
    std::vector<QueueEntry> queue;
    std::set<std::string> queued;
    for (std::size_t index = 0; index < config.sources.size(); ++index) {
        const SourceConfig& source = config.sources[index];
        auto fetch_document = document_fetcher(fetcher, config, source, options, halt);
        if (halt.load()) break;
        auto urls = collect_source_urls(source, fetch_document, config.fetch.max_bytes);
        if (halt.load()) break;  // a source cut short by a stop is not a failure
        if (!urls) {
            ++summary.source_failures;
            if (options.errors) *options.errors << "winnow: " << source.origin << ": " << printable(urls.error().message) << "\n";
            continue;
        }
        for (const auto& problem : urls->problems)
            if (options.errors) *options.errors << "winnow: " << source.origin << ": " << printable(problem) << "\n";
        summary.source_failures += urls->problems.size();
        std::size_t new_taken = 0;
        for (const auto& url : urls->urls) {
            if (queued.contains(url)) continue;
            // Another shard's host: that shard fetches it (and counts it against max_new).
            if (options.shard.count > 1 && shard_of(url, options.shard.count) != options.shard.index) continue;
            auto known = store.find(url);
            if (!known) return std::unexpected(known.error());
            if (known->has_value() && is_retired(**known)) continue;  // gone or crashed: not fetched
            if (!known->has_value()) {
                if (source.max_new && new_taken >= *source.max_new) continue;
                ++new_taken;
            }
            queued.insert(url);
            found.emplace(url, index);
            const std::optional<extract::Favor> favor = source.favor ? source.favor : config.favor;
            queue.push_back({url, source.profile, 0, favor ? std::string(extract::favor_name(*favor)) : std::string()});
        }
    }
    return queue;
}

}  // namespace

std::string summary_line(const RunSummary& s) {
    std::string line = "fetched " + std::to_string(s.fetched) + ", new " + std::to_string(s.new_pages) + ", changed " +
                       std::to_string(s.changed) + ", unchanged " + std::to_string(s.unchanged) + ", failed " +
                       std::to_string(s.failed) + ", skipped " + std::to_string(s.skipped()) + " (robots " +
                       std::to_string(s.skipped_robots) + ", not html " + std::to_string(s.skipped_not_html) + ", kind " +
                       std::to_string(s.skipped_kind) + ")";
    if (s.gone) line += ", gone " + std::to_string(s.gone);
    if (s.crashed) line += ", crashed " + std::to_string(s.crashed);
    if (s.source_failures) line += ", sources failed " + std::to_string(s.source_failures);
    if (s.out_of_time) line += ", stopped at max_duration with " + std::to_string(s.left) + " left for the next run";
    else if (s.interrupted) line += ", interrupted with " + std::to_string(s.left) + " left";
    return line;
}

namespace {

// The run's timer: a thread that, while the fetcher waits, commits a transaction that has grown
// old, stops the run at max_duration or when the stop flag is set, and stops it when a commit
// fails. Everything the session touches is guarded by `mutex`.
class RunTimer {
public:
    RunTimer(RunSession& session, std::mutex& mutex, std::optional<Error>& fatal, std::atomic<bool>& halt,
             const std::atomic<bool>* stop, std::optional<std::chrono::steady_clock::time_point> deadline)
        : m_thread([this, &session, &mutex, &fatal, &halt, stop, deadline] {
              std::unique_lock wait_lock(m_wait_mutex);
              while (!m_done) {
                  m_wake.wait_for(wait_lock, k_timer_tick);
                  if (m_done) break;
                  if (stop && stop->load()) halt = true;
                  if (deadline && std::chrono::steady_clock::now() >= *deadline && !halt.load()) {
                      out_of_time = true;
                      halt = true;
                  }
                  {
                      std::lock_guard tick_guard(m_tick_mutex);
                      if (m_tick) m_tick();  // not under `mutex`: it delivers cleaned pages, which locks it
                  }
                  std::lock_guard guard(mutex);
                  if (fatal) continue;
                  if (auto committed = session.commit_if_old(); !committed) {
                      fatal = committed.error();
                      halt = true;
                  }
              }
          }) {}

    ~RunTimer() {
        {
            std::lock_guard guard(m_wait_mutex);
            m_done = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

    std::atomic<bool> out_of_time{false};

    // Work for each tick before the commit (delivering pages cleaned while the fetcher waits);
    // set_tick(nullptr) returns once a tick in progress has ended.
    void set_tick(std::function<void()> tick) {
        std::lock_guard guard(m_tick_mutex);
        m_tick = std::move(tick);
    }

private:
    std::mutex m_tick_mutex;
    std::function<void()> m_tick;
    std::mutex m_wait_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread;  // last: starts once the members above exist
};

}  // namespace

Result<RunSummary> run_once(const RunConfig& config, const RunOptions& options, PageFetcher& fetcher, StateStore& store) {
    const auto started = std::chrono::steady_clock::now();
    auto folder = OutputFolder::open(config.output);
    if (!folder) return std::unexpected(folder.error());
    Manifest manifest(config.output / k_manifest_name);
    if (auto recovered = manifest.recover(store); !recovered) return std::unexpected(recovered.error());

    RunSession session(config, options, store, manifest, *folder);
    RunSummary& summary = session.summary;
    std::map<std::string, std::size_t> found_in;  // URL -> index of the source that listed it this run
    // Everything the session touches after this point is guarded by `mutex` (the timer thread).
    std::mutex mutex;
    std::optional<Error> fatal;
    std::atomic<bool> halt{stopped(options)};  // the fetcher's stop flag: signal, max_duration or a failed commit
    std::optional<std::chrono::steady_clock::time_point> deadline;
    if (config.max_duration)
        deadline = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(*config.max_duration));
    RunTimer timer(session, mutex, fatal, halt, options.stop, deadline);
    auto locked = [&mutex](auto&& action) {
        std::lock_guard guard(mutex);
        return action();
    };
    auto queue = store.queue();
    if (!queue) return std::unexpected(queue.error());
    if (!queue->empty()) {
        summary.resumed = true;
        remove_stale_temporaries(config.output);
        // The previous run died with pages in flight (being fetched or cleaned): one more try
        // each, then retired. Each is tried alone (below), so that a second death names its page.
        if (options.lock && !options.lock->died_on().empty()) {
            for (const std::string& url : options.lock->died_on()) {
                auto crashes = store.note_crash(url);
                if (!crashes) return std::unexpected(crashes.error());
                if (*crashes < k_max_crashes) continue;
                auto known = store.find(url);
                if (!known) return std::unexpected(known.error());
                auto retired = locked([&] { return session.retire_crashed({url, "", *crashes}, std::move(*known)); });
                if (!retired) return std::unexpected(retired.error());
            }
            queue = store.queue();
            if (!queue) return std::unexpected(queue.error());
        }
    } else {
        auto built = build_queue(config, options, fetcher, store, summary, halt, found_in);
        if (!built) return std::unexpected(built.error());
        if (halt.load()) {
            summary.interrupted = stopped(options);
            summary.out_of_time = timer.out_of_time.load();
            return summary;
        }
        if (auto begun = store.begin(); !begun) return std::unexpected(begun.error());
        auto saved = store.enqueue(*built);
        if (saved) saved = store.commit();
        if (!saved) {
            store.rollback();
            return std::unexpected(saved.error());
        }
        queue = std::move(*built);
    }
    if (options.lock) options.lock->clear_in_flight();
    summary.queued = queue->size();

    std::vector<PageRequest> requests;
    std::vector<std::optional<PageRecord>> previous;
    RegexGuard regexes;  // for choosing profiles by path (a pattern over budget is skipped)
    requests.reserve(queue->size());
    for (std::size_t i = 0; i < queue->size(); ++i) {
        auto known = store.find((*queue)[i].url);
        if (!known) return std::unexpected(known.error());
        PageRequest request;
        // The user's credentials for the fetch only (the queue, like everything kept, has none).
        request.url = config.credentials.apply((*queue)[i].url);
        request.tag = i;
        request.user_chosen = config.written_urls.contains((*queue)[i].url);
        request.client = client_for(options, source_of(config, found_in, (*queue)[i].url), (*queue)[i], regexes);
        // Validators only when the file they vouch for is still there; otherwise the page is
        // fetched in full and its file written again.
        if (known->has_value() && !(*known)->output_path.empty() && folder->has_file((*known)->output_path)) {
            request.etag = (*known)->etag;
            request.last_modified = (*known)->last_modified;
        }
        requests.push_back(std::move(request));
        previous.push_back(std::move(*known));
    }

    std::size_t done = 0;
    // A page is cleaned by `clean` (on a cleaning thread) and recorded by `record` (files, state,
    // manifest; in the order the pages arrived).
    auto clean = [&](FetchedPage& page) {
        if (has_new_body(page.response)) {
            const std::string& url = (*queue)[page.index].url;
            // Until this page's row is saved, a death of the process is blamed on it.
            if (options.lock) options.lock->mark_in_flight(url);
            test_hooks::crash_if_asked(url);
            try {
                page.cleaned = clean_response((*queue)[page.index], page.response, options);
            } catch (const std::exception& e) {
                page.cleaned = fail(ErrorKind::internal, url + ": internal error: " + e.what());
            }
        }
        std::string().swap(page.response.body);  // nothing of the page is kept once cleaned
        return std::move(page);
    };
    auto record = [&](FetchedPage&& page) {
        std::lock_guard guard(mutex);
        if (fatal) return;
        const std::size_t i = page.index;
        auto handled = session.handle((*queue)[i], std::move(previous[i]), std::move(page.response),
                                      page.cleaned ? &*page.cleaned : nullptr);
        if (options.lock) options.lock->clear_in_flight((*queue)[i].url);  // its row is saved (or the run stops)
        if (!handled) {
            // A state or manifest that cannot be written: nothing more is fetched.
            fatal = handled.error();
            halt = true;
            return;
        }
        ++done;
        if (options.progress) options.progress(done, queue->size(), summary.failed);
    };
    // From the start of its fetch (robots.txt included) until its row is saved, a death of the
    // process is blamed on a page, as while it is cleaned.
    fetcher.set_on_start([&](std::uint64_t tag) {
        if (options.lock && tag < queue->size()) options.lock->mark_in_flight((*queue)[tag].url);
    });
    // Pages a run died on (which may have been one of several in flight) are fetched and cleaned
    // first, one at a time with nothing else in flight, so that a second death names its page alone.
    std::vector<PageRequest> suspects, others;
    for (PageRequest& request : requests)
        ((*queue)[request.tag].crashes > 0 ? suspects : others).push_back(std::move(request));
    for (const PageRequest& request : suspects) {
        if (halt.load()) break;
        fetcher.fetch(
            {request},
            [&](PageResponse&& response) {
                FetchedPage page = fetched(std::move(response));
                record(clean(page));
            },
            halt);
    }
    // The others: cleaned on other threads while this one drives the fetcher.
    OrderedPool<FetchedPage, FetchedPage> cleaners(options.jobs ? options.jobs : hardware_jobs(), clean, record);
    // Pages cleaned while the fetcher waits (a stalled server, a long delay) are recorded by the
    // timer, so that its commit finds them.
    timer.set_tick([&] {
        try {
            cleaners.deliver_ready();
        } catch (const std::exception& e) {
            std::lock_guard guard(mutex);
            fatal = Error{ErrorKind::internal, std::string("internal error: ") + e.what()};
            halt = true;
        }
    });
    if (!halt.load())
        fetcher.fetch(
            others,
            [&](PageResponse&& response) {
                {
                    std::lock_guard guard(mutex);
                    if (fatal) return;
                }
                // Not under `mutex`: submit() may wait for a cleaning thread, and delivers (which locks).
                cleaners.submit(fetched(std::move(response)));
            },
            halt);
    fetcher.set_on_start(nullptr);
    timer.set_tick(nullptr);
    cleaners.finish();
    // The run ends here on its own feet: nothing is in flight any more (a transfer cut off by a
    // stop is not a page that killed winnow).
    if (options.lock) options.lock->clear_in_flight();
    std::lock_guard guard(mutex);
    if (fatal) {
        session.abandon();
        return std::unexpected(*fatal);
    }
    if (auto committed = session.commit(); !committed) return std::unexpected(committed.error());
    summary.left = queue->size() - done;
    summary.out_of_time = timer.out_of_time.load() && summary.left > 0;
    summary.interrupted = stopped(options) && summary.left > 0;
    return summary;
}

}  // namespace winnow::run
