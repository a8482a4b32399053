// Plain-text pages of the insights, for terminals and the demo.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "parley/insights.hpp"

namespace parley {

namespace {

std::string percent(const std::optional<double>& ratio) {
  return ratio ? fmt::format("{:.0f}%", *ratio * 100.0) : std::string("-");
}

std::string signed_percent(const std::optional<double>& ratio) {
  return ratio ? fmt::format("{:+.0f}%", *ratio * 100.0) : std::string("new");
}

std::string number(const std::optional<double>& value, int decimals = 1) {
  return value ? fmt::format("{:.{}f}", *value, decimals) : std::string("-");
}

std::string money(double value) {
  // Thousands grouped with commas, no currency (opportunities may mix them).
  const auto whole = static_cast<long long>(std::llround(value));
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (whole < 0 ? "-" : "") + out;
}

std::string seconds(const std::optional<double>& ms) {
  return ms ? fmt::format("{:.1f} s", *ms / 1000.0) : std::string("-");
}

std::string duration(std::int64_t ms) {
  const std::int64_t minutes = ms / 60'000;
  const std::int64_t days = minutes / (24 * 60);
  const std::int64_t hours = (minutes / 60) % 24;
  if (days > 0) return fmt::format("{} d {} h", days, hours);
  return fmt::format("{} h {} min", hours, minutes % 60);
}

std::string period_line(const PeriodInfo& period) {
  if (period.current.start_utc_ms == all_time_start) {
    return fmt::format("Period: all time ({})", period.time_zone);
  }
  ZoneCalendar calendar(period.time_zone, period.locale);
  std::string line = fmt::format("Period: {} {} .. {} ({})", period_kind_name(period.kind),
                                 calendar.local_date(period.current.start_utc_ms),
                                 calendar.local_date(period.current.end_utc_ms), period.time_zone);
  if (!period.previous.empty()) {
    line += fmt::format(", compared with {} .. {}", calendar.local_date(period.previous.start_utc_ms),
                        calendar.local_date(period.previous.end_utc_ms));
  }
  return line;
}

void term_table(std::string& out, const char* title, const std::vector<TermInsight>& terms,
                std::size_t limit) {
  out += fmt::format("  {}\n", title);
  if (terms.empty()) {
    out += "    (none)\n";
    return;
  }
  out += fmt::format("    {:<24} {:>8} {:>6} {:>8}\n", "", "mentions", "calls", "growth");
  for (std::size_t i = 0; i < terms.size() && i < limit; ++i) {
    const auto& t = terms[i];
    out +=
        fmt::format("    {:<24} {:>8} {:>6} {:>8}\n", t.term, t.mentions, t.calls, signed_percent(t.growth));
  }
}

std::string donut_line(const SentimentDonut& d) {
  return fmt::format("{} positive / {} neutral / {} negative ({} calls)", percent(d.positive_share),
                     percent(d.neutral_share), percent(d.negative_share), d.calls);
}

void count_row(std::string& out, const char* label, const CountTrend& trend, int decimals) {
  out += fmt::format("  {:<32} {:>10.{}f} {:>10.{}f} {:>8}\n", label, trend.current, decimals, trend.previous,
                     decimals, signed_percent(trend.growth));
}

}  // namespace

std::string render_home_page_text(const HomePage& page) {
  std::string out;
  const std::string team =
      page.team_manager_id.empty()
          ? std::string("all my sellers")
          : "team of " + (page.team_manager_name.empty() ? page.team_manager_id : page.team_manager_name);
  out += fmt::format("HOME PAGE - {} ({} sellers)\n", team, page.sellers);
  out += period_line(page.period) + "\n\n";

  const BasicKpis& b = page.basic;
  out += "Sales\n";
  out +=
      fmt::format("  {:<32} {}\n", "Time left in period", b.time_left_ms ? duration(*b.time_left_ms) : "-");
  out += fmt::format("  {:<32} {} (previous period {})\n", "Won revenue", money(b.won_revenue),
                     money(b.previous_won_revenue));
  out += fmt::format("  {:<32} {} ({} open deals)\n", "Open estimated revenue",
                     money(b.open_estimated_revenue), b.open_deals);
  out += fmt::format("  {:<32} {} (previous period {})\n", "Deals won", b.deals_won, b.previous_deals_won);
  out += fmt::format("  {:<32} {} of {} closed (previous period {})\n", "Win rate", percent(b.win_rate),
                     b.deals_won + b.deals_lost, percent(b.previous_win_rate));
  out += fmt::format("  {:<32} {}\n\n", "Average revenue per won deal",
                     b.average_revenue_per_deal ? money(*b.average_revenue_per_deal) : "-");

  const CustomerTopics& c = page.customers;
  out += "What customers talk about\n";
  out += "  Customer sentiment: " + donut_line(c.sentiment) + "\n";
  out += fmt::format("  {} calls ({}) more negative than average (average score {})\n",
                     c.more_negative_than_average_calls, percent(c.more_negative_than_average_share),
                     number(c.average_customer_sentiment, 2));
  term_table(out, "Top keywords (customer mentions)", c.top_keywords, 10);
  term_table(out, "Competitors (customer mentions)", c.top_competitors, 10);
  term_table(out, "Brands and organisations", c.top_brands, 8);
  out += "  Newly mentioned brands:";
  if (c.new_brands.empty()) out += " (none)";
  for (std::size_t i = 0; i < c.new_brands.size(); ++i) {
    out += fmt::format("{} {} ({})", i == 0 ? "" : ",", c.new_brands[i].term, c.new_brands[i].mentions);
  }
  out += "\n\n";

  const TopSellerComparison& t = page.top_sellers;
  out += fmt::format("What top sellers do (won revenue above the team average of {} per seller)\n",
                     money(t.team_average_revenue));
  out += "  Top sellers:";
  if (t.top_seller_ids.empty()) out += " (none)";
  for (std::size_t i = 0; i < t.top_seller_ids.size(); ++i) {
    // By display name where the page's team lists the seller.
    const auto seller = std::find_if(page.team.begin(), page.team.end(),
                                     [&](const User& u) { return u.id == t.top_seller_ids[i]; });
    out += (i == 0 ? " " : ", ") + (seller != page.team.end() && !seller->display_name.empty()
                                        ? seller->display_name
                                        : t.top_seller_ids[i]);
  }
  out += "\n";
  out += fmt::format("  {:<32} {:>12} {:>10}\n", "", "top sellers", "team");
  out += fmt::format("  {:<32} {:>12} {:>10}\n", "Talk ratio", percent(t.top_sellers.talk_ratio),
                     percent(t.team.talk_ratio));
  out += fmt::format("  {:<32} {:>12} {:>10}\n", "Negative customer sentiment",
                     percent(t.top_sellers.negative_share), percent(t.team.negative_share));
  out += fmt::format("  {:<32} {:>12} {:>10}\n", "Switches per hour",
                     number(t.top_sellers.switch_rate_per_hour, 0), number(t.team.switch_rate_per_hour, 0));
  out += fmt::format("  {:<32} {:>12} {:>10}\n", "Email hours per seller",
                     number(t.top_sellers_engagement.email), number(t.team_engagement.email));
  out += fmt::format("  {:<32} {:>12} {:>10}\n", "Meeting hours per seller",
                     number(t.top_sellers_engagement.meeting), number(t.team_engagement.meeting));
  out += fmt::format("  {:<32} {:>12} {:>10}\n", "Phone hours per seller",
                     number(t.top_sellers_engagement.phone_call), number(t.team_engagement.phone_call));
  out +=
      fmt::format("  {:<32} {:>12} {:>10}\n", "Recorded call hours per seller",
                  number(t.top_sellers_engagement.recorded_calls), number(t.team_engagement.recorded_calls));
  out += "  Best-practice keywords (seller mentions per call, top sellers vs team):";
  if (t.best_practice_keywords.empty()) out += " (none)";
  out += "\n";
  for (const auto& term : t.best_practice_keywords) {
    out += fmt::format("    {:<24} {:.2f} vs {:.2f}\n", term.term, term.top_sellers_per_call,
                       term.team_per_call);
  }
  out += "\n";

  out += "Call recording\n";
  out += fmt::format("  {:<32} {:>10} {:>10} {:>8}\n", "", "this", "previous", "change");
  count_row(out, "Calls recorded", page.recording.calls_recorded, 0);
  count_row(out, "Hours recorded", page.recording.hours_recorded, 1);
  count_row(out, "Calls with keywords", page.recording.calls_with_keywords, 0);
  count_row(out, "Calls with competitors or brands", page.recording.calls_with_competitors_or_brands, 0);
  return out;
}

std::string render_seller_details_text(const SellerDetails& d) {
  std::string out;
  out += fmt::format("SELLER DETAILS - {} ({})\n", d.seller.display_name, d.seller.id);
  out += period_line(d.period) + "\n\n";
  out += "Conversation style              this period   previous\n";
  auto row = [&out](const char* label, const std::string& now, const std::string& before) {
    out += fmt::format("  {:<30} {:>11} {:>10}\n", label, now, before);
  };
  const ConversationKpis& k = d.kpis;
  const ConversationKpis& p = d.previous_kpis;
  row("Calls", std::to_string(k.calls), std::to_string(p.calls));
  row("Talk / listen", percent(k.talk_ratio) + " / " + percent(k.listen_ratio),
      percent(p.talk_ratio) + " / " + percent(p.listen_ratio));
  row("Talking speed (words/min)", number(k.seller_words_per_minute, 0),
      number(p.seller_words_per_minute, 0));
  row("Switches per call", number(k.switches_per_call), number(p.switches_per_call));
  row("Average pause", seconds(k.average_pause_ms), seconds(p.average_pause_ms));
  row("Patience", seconds(k.patience_ms), seconds(p.patience_ms));
  row("Longest customer story", seconds(k.customer_longest_monologue_ms),
      seconds(p.customer_longest_monologue_ms));
  row("Questions per hour", number(k.seller_question_rate_per_hour), number(p.seller_question_rate_per_hour));
  row("Average customer sentiment", number(k.customer_sentiment, 2), number(p.customer_sentiment, 2));
  out += "\nCustomer sentiment: " + donut_line(d.sentiment) + "\n";
  out += fmt::format("Sentiment over time (by {}):\n", bucket_size_name(d.buckets.size));
  for (const auto& point : d.sentiment_over_time) {
    if (point.calls == 0) continue;
    out += fmt::format("  {}  {:>4} calls  average {:>5}  negative {}\n", point.local_date, point.calls,
                       number(point.average_customer_sentiment, 2), point.negative);
  }
  out += "\n";
  term_table(out, "Top keywords customers mentioned", d.top_keywords, 10);
  term_table(out, "Competitors customers mentioned", d.top_competitors, 10);
  out += "\nRecent calls\n";
  for (std::size_t i = 0; i < d.call_history.size() && i < 10; ++i) {
    const auto& call = d.call_history[i];
    out += fmt::format("  {}  {}  {:>3} min  talk {:>4}  sentiment {}\n", call.id, call.language,
                       call.duration_ms / 60'000, percent(call.metrics.talk_ratio),
                       call.customer_sentiment.label.empty() ? "-" : call.customer_sentiment.label);
  }
  out += fmt::format("\nComments ({})\n", d.comments.size());
  for (std::size_t i = 0; i < d.comments.size() && i < 5; ++i) {
    const auto& comment = d.comments[i];
    out += fmt::format("  {} at {} s, {}: {}\n", comment.call_id, comment.offset_ms / 1000, comment.author_id,
                       comment.text);
  }
  return out;
}

std::string render_team_view_text(const TeamView& view) {
  std::string out;
  out += fmt::format("TEAM - {}\n",
                     view.team_manager_id.empty() ? std::string("all my sellers") : view.team_manager_id);
  out += period_line(view.period) + "\n\n";
  out += fmt::format("  {:<22} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8}\n", "seller", "calls", "talk", "wpm",
                     "sw/call", "pause s", "sentim.");
  auto line = [&out](const std::string& name, const ConversationKpis& k) {
    out += fmt::format("  {:<22} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8}\n", name, k.calls, percent(k.talk_ratio),
                       number(k.seller_words_per_minute, 0), number(k.switches_per_call),
                       k.average_pause_ms ? fmt::format("{:.1f}", *k.average_pause_ms / 1000.0) : "-",
                       number(k.customer_sentiment, 2));
  };
  for (const auto& member : view.members) line(member.seller.display_name, member.kpis);
  line("Team average", view.team_average);
  return out;
}

}  // namespace parley
