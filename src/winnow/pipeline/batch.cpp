#include "winnow/pipeline/batch.hpp"

#include <exception>

#include "winnow/util/ordered_pool.hpp"

namespace winnow::pipeline {

Result<void> load_item(InputItem& item, const LoadOptions& options) {
    if (item.error) return std::unexpected(*item.error);
    if (item.loaded) return {};
    auto loaded = load_input(item.source, options);
    if (!loaded) return std::unexpected(loaded.error());
    item.bytes = std::move(loaded->bytes);
    if (!loaded->url.empty()) item.url = std::move(loaded->url);
    item.content_type = std::move(loaded->content_type);
    item.status = loaded->status;
    item.loaded = true;
    return {};
}

Result<extract::Article> clean_loaded_item(InputItem& item, const BatchOptions& options) {
    // `ls *.html | winnow clean -` sends names, not a page: say so instead of "cleaning" them.
    if ((item.kind == InputKind::standard_input || item.kind == InputKind::file) && looks_like_input_list(item.bytes))
        return fail(ErrorKind::bad_input,
                    item.label() + ": looks like a list of file names or URLs, not a page; to clean the inputs it "
                                   "names, give it with -i (as in: ls *.html | winnow clean -i -)");
    PageContext context;
    context.url = item.url;
    context.content_type = item.content_type;
    context.encoding = options.encoding;
    auto article = clean_page(std::move(item.bytes), context, options.clean);
    if (!article) article.error().message = item.label() + ": " + article.error().message;
    return article;
}

CleanedItem clean_item(InputItem item, const BatchOptions& options) {
    CleanedItem cleaned;
    // Files and standard input take the address given with --url.
    if (item.url.empty() && (item.kind == InputKind::file || item.kind == InputKind::standard_input))
        item.url = options.url;
    if (auto loaded = load_item(item, options.load); !loaded) cleaned.article = std::unexpected(loaded.error());
    else cleaned.article = clean_loaded_item(item, options);
    item.bytes = std::string();
    cleaned.input = std::move(item);
    return cleaned;
}

BatchCounts clean_batch(InputSource& source, const BatchOptions& options, const std::function<bool(CleanedItem&&)>& deliver) {
    BatchCounts counts;
    bool stopped = false;
    // An item's result, or the exception its cleaning threw (with what names the item), carried
    // to this thread to be rethrown in input order.
    struct Outcome {
        CleanedItem cleaned;
        std::exception_ptr error;
    };
    // The pool's window (eight items per thread) holds results waiting for their turn, which are
    // small: a page's bytes are released once it is cleaned.
    const unsigned jobs = options.jobs ? options.jobs : hardware_jobs();
    auto stop_requested = [&options] { return options.stop && options.stop->load(); };
    OrderedPool<InputItem, Outcome> pool(
        jobs,
        [&](InputItem& item) {
            Outcome outcome;
            if (stop_requested()) {  // after a stop nothing new is fetched or read
                outcome.cleaned.article = fail(ErrorKind::interrupted, item.label() + ": not cleaned (stopped)");
                outcome.cleaned.input = std::move(item);
                return outcome;
            }
            InputItem name;  // what label() reads, kept should the cleaning throw
            name.kind = item.kind;
            name.source = item.source;
            name.url = item.url;
            name.warc_position = item.warc_position;
            try {
                outcome.cleaned = clean_item(std::move(item), options);
            } catch (...) {
                outcome.cleaned.input = std::move(name);
                outcome.error = std::current_exception();
            }
            return outcome;
        },
        [&](Outcome&& outcome) {
            if (stopped) return;  // results still in the pool after a stop are dropped
            CleanedItem& cleaned = outcome.cleaned;
            if (!cleaned.article && cleaned.article.error().kind == ErrorKind::interrupted) {
                stopped = true;
                return;
            }
            if (options.starting) options.starting(cleaned.input);
            if (outcome.error) std::rethrow_exception(outcome.error);
            ++counts.inputs;
            if (!cleaned.article) ++counts.failed;
            stopped = !deliver(std::move(cleaned));
        });
    while (!stopped && !stop_requested()) {
        auto item = source.next();
        if (!item) break;
        pool.submit(std::move(*item));
    }
    if (!stopped) pool.finish();
    return counts;
}

}  // namespace winnow::pipeline
