// Tracked-term lists: organisation-wide or per team.
#include "store/sqlite_store.hpp"

namespace parley::sqlite {

void SqliteStore::put_term_list(const Viewer& viewer, const TermList& list) {
  require_id(list.id, "term list id");
  require_text(list.name, "term list " + in_quotes(list.id) + ": name");
  if (list.scope == TermListScope::team && list.team_manager_id.empty()) {
    throw Error(ErrorCode::invalid_argument,
                "term list " + in_quotes(list.id) + ": a team list needs team_manager_id");
  }
  for (std::size_t i = 0; i < list.terms.size(); ++i) {
    std::string where = "term list " + in_quotes(list.id) + ": term " + std::to_string(i);
    require_id(list.terms[i].name, where + ": name");
    for (const auto& variant : list.terms[i].variants) {
      require_id(variant, where + ": variant");
      if (variant.find('\n') != std::string::npos) {
        throw Error(ErrorCode::invalid_argument, where + ": a variant contains a newline");
      }
    }
  }
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  check_term_list_change(
      viewer, scope, list.scope, list.team_manager_id,
      list.scope == TermListScope::organisation
          ? "change organisation term list " + in_quotes(list.id)
          : "change term list " + in_quotes(list.id) + " of the team of " + in_quotes(list.team_manager_id));
  if (auto existing = term_list_owner(list.id)) {
    // Names neither the existing list's scope nor its team.
    check_term_list_change(viewer, scope, existing->first, existing->second,
                           "replace term list " + in_quotes(list.id));
    auto del = db_.prepare("DELETE FROM term_lists WHERE id = ?1");
    del.bind(1, std::string_view(list.id));
    del.run();
  }
  {
    auto s = db_.prepare(
        "INSERT INTO term_lists (id, name, kind, scope, team_manager_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    s.bind(1, std::string_view(list.id))
        .bind(2, std::string_view(list.name))
        .bind(3, static_cast<int>(list.kind))
        .bind(4, static_cast<int>(list.scope));
    if (list.scope == TermListScope::team) s.bind(5, std::string_view(list.team_manager_id));
    s.run();
  }
  std::string variants;
  for (std::size_t i = 0; i < list.terms.size(); ++i) {
    variants.clear();
    for (const auto& variant : list.terms[i].variants) {
      if (!variants.empty()) variants.push_back('\n');
      variants += variant;
    }
    auto s = db_.prepare("INSERT INTO term_entries (list_id, idx, name, variants) VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, std::string_view(list.id))
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, std::string_view(list.terms[i].name))
        .bind(4, std::string_view(variants));
    s.run();
  }
  tx.commit();
}

void SqliteStore::delete_term_list(const Viewer& viewer, std::string_view list_id) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  const std::string action = "delete term list " + in_quotes(list_id);
  auto existing = term_list_owner(list_id);
  if (!existing) refuse(viewer, scope, false, action, "term list " + in_quotes(list_id));
  check_term_list_change(viewer, scope, existing->first, existing->second, action);
  auto del = db_.prepare("DELETE FROM term_lists WHERE id = ?1");
  del.bind(1, list_id);
  del.run();
  tx.commit();
}

std::vector<TermList> SqliteStore::term_lists(const Viewer& viewer) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  auto out = load_term_lists(scope.json);
  tx.commit();
  return out;
}

std::vector<TermList> SqliteStore::term_lists_for_seller(const Viewer& viewer, std::string_view seller_id) {
  Transaction tx(db_, Transaction::Kind::read);
  Scope scope = resolve(viewer);
  user_in_scope(viewer, scope, seller_id, "see the term lists of seller " + in_quotes(seller_id));
  std::vector<std::string> teams = chain_up(seller_id);
  auto out = load_term_lists(json_array(teams));
  tx.commit();
  return out;
}

std::optional<std::pair<TermListScope, std::string>> SqliteStore::term_list_owner(std::string_view list_id) {
  auto s = db_.prepare("SELECT scope, team_manager_id FROM term_lists WHERE id = ?1");
  s.bind(1, list_id);
  if (!s.step()) return std::nullopt;
  return std::make_pair(static_cast<TermListScope>(s.int64(0)), s.text(1));
}

void SqliteStore::check_term_list_change(const Viewer& viewer, const Scope& scope, TermListScope list_scope,
                                         const std::string& team_manager_id, const std::string& action) {
  if (list_scope == TermListScope::organisation) {
    if (!scope.everything) not_permitted(viewer, action);
    return;
  }
  if (!scope.everything && viewer.kind != ViewerKind::manager) not_permitted(viewer, action);
  user_in_scope(viewer, scope, team_manager_id, action);
}

// Organisation lists plus the team lists of the given managers (JSON array).
std::vector<TermList> SqliteStore::load_term_lists(const std::string& teams_json) {
  std::vector<TermList> out;
  {
    auto s = db_.prepare(
        "SELECT id, name, kind, scope, team_manager_id FROM term_lists WHERE scope = 0 OR "
        "team_manager_id IN (SELECT value FROM json_each(?1)) ORDER BY scope, id");
    s.bind(1, std::string_view(teams_json));
    while (s.step()) {
      TermList list;
      list.id = s.text(0);
      list.name = s.text(1);
      list.kind = static_cast<StoredTermKind>(s.int64(2));
      list.scope = static_cast<TermListScope>(s.int64(3));
      list.team_manager_id = s.text(4);
      out.push_back(std::move(list));
    }
  }
  for (auto& list : out) {
    auto s = db_.prepare("SELECT name, variants FROM term_entries WHERE list_id = ?1 ORDER BY idx");
    s.bind(1, std::string_view(list.id));
    while (s.step()) {
      TrackedTermEntry entry;
      entry.name = s.text(0);
      std::string variants = s.text(1);
      std::size_t start = 0;
      while (start < variants.size()) {
        std::size_t end = variants.find('\n', start);
        if (end == std::string::npos) end = variants.size();
        entry.variants.push_back(variants.substr(start, end - start));
        start = end + 1;
      }
      list.terms.push_back(std::move(entry));
    }
  }
  return out;
}

}  // namespace parley::sqlite
