// The processing log: received / analysed / failed events.
#include "store/sqlite_store.hpp"

namespace parley::sqlite {

void SqliteStore::log_processing(const Viewer& viewer, const ProcessingEvent& event) {
  require_id(event.call_id, "processing event: call_id");
  require_text(event.reason, "processing event: reason");
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  check_owner(viewer, scope, event.seller_id, "log processing of call " + in_quotes(event.call_id) + " of ");
  insert_log(event.call_id, event.seller_id, event.status, event.reason, event.at_ms);
  tx.commit();
}

ProcessingSummary SqliteStore::processing_summary(const Viewer& viewer, std::int64_t from_ms,
                                                  std::int64_t to_ms) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  ProcessingSummary out;
  {
    auto s = db_.prepare(
        "WITH events AS (SELECT * FROM processing_log WHERE seller_id IN (SELECT value FROM "
        "json_each(?1)) AND at_ms >= ?2 AND at_ms < ?3), latest AS (SELECT call_id, status FROM "
        "events e WHERE seq = (SELECT MAX(seq) FROM events f WHERE f.call_id = e.call_id)) SELECT "
        "(SELECT COUNT(DISTINCT call_id) FROM events), (SELECT COUNT(DISTINCT call_id) FROM events "
        "WHERE status = 1), (SELECT COUNT(*) FROM latest WHERE status = 2)");
    s.bind(1, std::string_view(scope.json)).bind(2, from_ms).bind(3, to_ms);
    s.step();
    out.received = s.int64(0);
    out.analysed = s.int64(1);
    out.failed = s.int64(2);
  }
  {
    auto s = db_.prepare(
        "WITH events AS (SELECT * FROM processing_log WHERE seller_id IN (SELECT value FROM "
        "json_each(?1)) AND at_ms >= ?2 AND at_ms < ?3) SELECT reason, COUNT(*) FROM events e "
        "WHERE status = 2 AND seq = (SELECT MAX(seq) FROM events f WHERE f.call_id = e.call_id) "
        "GROUP BY reason ORDER BY 2 DESC, reason");
    s.bind(1, std::string_view(scope.json)).bind(2, from_ms).bind(3, to_ms);
    while (s.step()) out.failure_reasons.emplace_back(s.text(0), s.int64(1));
  }
  tx.commit();
  return out;
}

std::vector<ProcessingEvent> SqliteStore::processing_events(const Viewer& viewer, std::int64_t from_ms,
                                                            std::int64_t to_ms) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  auto s = db_.prepare(
      "SELECT call_id, seller_id, status, reason, at_ms FROM processing_log WHERE seller_id IN "
      "(SELECT value FROM json_each(?1)) AND at_ms >= ?2 AND at_ms < ?3 ORDER BY at_ms, seq");
  s.bind(1, std::string_view(scope.json)).bind(2, from_ms).bind(3, to_ms);
  std::vector<ProcessingEvent> out;
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), static_cast<ProcessingStatus>(s.int64(2)), s.text(3), s.int64(4)});
  }
  tx.commit();
  return out;
}

void SqliteStore::insert_log(std::string_view call_id, std::string_view seller_id, ProcessingStatus status,
                             std::string_view reason, std::int64_t at_ms) {
  auto s = db_.prepare(
      "INSERT INTO processing_log (call_id, seller_id, status, reason, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)");
  s.bind(1, call_id).bind(2, seller_id).bind(3, static_cast<int>(status)).bind(4, reason).bind(5, at_ms);
  s.run();
}

}  // namespace parley::sqlite
