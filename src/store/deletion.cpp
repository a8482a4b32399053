// Deleting a seller's or a contact's data (privacy requests).
#include "store/sqlite_store.hpp"

namespace parley::sqlite {

namespace {

// Runs one statement whose ?1 is the person's id; returns the rows it changed.
std::int64_t run_for_id(Database& db, const char* sql, std::string_view id) {
  auto s = db.prepare(sql);
  s.bind(1, id);
  s.run();
  return db.changes();
}

}  // namespace

DeletionReport SqliteStore::delete_seller_data(const Viewer& viewer, std::string_view seller_id) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  // Scope before existence: for a manager, a user outside the scope (or unknown) is refused alike.
  if (!scope.everything &&
      (!scope.contains(seller_id) || seller_id == viewer.user_id || viewer.kind != ViewerKind::manager)) {
    not_permitted(viewer, "delete the data of user " + in_quotes(seller_id));
  }
  if (!user_exists(seller_id)) not_found("user " + in_quotes(seller_id));
  DeletionReport report;
  auto run = [&](const char* sql) { return run_for_id(db_, sql, seller_id); };
  run("DELETE FROM processing_log WHERE seller_id = ?1");
  report.calls_deleted = run("DELETE FROM calls WHERE seller_id = ?1");
  report.comments_deleted = run("DELETE FROM comments WHERE author_id = ?1");
  report.call_participations_anonymised =
      run("UPDATE participants SET crm_id = NULL, display_name = '', speaker_id = 'deleted-' || idx "
          "WHERE crm_id = ?1");
  report.activities_deleted = run("DELETE FROM activities WHERE owner_id = ?1");
  report.activity_participations_removed = run("DELETE FROM activity_parties WHERE party_id = ?1");
  report.activity_participations_removed +=
      run("UPDATE activities SET initiator_id = '' WHERE initiator_id = ?1");
  report.opportunities_deleted = run("DELETE FROM opportunities WHERE owner_id = ?1");
  report.term_lists_deleted = run("DELETE FROM term_lists WHERE team_id = ?1");
  run("DELETE FROM retention_policies WHERE scope_key = ?1");
  // The user's reports move up to the user's own manager, so the hierarchy stays whole.
  run("UPDATE users SET manager_id = (SELECT manager_id FROM users WHERE id = ?1) WHERE manager_id = ?1");
  report.users_deleted = run("DELETE FROM users WHERE id = ?1");
  tx.commit();
  return report;
}

DeletionReport SqliteStore::delete_contact_data(const Viewer& viewer, std::string_view contact_id) {
  require_id(contact_id, "contact id");
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  if (!scope.everything) not_permitted(viewer, "delete the data of contact " + in_quotes(contact_id));
  DeletionReport report;
  auto run = [&](const char* sql) { return run_for_id(db_, sql, contact_id); };
  // Every call linked to the contact or in which the contact spoke.
  run("DELETE FROM processing_log WHERE call_id IN (SELECT id FROM calls WHERE contact_id = ?1 "
      "OR call_key IN (SELECT call_key FROM participants WHERE crm_id = ?1))");
  report.calls_deleted =
      run("DELETE FROM calls WHERE contact_id = ?1 OR call_key IN (SELECT call_key FROM participants "
          "WHERE crm_id = ?1)");
  report.activities_deleted = run("DELETE FROM activities WHERE contact_id = ?1 OR initiator_id = ?1");
  report.activity_participations_removed = run("DELETE FROM activity_parties WHERE party_id = ?1");
  tx.commit();
  return report;
}

}  // namespace parley::sqlite
