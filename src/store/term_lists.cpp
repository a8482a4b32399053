// Tracked-term lists: organisation-wide or per team.
#include "store/sqlite_store.hpp"

namespace parley::sqlite {

void SqliteStore::put_term_list(const Viewer& viewer, const TermList& list) {
  require_id(list.id, "term list id");
  const std::string where_list = "term list " + in_quotes(list.id);
  require_text(list.name, where_list + ": name");
  require_scope(list.scope, where_list);
  for (std::size_t i = 0; i < list.terms.size(); ++i) {
    const TrackedTerm& term = list.terms[i];
    const std::string where = where_list + ": term " + std::to_string(i);
    require_id(term.name, where + ": name");
    const std::string named = where + " (" + in_quotes(term.name) + ")";
    for (const auto& variant : term.variants) {
      require_id(variant, where + ": variant");
      if (variant.find('\n') != std::string::npos) {
        throw Error(ErrorCode::invalid_argument, where + ": a variant contains a newline");
      }
    }
    if (term.kind != TermKind::keyword && term.kind != TermKind::competitor) {
      throw Error(ErrorCode::invalid_argument,
                  named + ": kind " + std::to_string(static_cast<int>(term.kind)) + " is not a TermKind");
    }
    if (static_cast<int>(term.said_by) > static_cast<int>(SpeakerFilter::customer)) {
      throw Error(
          ErrorCode::invalid_argument,
          named + ": said_by " + std::to_string(static_cast<int>(term.said_by)) + " is not a SpeakerFilter");
    }
    if (term.scope.level != list.scope.level || term.scope.team_id != list.scope.team_id) {
      throw Error(ErrorCode::invalid_argument, named + ": its scope (" + scope_text(term.scope) +
                                                   ") differs from the list's (" + scope_text(list.scope) +
                                                   "); a list's terms share its scope");
    }
  }
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  check_term_list_change(
      viewer, scope, list.scope,
      list.scope.level == TermScope::Level::organisation
          ? "change organisation term list " + in_quotes(list.id)
          : "change term list " + in_quotes(list.id) + " of the team of " + in_quotes(list.scope.team_id));
  if (auto existing = term_list_scope(list.id)) {
    // Names neither the existing list's scope nor its team.
    check_term_list_change(viewer, scope, *existing, "replace term list " + in_quotes(list.id));
    auto del = db_.prepare("DELETE FROM term_lists WHERE id = ?1");
    del.bind(1, std::string_view(list.id));
    del.run();
  }
  {
    auto s = db_.prepare("INSERT INTO term_lists (id, name, scope, team_id) VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, std::string_view(list.id))
        .bind(2, std::string_view(list.name))
        .bind(3, static_cast<int>(list.scope.level))
        .bind_text_or_null(4, list.scope.team_id);
    s.run();
  }
  std::string variants;
  auto s = db_.prepare(
      "INSERT INTO tracked_terms (list_id, idx, name, kind, variants, match_related_forms, said_by, "
      "only_in_questions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (std::size_t i = 0; i < list.terms.size(); ++i) {
    const TrackedTerm& term = list.terms[i];
    variants.clear();
    for (const auto& variant : term.variants) {
      if (!variants.empty()) variants.push_back('\n');
      variants += variant;
    }
    s.bind(1, std::string_view(list.id))
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, std::string_view(term.name))
        .bind(4, static_cast<int>(term.kind))
        .bind(5, std::string_view(variants))
        .bind(6, term.match_related_forms ? 1 : 0)
        .bind(7, static_cast<int>(term.said_by))
        .bind(8, term.only_in_questions ? 1 : 0);
    s.run();
    s.reset();
  }
  tx.commit();
}

void SqliteStore::delete_term_list(const Viewer& viewer, std::string_view list_id) {
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  const std::string action = "delete term list " + in_quotes(list_id);
  auto existing = term_list_scope(list_id);
  if (!existing) refuse(viewer, scope, false, action, "term list " + in_quotes(list_id));
  check_term_list_change(viewer, scope, *existing, action);
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

std::optional<TermScope> SqliteStore::term_list_scope(std::string_view list_id) {
  auto s = db_.prepare("SELECT scope, team_id FROM term_lists WHERE id = ?1");
  s.bind(1, list_id);
  if (!s.step()) return std::nullopt;
  return TermScope{static_cast<TermScope::Level>(s.int64(0)), s.text(1)};
}

void SqliteStore::check_term_list_change(const Viewer& viewer, const Scope& scope,
                                         const TermScope& list_scope, const std::string& action) {
  if (list_scope.level == TermScope::Level::organisation) {
    if (!scope.everything) not_permitted(viewer, action);
    return;
  }
  if (!scope.everything && viewer.kind != ViewerKind::manager) not_permitted(viewer, action);
  user_in_scope(viewer, scope, list_scope.team_id, action);
}

// Organisation lists plus the team lists of the given managers (JSON array).
std::vector<TermList> SqliteStore::load_term_lists(const std::string& teams_json) {
  std::vector<TermList> out;
  {
    auto s = db_.prepare(
        "SELECT id, name, scope, team_id FROM term_lists WHERE scope = 0 OR team_id IN (SELECT value FROM "
        "json_each(?1)) ORDER BY scope, id");
    s.bind(1, std::string_view(teams_json));
    while (s.step()) {
      TermList list;
      list.id = s.text(0);
      list.name = s.text(1);
      list.scope = {static_cast<TermScope::Level>(s.int64(2)), s.text(3)};
      out.push_back(std::move(list));
    }
  }
  auto s = db_.prepare(
      "SELECT name, kind, variants, match_related_forms, said_by, only_in_questions FROM tracked_terms "
      "WHERE list_id = ?1 ORDER BY idx");
  for (auto& list : out) {
    s.bind(1, std::string_view(list.id));
    while (s.step()) {
      TrackedTerm term;
      term.name = s.text(0);
      term.kind = static_cast<TermKind>(s.int64(1));
      const std::string_view variants = s.text_view(2);
      std::size_t start = 0;
      while (start < variants.size()) {
        std::size_t end = variants.find('\n', start);
        if (end == std::string_view::npos) end = variants.size();
        term.variants.emplace_back(variants.substr(start, end - start));
        start = end + 1;
      }
      term.scope = list.scope;
      term.match_related_forms = s.int64(3) != 0;
      term.said_by = static_cast<SpeakerFilter>(s.int64(4));
      term.only_in_questions = s.int64(5) != 0;
      list.terms.push_back(std::move(term));
    }
    s.reset();
  }
  return out;
}

}  // namespace parley::sqlite
