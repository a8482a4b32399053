// Crash safety (a SIGKILLed writer loses nothing committed and leaves nothing half-written) and
// concurrency (reader threads beside one writer see whole batches, never a torn call).
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "store_test_support.hpp"

using namespace parley;
using namespace store_test;

namespace {

constexpr int batch_size = 4;

// Segments of generated call number n: between 3 and 62, varying so a torn write would show.
int segments_of(int n) { return 3 + (n * 37) % 60; }
// make_call's hits: one per 3 segments starting at 1.
int hits_of(int n) { return (segments_of(n) + 1) / 3; }

CallWithAnalysis numbered_call(int n) {
  std::string seller = n % 2 == 0 ? "s1" : "s2";
  return make_call("call-" + std::to_string(n), seller, t0 + n * 1000LL, segments_of(n));
}

int number_of(const std::string& id) { return std::stoi(id.substr(5)); }

std::int64_t scalar(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  std::int64_t value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

// Child process: ingest batches forever, reporting each committed batch's first number on `out`.
[[noreturn]] void ingest_until_killed(const std::string& path, int first, int out) {
  try {
    auto store = open_sqlite_store(path);  // durable commits (synchronous = FULL)
    for (int n = first;; n += batch_size) {
      std::vector<CallWithAnalysis> batch;
      for (int i = 0; i < batch_size; ++i) batch.push_back(numbered_call(n + i));
      store->ingest_calls(admin, batch, t0);
      if (::write(out, &n, sizeof n) != sizeof n) ::_exit(3);
    }
  } catch (...) {
    ::_exit(2);
  }
}

}  // namespace

TEST_CASE("durability: a writer killed with SIGKILL mid-ingestion loses nothing committed") {
  TempDir dir;
  const std::string path = dir.file("crash.db");
  {
    auto store = open_sqlite_store(path);
    auto users = organisation();
    store->put_users(admin, users);
  }
  int next = 0;
  std::vector<int> reported;  // first numbers of batches the child said were committed
  for (int round = 0; round < 3; ++round) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(fds[0]);
      ingest_until_killed(path, next, fds[1]);
    }
    ::close(fds[1]);
    // Wait for a few commits, then kill at a moment that varies from round to round.
    int first = 0;
    for (int i = 0; i < 5 + round * 3; ++i) {
      REQUIRE(::read(fds[0], &first, sizeof first) == static_cast<ssize_t>(sizeof first));
      reported.push_back(first);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(3 + 7 * round));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    while (::read(fds[0], &first, sizeof first) == static_cast<ssize_t>(sizeof first))
      reported.push_back(first);
    ::close(fds[0]);

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    {
      sqlite3_stmt* stmt = nullptr;
      sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr);
      REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
      CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "ok");
      sqlite3_finalize(stmt);
    }
    CHECK(scalar(db, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
    // Every call present is whole: its segments, participants, hits and log entry as generated.
    std::vector<std::pair<std::string, std::int64_t>> calls;
    {
      sqlite3_stmt* stmt = nullptr;
      sqlite3_prepare_v2(db, "SELECT id, call_key FROM calls", -1, &stmt, nullptr);
      while (sqlite3_step(stmt) == SQLITE_ROW) {
        calls.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                           sqlite3_column_int64(stmt, 1));
      }
      sqlite3_finalize(stmt);
    }
    std::set<int> present;
    for (const auto& [id, key] : calls) {
      int n = number_of(id);
      present.insert(n);
      std::string k = std::to_string(key);
      CHECK(scalar(db, "SELECT COUNT(*) FROM segments WHERE call_key = " + k) == segments_of(n));
      CHECK(scalar(db, "SELECT segment_count FROM calls WHERE call_key = " + k) == segments_of(n));
      CHECK(scalar(db, "SELECT COUNT(*) FROM participants WHERE call_key = " + k) == 2);
      CHECK(scalar(db, "SELECT COUNT(*) FROM term_hits WHERE call_key = " + k) == hits_of(n));
      CHECK(scalar(db, "SELECT COUNT(*) FROM processing_log WHERE call_id = '" + id + "'") == 1);
    }
    // Whole batches only: numbers 0 .. count-1 without a gap, a multiple of the batch size.
    CHECK(present.size() % batch_size == 0);
    CHECK((present.empty() ||
           (*present.begin() == 0 && *present.rbegin() == static_cast<int>(present.size()) - 1)));
    // Every batch reported committed is there.
    for (int batch_first : reported) CHECK(present.count(batch_first + batch_size - 1) == 1);
    CHECK(scalar(db, "SELECT COUNT(*) FROM segments") ==
          scalar(db, "SELECT COALESCE(SUM(segment_count), 0) FROM calls"));
    sqlite3_close(db);
    next = static_cast<int>(present.size());
  }
  CHECK(reported.size() >= 5 + 8 + 11);
  // The store still opens and reads through parley.
  auto store = open_sqlite_store(path);
  CHECK(store->call_summaries(admin, {}).size() == static_cast<std::size_t>(next));
}

TEST_CASE("concurrency: readers in several threads while one writer ingests") {
  TempDir dir;
  const std::string path = dir.file("concurrent.db");
  {
    auto store = open_sqlite_store(path);
    auto users = organisation();
    store->put_users(admin, users);
  }
  constexpr int total_batches = 40;
  std::atomic<bool> done{false};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  auto fail = [&](std::string what) {
    std::lock_guard lock(failures_mutex);
    failures.push_back(std::move(what));
  };
  std::atomic<std::int64_t> reads{0};

  std::thread writer([&] {
    try {
      SqliteStoreOptions options;
      options.durable_commits = false;
      auto store = open_sqlite_store(path, options);
      for (int b = 0; b < total_batches; ++b) {
        std::vector<CallWithAnalysis> batch;
        for (int i = 0; i < batch_size; ++i) batch.push_back(numbered_call(b * batch_size + i));
        store->ingest_calls(admin, batch, t0);
        // Re-ingest (replace) an earlier batch now and then: readers must never see it half-replaced.
        if (b % 5 == 4) {
          std::vector<CallWithAnalysis> again;
          for (int i = 0; i < batch_size; ++i) again.push_back(numbered_call((b - 4) * batch_size + i));
          store->ingest_calls(admin, again, t0);
        }
      }
    } catch (const std::exception& e) {
      fail(std::string("writer: ") + e.what());
    }
    done = true;
  });

  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&, r] {
      try {
        auto store = open_sqlite_store(path);
        Viewer viewer = r == 0 ? admin : Viewer::manager("m1");
        std::size_t last = 0;
        while (!done) {
          auto summaries = store->call_summaries(viewer, {});
          if (summaries.size() % batch_size != 0) fail("partial batch: " + std::to_string(summaries.size()));
          if (summaries.size() < last) fail("calls disappeared");
          last = summaries.size();
          for (const auto& s : summaries) {
            if (s.segment_count != segments_of(number_of(s.id))) fail("wrong segment count in " + s.id);
          }
          if (!summaries.empty()) {
            const auto& pick = summaries[static_cast<std::size_t>(reads.load()) % summaries.size()];
            auto call = store->load_call(viewer, pick.id);
            int n = number_of(pick.id);
            if (static_cast<int>(call.call.segments.size()) != segments_of(n)) fail("torn call " + pick.id);
            if (static_cast<int>(call.analysis.term_hits.size()) != hits_of(n)) fail("torn hits " + pick.id);
            CallFilter one;
            one.seller_ids = {pick.seller_id};
            auto hits = store->term_hits(viewer, one);
            (void)hits;
          }
          ++reads;
        }
      } catch (const std::exception& e) {
        fail(std::string("reader: ") + e.what());
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  CHECK(failures.empty());
  for (const auto& f : failures) MESSAGE(f);
  CHECK(reads.load() > 0);
  auto store = open_sqlite_store(path);
  CHECK(store->call_summaries(admin, {}).size() == static_cast<std::size_t>(total_batches * batch_size));
}
