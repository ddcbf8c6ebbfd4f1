// util: work on several threads, results in order. The caller submits items one by one; `jobs`
// threads run `work` on them; each result is handed to `deliver` on the caller's own thread and
// strictly in the order the items were submitted, whatever order the threads finish in. At most
// `window` items are in the pool at once (queued, being worked on, or done and waiting for their
// turn): submit() waits when the window is full, so memory does not grow with the batch, and a
// slow item holds back at most `window` others.
//
//     OrderedPool<std::string, Cleaned> pool(jobs, clean_one, [&](Cleaned&& c) { write(c); });
//     for (auto& input : inputs) pool.submit(input);  // may deliver earlier results
//     pool.finish();                                   // delivers the rest
//
// With jobs <= 1 there is no thread: submit() works and delivers at once. An exception thrown by
// `work` is rethrown by the submit() or finish() that would have delivered its result; the
// pool's threads never die of one. `deliver` runs on the caller's thread, so it may write to a
// stream or a database that is not thread-safe.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace winnow {

// The number of threads for "use every core".
inline unsigned hardware_jobs() { return std::max(1u, std::thread::hardware_concurrency()); }

template <class Item, class Output>
class OrderedPool {
public:
    using Work = std::function<Output(Item&)>;
    using Deliver = std::function<void(Output&&)>;

    // `window` 0: eight items per thread, so that one slow item (a large page) does not leave
    // the other threads idle for long: with two per thread, a batch over the corpora kept only
    // 1.1 of 2 cores busy.
    OrderedPool(unsigned jobs, Work work, Deliver deliver, std::size_t window = 0)
        : m_work(std::move(work)), m_deliver(std::move(deliver)), m_jobs(std::max(1u, jobs)) {
        if (m_jobs == 1) return;
        m_slots.resize(window ? std::max<std::size_t>(window, m_jobs) : 8 * std::size_t{m_jobs});
        m_threads.reserve(m_jobs);
        for (unsigned i = 0; i < m_jobs; ++i) m_threads.emplace_back([this] { work_loop(); });
    }

    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    // Stops the threads; results not yet delivered are dropped (call finish() to have them).
    ~OrderedPool() { stop_threads(); }

    unsigned jobs() const { return m_jobs; }

    // Adds an item; first delivers the results that are ready, and waits for (and delivers) the
    // oldest one while the window is full.
    void submit(Item item) {
        if (m_jobs == 1) {
            m_deliver(m_work(item));
            return;
        }
        std::unique_lock lock(m_mutex);
        deliver_ready(lock);
        while (m_submitted - m_delivered >= m_slots.size()) {
            // The window is full: make room by delivering the oldest result ourselves. Another
            // thread (run's timer) may be delivering and need m_mutex to go on, so m_mutex is
            // released while we wait for m_delivering (lock order: delivering, then m_mutex);
            // waiting for the oldest result with m_mutex held and no m_delivering stalled both.
            lock.unlock();
            std::unique_lock delivering(m_delivering);
            lock.lock();
            if (m_submitted - m_delivered < m_slots.size()) break;
            m_done_cv.wait(lock, [&] { return slot(m_delivered).done; });
            deliver_in_order(lock);
        }
        Slot& s = slot(m_submitted);
        s.item.emplace(std::move(item));
        ++m_submitted;
        lock.unlock();
        m_work_cv.notify_one();
    }

    // Delivers the results that are ready without waiting (for a caller with other work to do,
    // such as a fetcher's loop, or a timer on another thread: deliveries never overlap, and stay
    // in order whichever thread makes them).
    void deliver_ready() {
        if (m_jobs == 1) return;
        std::unique_lock lock(m_mutex);
        deliver_ready(lock);
    }

    // Delivers every result still in the pool, in order. The pool can be used again after.
    void finish() {
        if (m_jobs == 1) return;
        for (;;) {
            // Waits for a delivery running on another thread (lock order: delivering, then m_mutex).
            std::unique_lock delivering(m_delivering);
            std::unique_lock lock(m_mutex);
            if (m_delivered == m_submitted) return;
            m_done_cv.wait(lock, [&] { return slot(m_delivered).done; });
            deliver_in_order(lock);
        }
    }

private:
    struct Slot {
        std::optional<Item> item;
        std::optional<Output> output;
        std::exception_ptr error;
        bool done = false;
    };

    Work m_work;
    Deliver m_deliver;
    unsigned m_jobs;
    std::vector<Slot> m_slots;  // a ring: item number i lives in m_slots[i % size]
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::mutex m_delivering;  // held while results are being delivered, by whichever thread
    std::condition_variable m_work_cv;  // an item was submitted, or the pool stops
    std::condition_variable m_done_cv;  // an item is done
    std::size_t m_submitted = 0;        // items submitted
    std::size_t m_taken = 0;            // items a thread has taken
    std::size_t m_delivered = 0;        // results delivered
    bool m_stopping = false;

    Slot& slot(std::size_t number) { return m_slots[number % m_slots.size()]; }

    // Delivers, in order, the results that are done, unless another thread is delivering (it
    // delivers them). Only tries for m_delivering while holding m_mutex, so it never deadlocks.
    void deliver_ready(std::unique_lock<std::mutex>& lock) {
        std::unique_lock delivering(m_delivering, std::try_to_lock);
        if (delivering) deliver_in_order(lock);
    }

    // The same, with m_delivering held; `lock` (m_mutex) is released while `deliver` runs.
    void deliver_in_order(std::unique_lock<std::mutex>& lock) {
        while (m_delivered < m_submitted && slot(m_delivered).done) {
            Slot& s = slot(m_delivered);
            std::optional<Output> output = std::move(s.output);
            std::exception_ptr error = s.error;
            s.output.reset();
            s.error = nullptr;
            s.done = false;
            ++m_delivered;
            lock.unlock();
            if (error) {
                lock.lock();
                std::rethrow_exception(error);
            }
            m_deliver(std::move(*output));
            lock.lock();
        }
    }

    void work_loop() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_work_cv.wait(lock, [&] { return m_stopping || m_taken < m_submitted; });
            if (m_stopping) return;
            const std::size_t number = m_taken++;
            Item item = std::move(*slot(number).item);
            slot(number).item.reset();
            lock.unlock();
            std::optional<Output> output;
            std::exception_ptr error;
            try {
                output.emplace(m_work(item));
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            Slot& s = slot(number);
            s.output = std::move(output);
            s.error = error;
            s.done = true;
            if (number == m_delivered) m_done_cv.notify_all();
        }
    }

    void stop_threads() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_work_cv.notify_all();
        for (auto& thread : m_threads) thread.join();
        m_threads.clear();
    }
};

}  // namespace winnow
