// Comments on call transcripts.
#include "store/sqlite_store.hpp"

#include <random>

namespace parley::sqlite {

namespace {

std::string random_id(std::string_view prefix) {
  static thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char digits[] = "0123456789abcdef";
  std::string id(prefix);
  std::uint64_t value = engine();
  for (int i = 0; i < 16; ++i) id.push_back(digits[(value >> (4 * i)) & 0xF]);
  return id;
}

}  // namespace

Comment read_comment(const Statement& s) {
  Comment c;
  c.id = s.text(0);
  c.call_id = s.text(1);
  c.author_id = s.text(2);
  c.created_ms = s.int64(3);
  c.offset_ms = s.int64(4);
  if (!s.is_null(5)) c.segment_index = static_cast<std::uint32_t>(s.int64(5));
  c.text = s.text(6);
  return c;
}

std::string SqliteStore::add_comment(const Viewer& viewer, const Comment& comment) {
  require_text(comment.text, "comment text");
  require_text(comment.id, "comment id");
  if (comment.offset_ms < 0) {
    throw Error(ErrorCode::invalid_argument, "comment on call " + in_quotes(comment.call_id) +
                                                 ": negative offset_ms " + std::to_string(comment.offset_ms));
  }
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  const auto [key, segments] =
      call_in_scope(viewer, scope, comment.call_id, "comment on call " + in_quotes(comment.call_id));
  if (comment.segment_index && *comment.segment_index >= segments) {
    throw Error(ErrorCode::invalid_argument, "comment on call " + in_quotes(comment.call_id) + ": segment " +
                                                 std::to_string(*comment.segment_index) +
                                                 " does not exist (the call has " + std::to_string(segments) +
                                                 " segments)");
  }
  std::string id = comment.id.empty() ? random_id("comment-") : comment.id;
  {
    auto s = db_.prepare("SELECT 1 FROM comments WHERE id = ?1");
    s.bind(1, std::string_view(id));
    if (s.step()) {
      throw Error(ErrorCode::invalid_argument, "comment " + in_quotes(id) + " already exists");
    }
  }
  Comment stored = comment;
  stored.id = id;
  stored.author_id = viewer.user_id;
  insert_comment(key, stored);
  tx.commit();
  return id;
}

void SqliteStore::insert_comment(std::int64_t call_key, const Comment& c) {
  auto s = db_.prepare(
      "INSERT INTO comments (id, call_key, author_id, created_ms, offset_ms, segment_index, text) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  s.bind(1, std::string_view(c.id))
      .bind(2, call_key)
      .bind(3, std::string_view(c.author_id))
      .bind(4, c.created_ms)
      .bind(5, c.offset_ms);
  if (c.segment_index) s.bind(6, static_cast<std::int64_t>(*c.segment_index));
  s.bind(7, std::string_view(c.text));
  s.run();
}

void SqliteStore::delete_comment(const Viewer& viewer, std::string_view comment_id) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  {
    auto s = db_.prepare("SELECT author_id FROM comments WHERE id = ?1");
    s.bind(1, comment_id);
    const bool exists = s.step();
    if (!exists || (!scope.everything && s.text_view(0) != viewer.user_id)) {
      refuse(viewer, scope, exists, "delete comment " + in_quotes(comment_id),
             "comment " + in_quotes(comment_id));
    }
  }
  auto s = db_.prepare("DELETE FROM comments WHERE id = ?1");
  s.bind(1, comment_id);
  s.run();
  tx.commit();
}

std::vector<Comment> SqliteStore::comments_for_call(const Viewer& viewer, std::string_view call_id) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  const std::int64_t key =
      call_in_scope(viewer, scope, call_id, "see the comments on call " + in_quotes(call_id)).key;
  auto s = db_.prepare(
      "SELECT m.id, c.id, m.author_id, m.created_ms, m.offset_ms, m.segment_index, m.text FROM "
      "comments m JOIN calls c ON c.call_key = m.call_key WHERE m.call_key = ?1 ORDER BY "
      "m.created_ms, m.id");
  s.bind(1, key);
  std::vector<Comment> out;
  while (s.step()) out.push_back(read_comment(s));
  tx.commit();
  return out;
}

std::vector<Comment> SqliteStore::comments_for_seller(const Viewer& viewer, std::string_view seller_id,
                                                      std::int64_t from_ms, std::int64_t to_ms) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  user_in_scope(viewer, scope, seller_id, "see the comments on the calls of seller " + in_quotes(seller_id));
  auto s = db_.prepare(
      "SELECT m.id, c.id, m.author_id, m.created_ms, m.offset_ms, m.segment_index, m.text FROM "
      "comments m JOIN calls c ON c.call_key = m.call_key WHERE c.seller_id = ?1 AND "
      "c.start_time_ms >= ?2 AND c.start_time_ms < ?3 ORDER BY m.created_ms DESC, m.id");
  s.bind(1, seller_id).bind(2, from_ms).bind(3, to_ms);
  std::vector<Comment> out;
  while (s.step()) out.push_back(read_comment(s));
  tx.commit();
  return out;
}

SqliteStore::CallRef SqliteStore::call_in_scope(const Viewer& viewer, const Scope& scope,
                                                std::string_view call_id, const std::string& action) {
  auto s = db_.prepare("SELECT call_key, seller_id, segment_count FROM calls WHERE id = ?1");
  s.bind(1, call_id);
  const bool exists = s.step();
  if (!exists || !scope.contains(s.text_view(1)))
    refuse(viewer, scope, exists, action, "call " + in_quotes(call_id));
  return {s.int64(0), s.int64(2)};
}

}  // namespace parley::sqlite
