// A bounded, closable multi-producer multi-consumer queue. Push blocks while
// full (this is what keeps memory bounded: at most `capacity` decoded pages
// wait for a worker); Pop blocks while empty and returns nullopt once closed
// and drained.
#ifndef FACTEUR_CORE_WORK_QUEUE_H_
#define FACTEUR_CORE_WORK_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace facteur {

template <typename T>
class WorkQueue {
 public:
  explicit WorkQueue(size_t capacity) : capacity_(capacity) {}

  // False when the queue was closed.
  bool Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  std::optional<T> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    return TakeLocked();
  }

  // Non-blocking.
  std::optional<T> TryPop() {
    std::lock_guard lock(mu_);
    return TakeLocked();
  }

  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  std::optional<T> TakeLocked() {
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_;   // guarded by mu_
  std::condition_variable not_empty_;  // guarded by mu_
  std::deque<T> items_;                // guarded by mu_
  bool closed_ = false;                // guarded by mu_
};

}  // namespace facteur

#endif  // FACTEUR_CORE_WORK_QUEUE_H_
