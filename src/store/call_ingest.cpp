// Storing analysed calls (ingest_calls) and checking them first.
#include "store/sqlite_store.hpp"

#include <fmt/format.h>

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "parley/text.hpp"
#include "store/aggregates.hpp"
#include "store/word_timings.hpp"

namespace parley::sqlite {

void SqliteStore::ingest_calls(const Viewer& viewer, std::span<const CallWithAnalysis> calls,
                               std::int64_t now_ms) {
  // A call id names one call: twice in a batch, the later one would silently replace the first.
  std::unordered_map<std::string_view, std::size_t> first_index;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    const auto [it, inserted] = first_index.try_emplace(calls[i].call.id, i);
    if (!inserted) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("call {}: listed twice in one batch (calls {} and {})",
                              in_quotes(calls[i].call.id), it->second, i));
    }
  }
  Transaction tx(db_, Transaction::Kind::write);
  Scope scope = resolve(viewer);
  for (const auto& item : calls) ingest_one(viewer, scope, item, now_ms);
  tx.commit();
}

void SqliteStore::ingest_one(const Viewer& viewer, const Scope& scope, const CallWithAnalysis& item,
                             std::int64_t now_ms) {
  const Call& call = item.call;
  const CallAnalysisRecord& a = item.analysis;
  require_id(call.id, "call id");
  validate_call(call);
  const bool analysable = !call.segments.empty();
  if (analysable) {
    // 0 is 1970-01-01: what readers of formats without a start time leave for the host to set.
    if (call.start_time_ms <= 0) {
      throw Error(
          ErrorCode::invalid_argument,
          fmt::format("call {}: field 'start_time_ms' is {}, not a start time (UTC ms since 1970, > 0; "
                      "WebVTT, SRT and RTTM readers leave it 0 for the host to set)",
                      in_quotes(call.id), call.start_time_ms));
    }
    check_analysis(item);
  }
  if (call.owner_seller_id.empty()) {
    throw Error(ErrorCode::invalid_argument, "call " + in_quotes(call.id) + ": owner_seller_id is empty");
  }
  if (!scope.contains(call.owner_seller_id)) {
    not_permitted(viewer,
                  "store call " + in_quotes(call.id) + " of seller " + in_quotes(call.owner_seller_id));
  }
  if (!user_exists(call.owner_seller_id)) {
    throw Error(ErrorCode::not_found, "call " + in_quotes(call.id) + ": seller " +
                                          in_quotes(call.owner_seller_id) + " does not exist");
  }
  if (!analysable) {
    // Received but nothing to analyse: logged, not stored, so never counted as a recorded call.
    insert_log(call.id, call.owner_seller_id, ProcessingStatus::failed, "no segments", now_ms);
    return;
  }

  // Re-ingest: replace the call, keeping the comments whose anchor still exists.
  std::vector<Comment> kept_comments;
  {
    std::optional<std::int64_t> old_key;
    {
      auto s = db_.prepare("SELECT call_key, seller_id FROM calls WHERE id = ?1");
      s.bind(1, std::string_view(call.id));
      if (s.step()) {
        if (!scope.contains(s.text(1))) {
          not_permitted(viewer, "replace call " + in_quotes(call.id));
        }
        old_key = s.int64(0);
      }
    }
    if (old_key) {
      {
        auto s = db_.prepare(
            "SELECT id, '', author_id, created_ms, offset_ms, segment_index, text FROM comments "
            "WHERE call_key = ?1");
        s.bind(1, *old_key);
        while (s.step()) {
          Comment c = read_comment(s);
          if (!c.segment_index || *c.segment_index < call.segments.size())
            kept_comments.push_back(std::move(c));
        }
      }
      auto s = db_.prepare("DELETE FROM calls WHERE call_key = ?1");
      s.bind(1, *old_key);
      s.run();
    }
  }

  const CallMetricsRecord& m = a.metrics;
  {
    auto s = db_.prepare(
        "INSERT INTO calls (id, start_time_ms, duration_ms, language, seller_id, account_id, "
        "contact_id, lead_id, opportunity_id, segment_count, participant_count, ingested_ms, "
        "translation_language, talk_ratio, seller_talk_ms, customer_talk_ms, switches, "
        "switch_rate_per_hour, average_pause_ms, patience_ms, seller_longest_monologue_ms, "
        "customer_longest_monologue_ms, seller_words_per_minute, customer_words_per_minute, "
        "seller_questions, customer_questions, seller_question_rate_per_hour, interactivity, "
        "interruptions, seller_filler_words_per_minute, customer_sentiment, customer_sentiment_label, "
        "seller_sentiment, seller_sentiment_label, keyword_mentions, competitor_mentions, "
        "brand_mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
        "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, "
        "?34, ?35, ?36, ?37)");
    std::int64_t keyword_mentions = 0, competitor_mentions = 0, brand_mentions = 0;
    for (const auto& hit : a.term_hits) {
      ++(hit.kind == TermKind::keyword ? keyword_mentions : competitor_mentions);
    }
    for (const auto& brand : a.brands) brand_mentions += brand.count;
    s.bind(1, std::string_view(call.id))
        .bind(2, call.start_time_ms)
        .bind(3, call.effective_duration_ms())
        .bind(4, std::string_view(call.language))
        .bind(5, std::string_view(call.owner_seller_id))
        .bind_text_or_null(6, call.account_id)
        .bind_text_or_null(7, call.contact_id)
        .bind_text_or_null(8, call.lead_id)
        .bind_text_or_null(9, call.opportunity_id)
        .bind(10, static_cast<std::int64_t>(call.segments.size()))
        .bind(11, static_cast<std::int64_t>(call.participants.size()))
        .bind(12, now_ms)
        .bind_text_or_null(13, a.segment_translations.empty() ? std::string_view()
                                                              : std::string_view(a.translation_language))
        .bind(14, m.talk_ratio)
        .bind(15, m.seller_talk_ms)
        .bind(16, m.customer_talk_ms)
        .bind(17, m.switches)
        .bind(18, m.switch_rate_per_hour)
        .bind(19, m.average_pause_ms)
        .bind(20, m.patience_ms)
        .bind(21, m.seller_longest_monologue_ms)
        .bind(22, m.customer_longest_monologue_ms)
        .bind(23, m.seller_words_per_minute)
        .bind(24, m.customer_words_per_minute)
        .bind(25, m.seller_questions)
        .bind(26, m.customer_questions)
        .bind(27, m.seller_question_rate_per_hour)
        .bind(28, m.interactivity)
        .bind(29, m.interruptions)
        .bind(30, m.seller_filler_words_per_minute)
        .bind(31, a.customer_sentiment.score)
        .bind_text_or_null(32, a.customer_sentiment.label)
        .bind(33, a.seller_sentiment.score)
        .bind_text_or_null(34, a.seller_sentiment.label)
        .bind(35, keyword_mentions)
        .bind(36, competitor_mentions)
        .bind(37, brand_mentions);
    s.run();
  }
  const std::int64_t key = db_.last_insert_rowid();
  for (std::size_t i = 0; i < call.participants.size(); ++i) {
    const Participant& p = call.participants[i];
    auto s = db_.prepare(
        "INSERT INTO participants (call_key, idx, speaker_id, display_name, role, crm_id) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6)");
    s.bind(1, key)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, std::string_view(p.id))
        .bind(4, std::string_view(p.display_name))
        .bind(5, static_cast<int>(p.role))
        .bind_text_or_null(6, p.crm_id);
    s.run();
  }
  {
    auto s = db_.prepare(
        "INSERT INTO segments (call_key, idx, speaker, start_ms, end_ms, text, confidence, words, "
        "translation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    for (std::size_t i = 0; i < call.segments.size(); ++i) {
      const Segment& seg = call.segments[i];
      s.bind(1, key)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, static_cast<std::int64_t>(seg.speaker))
          .bind(4, seg.start_ms)
          .bind(5, seg.end_ms)
          .bind(6, std::string_view(seg.text))
          .bind(7, seg.confidence);
      if (seg.words.empty()) {
        s.bind_null(8);
      } else {
        encode_words(seg.words, words_buffer_);
        s.bind_blob(8, words_buffer_.data(), words_buffer_.size());
      }
      if (a.segment_translations.empty()) {
        s.bind_null(9);
      } else {
        s.bind(9, std::string_view(a.segment_translations[i]));
      }
      s.run();
      s.reset();
    }
  }
  for (const auto& [name, value] : a.extra_metrics) {
    auto s = db_.prepare("INSERT INTO call_metrics (call_key, name, value) VALUES (?1, ?2, ?3)");
    s.bind(1, key).bind(2, std::string_view(name)).bind(3, value);
    s.run();
  }
  if (!a.term_hits.empty()) {
    auto s = db_.prepare(
        "INSERT INTO term_hits (call_key, idx, term, kind, role, segment_index, offset_ms) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (std::size_t i = 0; i < a.term_hits.size(); ++i) {
      const auto& h = a.term_hits[i];
      s.bind(1, key)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, std::string_view(h.term))
          .bind(4, static_cast<int>(h.kind))
          .bind(5, static_cast<int>(h.role))
          .bind(6, static_cast<std::int64_t>(h.segment_index))
          .bind(7, h.offset_ms);
      s.run();
      s.reset();
    }
  }
  for (const auto& b : a.brands) {
    auto s = db_.prepare(
        "INSERT INTO brand_mentions (call_key, normalized_name, display_name, count) VALUES (?1, ?2, ?3, "
        "?4)");
    s.bind(1, key)
        .bind(2, std::string_view(b.normalized_name))
        .bind(3, std::string_view(b.display_name))
        .bind(4, b.count);
    s.run();
  }
  insert_call_mentions(key, call, a);
  for (std::size_t i = 0; i < a.prices.size(); ++i) {
    const auto& p = a.prices[i];
    auto s = db_.prepare(
        "INSERT INTO price_mentions (call_key, idx, amount, currency, text, segment_index, "
        "offset_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.bind(1, key)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, p.amount)
        .bind(4, std::string_view(p.currency))
        .bind(5, std::string_view(p.text))
        .bind(6, static_cast<std::int64_t>(p.segment_index))
        .bind(7, p.offset_ms);
    s.run();
  }
  for (std::size_t i = 0; i < a.action_items.size(); ++i) {
    auto s =
        db_.prepare("INSERT INTO action_items (call_key, idx, segment_index, text) VALUES (?1, ?2, ?3, ?4)");
    s.bind(1, key)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, static_cast<std::int64_t>(a.action_items[i].segment_index))
        .bind(4, std::string_view(a.action_items[i].text));
    s.run();
  }
  for (const Comment& c : kept_comments) insert_comment(key, c);
  insert_log(call.id, call.owner_seller_id, ProcessingStatus::analysed, {}, now_ms);
}

void SqliteStore::check_analysis(const CallWithAnalysis& item) {
  const Call& call = item.call;
  const CallAnalysisRecord& a = item.analysis;
  const std::size_t n = call.segments.size();
  check_figures(item);
  auto where = [&](const char* what, std::size_t i) {
    return "call " + in_quotes(call.id) + ": " + what + " " + std::to_string(i);
  };
  auto check_segment = [&](const char* what, std::size_t i, std::uint32_t segment) {
    if (segment >= n) {
      throw Error(ErrorCode::invalid_argument, where(what, i) + ": segment " + std::to_string(segment) +
                                                   " does not exist (the call has " + std::to_string(n) +
                                                   " segments)");
    }
  };
  for (std::size_t i = 0; i < a.term_hits.size(); ++i) {
    check_segment("term hit", i, a.term_hits[i].segment_index);
    // The message is built only on failure: this loop runs for every hit of a bulk ingestion.
    if (a.term_hits[i].term.empty() || !is_valid_utf8(a.term_hits[i].term)) {
      require_id(a.term_hits[i].term, where("term hit", i) + ": term");
    }
    if (a.term_hits[i].kind != TermKind::keyword && a.term_hits[i].kind != TermKind::competitor) {
      throw Error(ErrorCode::invalid_argument, where("term hit", i) + ": kind " +
                                                   std::to_string(static_cast<int>(a.term_hits[i].kind)) +
                                                   " is neither keyword (0) nor competitor (1)");
    }
    if (static_cast<int>(a.term_hits[i].role) > static_cast<int>(Role::other)) {
      throw Error(ErrorCode::invalid_argument, where("term hit", i) + ": role " +
                                                   std::to_string(static_cast<int>(a.term_hits[i].role)) +
                                                   " is not a Role");
    }
  }
  for (std::size_t i = 0; i < a.prices.size(); ++i) {
    check_segment("price mention", i, a.prices[i].segment_index);
    require_text(a.prices[i].currency, where("price mention", i) + ": currency");
    require_text(a.prices[i].text, where("price mention", i) + ": text");
  }
  for (std::size_t i = 0; i < a.action_items.size(); ++i) {
    check_segment("action item", i, a.action_items[i].segment_index);
    require_text(a.action_items[i].text, where("action item", i) + ": text");
  }
  std::unordered_set<std::string_view> brands;
  for (std::size_t i = 0; i < a.brands.size(); ++i) {
    require_id(a.brands[i].normalized_name, where("brand", i) + ": normalized_name");
    require_text(a.brands[i].display_name, where("brand", i) + ": display_name");
    // Bounded so that the per-call and dashboard sums cannot overflow.
    if (a.brands[i].count < 1 || a.brands[i].count > 1'000'000'000) {
      throw Error(ErrorCode::invalid_argument, where("brand", i) +
                                                   ": count must be between 1 and 1000000000, got " +
                                                   std::to_string(a.brands[i].count));
    }
    if (!brands.insert(a.brands[i].normalized_name).second) {
      throw Error(ErrorCode::invalid_argument,
                  where("brand", i) + ": brand '" + a.brands[i].normalized_name + "' is listed twice");
    }
  }
  std::unordered_set<std::string_view> metric_names;
  for (std::size_t i = 0; i < a.extra_metrics.size(); ++i) {
    require_id(a.extra_metrics[i].first, where("extra metric", i) + ": name");
    if (!metric_names.insert(a.extra_metrics[i].first).second) {
      throw Error(ErrorCode::invalid_argument,
                  where("extra metric", i) + ": '" + a.extra_metrics[i].first + "' is listed twice");
    }
  }
  if (!a.segment_translations.empty() && a.segment_translations.size() != n) {
    throw Error(ErrorCode::invalid_argument,
                "call " + in_quotes(call.id) + ": " + std::to_string(a.segment_translations.size()) +
                    " segment translations for " + std::to_string(n) + " segments");
  }
  for (std::size_t i = 0; i < a.segment_translations.size(); ++i) {
    require_text(a.segment_translations[i], where("segment translation", i));
  }
}

// Every figure against its documented range (store.hpp, docs/store.md "Ingesting calls"). `what`
// names the field ("field 'talk_ratio'", "term hit 0: field 'offset_ms'"); messages are built only
// on failure, since this runs for every call of a bulk ingestion.
void SqliteStore::check_figures(const CallWithAnalysis& item) const {
  const Call& call = item.call;
  const CallAnalysisRecord& a = item.analysis;
  const CallMetricsRecord& m = a.metrics;
  const Milliseconds length_ms = call.effective_duration_ms();
  const auto fail = [&](std::string_view what, const auto& value, std::string_view rule) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("call {}: {} is {}, {}", in_quotes(call.id), what, value, rule));
  };
  const auto field = [](std::string_view name) { return fmt::format("field '{}'", name); };
  // NaN fails every comparison, so it is out of every range.
  const auto in_range = [&](std::string_view name, double value, double low, double high) {
    if (!(value >= low && value <= high)) fail(field(name), value, fmt::format("outside {}..{}", low, high));
  };
  const auto optional_in_range = [&](std::string_view name, std::optional<double> value, double low,
                                     double high) {
    if (value) in_range(name, *value, low, high);
  };
  const auto rate = [&](std::string_view name, std::optional<double> value) {
    if (value && !(std::isfinite(*value) && *value >= 0))
      fail(field(name), *value, "not a finite number >= 0");
  };
  const auto count = [&](std::string_view name, std::int64_t value) {
    if (value < 0) fail(field(name), value, "below 0");
  };
  // A span of time within the call, or an offset from its start; `entry` names a hit or mention.
  const auto within_call = [&](std::string_view name, std::int64_t value, std::string_view entry = {}) {
    if (value < 0 || value > length_ms) {
      fail(entry.empty() ? field(name) : fmt::format("{}: {}", entry, field(name)), value,
           fmt::format("outside 0..{} (the call's length in ms)", length_ms));
    }
  };

  optional_in_range("talk_ratio", m.talk_ratio, 0, 1);
  within_call("seller_talk_ms", m.seller_talk_ms);
  within_call("customer_talk_ms", m.customer_talk_ms);
  count("switches", m.switches);
  rate("switch_rate_per_hour", m.switch_rate_per_hour);
  const auto length = static_cast<double>(length_ms);
  optional_in_range("average_pause_ms", m.average_pause_ms, 0, length);
  optional_in_range("patience_ms", m.patience_ms, 0, length);
  within_call("seller_longest_monologue_ms", m.seller_longest_monologue_ms);
  within_call("customer_longest_monologue_ms", m.customer_longest_monologue_ms);
  rate("seller_words_per_minute", m.seller_words_per_minute);
  rate("customer_words_per_minute", m.customer_words_per_minute);
  count("seller_questions", m.seller_questions);
  count("customer_questions", m.customer_questions);
  rate("seller_question_rate_per_hour", m.seller_question_rate_per_hour);
  optional_in_range("interactivity", m.interactivity, 0, 10);
  count("interruptions", m.interruptions);
  rate("seller_filler_words_per_minute", m.seller_filler_words_per_minute);

  // A score in [-1, 1] with the label the thresholds give it; a side that never spoke has neither.
  const auto sentiment = [&](std::string_view score_name, std::string_view label_name,
                             const SentimentRecord& record) {
    if (!record.score) {
      if (!record.label.empty()) fail(field(label_name), in_quotes(record.label), "but there is no score");
      return;
    }
    const double score = *record.score;
    in_range(score_name, score, -1, 1);
    const SentimentLabel label = sentiment_labels_.label_of(score);
    if (record.label != sentiment_label_name(label)) {
      fail(field(label_name), in_quotes(record.label),
           fmt::format("but the score {} is {} (positive from {}, negative up to {})", score,
                       sentiment_label_name(label), sentiment_labels_.positive_threshold,
                       sentiment_labels_.negative_threshold));
    }
  };
  sentiment("customer_sentiment", "customer_sentiment_label", a.customer_sentiment);
  sentiment("seller_sentiment", "seller_sentiment_label", a.seller_sentiment);

  for (std::size_t i = 0; i < a.term_hits.size(); ++i) {
    const Milliseconds offset = a.term_hits[i].offset_ms;
    if (offset < 0 || offset > length_ms) within_call("offset_ms", offset, fmt::format("term hit {}", i));
  }
  for (std::size_t i = 0; i < a.prices.size(); ++i) {
    const double amount = a.prices[i].amount;
    if (!(std::isfinite(amount) && amount >= 0)) {
      fail(fmt::format("price mention {}: field 'amount'", i), amount, "not a finite number >= 0");
    }
    const Milliseconds offset = a.prices[i].offset_ms;
    if (offset < 0 || offset > length_ms)
      within_call("offset_ms", offset, fmt::format("price mention {}", i));
  }
  for (const auto& [name, value] : a.extra_metrics) {
    if (!std::isfinite(value)) fail(fmt::format("extra metric '{}'", name), value, "not a finite number");
  }
}

// The call's call_mentions row (schema 2): its hits counted per (kind, term, role), and brands.
void SqliteStore::insert_call_mentions(std::int64_t key, const Call& call, const CallAnalysisRecord& a) {
  if (a.term_hits.empty() && a.brands.empty()) return;
  const std::string packed = aggregates::pack_call_mentions(a.term_hits, a.brands);
  auto s = db_.prepare(
      "INSERT INTO call_mentions (seller_id, start_time_ms, call_key, mentions) VALUES (?1, ?2, ?3, ?4)");
  s.bind(1, std::string_view(call.owner_seller_id)).bind(2, call.start_time_ms).bind(3, key);
  s.bind_blob(4, packed.data(), packed.size());
  s.run();
}

}  // namespace parley::sqlite
