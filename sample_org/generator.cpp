// The sample organisation generator: "Brightwave Software", two sales teams selling a conversation
// analytics suite to European and American companies. Sellers differ on purpose (talk ratio,
// questions, patience, win rate, deal size) so the dashboards have top sellers to show.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "parley/error.hpp"
#include "parley/text.hpp"
#include "phrases.hpp"
#include "sample_org.hpp"
#include "sample_random.hpp"

namespace parley {

namespace {

using sample::PhraseKind;
using sample::SampleLanguage;
using sample::SampleRandom;

constexpr std::int64_t minute_ms = 60'000;
constexpr std::int64_t hour_ms = 60 * minute_ms;
constexpr std::int64_t day_ms = 24 * hour_ms;
constexpr std::int64_t average_month_ms = 2'629'746'000;  // 365.2425 days / 12

struct LanguageInfo {
  std::string_view tag;
  SampleLanguage bank;
  std::string_view time_zone;
  int standard_offset_hours;  // local business hours are drawn in standard time (good enough here)
  std::string_view currency;
};

constexpr LanguageInfo language_table[] = {
    {"en-US", SampleLanguage::en, "America/New_York", -5, "USD"},
    {"en-GB", SampleLanguage::en, "Europe/London", 0, "GBP"},
    {"de-DE", SampleLanguage::de, "Europe/Berlin", 1, "EUR"},
    {"da-DK", SampleLanguage::da, "Europe/Copenhagen", 1, "DKK"},
    {"fr-FR", SampleLanguage::fr, "Europe/Paris", 1, "EUR"},
    {"es-ES", SampleLanguage::es, "Europe/Madrid", 1, "EUR"},
};

const LanguageInfo* find_language(std::string_view tag) {
  for (const auto& info : language_table) {
    if (info.tag == tag) return &info;
  }
  return nullptr;
}

constexpr std::string_view seller_names[] = {
    "Sofie Lund",   "Maximilian Roth", "Emily Parker", "Lars Holm",   "Greta Vogel",
    "Noah Brooks",  "Amélie Fontaine", "Carlos Ruiz",  "Hannah Cole", "Mathilde Girard",
    "Lucas Moreno", "Oliver Grant",    "Freya Dahl",   "Jan Köhler",  "Chloe Bennett",
    "Mikkel Berg",  "Paula Vidal",     "Théo Marchand"};

// "1,200" with the language's grouping separator, and the currency where the language puts it.
std::string format_price(int amount, std::string_view tag) {
  std::string digits = std::to_string(amount);
  std::string_view separator = ".";
  if (tag == "en-US" || tag == "en-GB") separator = ",";
  if (tag == "fr-FR") separator = " ";
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  if (tag == "en-US") return "$" + grouped;
  if (tag == "en-GB") return "£" + grouped;
  if (tag == "da-DK") return grouped + " kr.";
  return grouped + " €";
}

struct Slots {
  std::string_view name, seller, keyword, competitor, brand;
  std::string price;
};

void expand(std::string& out, std::string_view text, const Slots& slots) {
  out.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      const std::string_view slot = text.substr(i + 1, close - i - 1);
      if (slot == "name")
        out += slots.name;
      else if (slot == "seller")
        out += slots.seller;
      else if (slot == "kw")
        out += slots.keyword;
      else if (slot == "comp")
        out += slots.competitor;
      else if (slot == "brand")
        out += slots.brand;
      else if (slot == "price")
        out += slots.price;
      i = close + 1;
    } else {
      out += text[i++];
    }
  }
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 1;
  for (char c : text) words += c == ' ' ? 1 : 0;
  return words;
}

struct SellerProfile {
  std::string id;
  std::string name;
  std::string manager_id;
  std::string team;  // "north" or "south"
  const LanguageInfo* language = nullptr;
  const LanguageInfo* second_language = nullptr;
  double skill = 0.5;        // 0..1: drives every behaviour below
  double talk_ratio = 0.55;  // target share of seller talk
  double words_per_minute = 160;
  double patience_ms = 900;  // pause before answering a customer
  double question_share = 0.4;
  double win_probability = 0.4;
  double deal_factor = 1.0;
  double call_weight = 1.0;
  std::vector<std::size_t> accounts;
  std::vector<std::size_t> opportunities;
};

struct Contact {
  std::string id;
  std::string name;
};

struct Account {
  std::string id;
  std::string name;
  std::size_t seller = 0;
  std::vector<Contact> contacts;
};

class Generator {
 public:
  Generator(std::uint64_t seed, const SampleOrganisationOptions& options)
      : random_(seed), options_(options) {}

  SampleOrganisation run() {
    org_.name = "Brightwave Software";
    org_.end_utc_ms = options_.end_utc_ms;
    org_.start_utc_ms = options_.end_utc_ms - options_.months * average_month_ms;
    make_users();
    make_terms();
    make_accounts();
    make_opportunities();
    make_activities();
    make_calls();
    make_comments();
    return std::move(org_);
  }

 private:
  SampleRandom random_;
  SampleOrganisationOptions options_;
  SampleOrganisation org_;
  std::vector<SellerProfile> sellers_;
  std::vector<Account> accounts_;
  std::string text_;  // reused expansion buffer

  static std::string numbered(std::string_view prefix, std::size_t number, int width) {
    std::array<char, 32> digits{};
    std::snprintf(digits.data(), digits.size(), "%0*zu", width, number);
    return std::string(prefix) + digits.data();
  }

  void make_users() {
    auto add_user = [this](std::string id, std::string name, UserRole role, std::string manager,
                           std::string zone) {
      User user;
      user.id = std::move(id);
      user.display_name = std::move(name);
      user.email = user.id.substr(2) + "@brightwave.example";
      user.role = role;
      user.manager_id = std::move(manager);
      user.time_zone = std::move(zone);
      org_.users.push_back(std::move(user));
    };
    add_user("u-admin", "Morgan Lee", UserRole::administrator, "", "Europe/Copenhagen");
    add_user("u-director", "Helena Brandt", UserRole::manager, "", "Europe/Berlin");
    add_user("u-mgr-north", "Jonas Vestergaard", UserRole::manager, "u-director", "Europe/Copenhagen");
    add_user("u-mgr-south", "Isabel Ortega", UserRole::manager, "u-director", "Europe/Madrid");
    org_.teams.push_back({"team-north", "Nordics & DACH", "u-mgr-north", {}});
    org_.teams.push_back({"team-south", "Southern Europe & Americas", "u-mgr-south", {}});

    const int per_team = options_.sellers_per_team;
    const int total = 2 * per_team;
    // Skills spread evenly over the sellers in a shuffled order, with noise, so each team has
    // strong and weak sellers.
    std::vector<int> order(static_cast<std::size_t>(total));
    for (int i = 0; i < total; ++i) order[static_cast<std::size_t>(i)] = i;
    for (int i = total - 1; i > 0; --i) {
      std::swap(order[static_cast<std::size_t>(i)],
                order[static_cast<std::size_t>(random_.below(static_cast<std::uint64_t>(i) + 1))]);
    }
    const std::size_t language_count = options_.languages.size();
    const LanguageInfo* english = nullptr;
    for (const auto& tag : options_.languages) {
      if (tag.starts_with("en")) {
        english = find_language(tag);
        break;
      }
    }
    for (int i = 0; i < total; ++i) {
      SellerProfile seller;
      seller.id = numbered("u-s", static_cast<std::size_t>(i) + 1, 2);
      seller.name = i < static_cast<int>(std::size(seller_names)) ? std::string(seller_names[i])
                                                                  : "Seller " + std::to_string(i + 1);
      const bool north = i < per_team;
      seller.team = north ? "north" : "south";
      seller.manager_id = north ? "u-mgr-north" : "u-mgr-south";
      seller.language = find_language(options_.languages[static_cast<std::size_t>(i) % language_count]);
      seller.second_language = english != nullptr ? english : seller.language;
      if (seller.language->bank == SampleLanguage::en) seller.second_language = seller.language;
      seller.skill = std::clamp((order[static_cast<std::size_t>(i)] + random_.unit()) / total, 0.0, 1.0);
      const double s = seller.skill;
      seller.talk_ratio = 0.68 - 0.24 * s + random_.uniform(-0.03, 0.03);
      seller.words_per_minute = random_.uniform(145, 190);
      seller.patience_ms = 450 + 900 * s + random_.uniform(0, 200);
      seller.question_share = 0.25 + 0.35 * s;
      seller.win_probability = 0.25 + 0.45 * s;
      seller.deal_factor = 0.6 + 0.9 * s;
      seller.call_weight = random_.uniform(0.7, 1.3);
      org_.teams[north ? 0 : 1].seller_ids.push_back(seller.id);
      add_user(seller.id, seller.name, UserRole::seller, seller.manager_id,
               std::string(seller.language->time_zone));
      sellers_.push_back(std::move(seller));
    }
  }

  void make_terms() {
    for (const auto& spec : sample::sample_terms()) {
      TrackedTerm term;
      term.name = spec.name;
      term.kind = spec.competitor ? TermKind::competitor : TermKind::keyword;
      // A variant that matches like the name or an earlier variant (same normalized form) adds nothing,
      // and the matcher refuses it.
      std::vector<std::string> normalized{normalize_for_matching(term.name)};
      auto add_variant = [&](std::string_view v) {
        std::string key = normalize_for_matching(v);
        if (std::find(normalized.begin(), normalized.end(), key) != normalized.end()) return;
        normalized.push_back(std::move(key));
        term.variants.emplace_back(v);
      };
      for (auto form : spec.forms) add_variant(form);
      for (auto extra : spec.extra_variants) add_variant(extra);
      if (spec.team == "north") term.scope = {TermScope::Level::team, "u-mgr-north"};
      if (spec.team == "south") term.scope = {TermScope::Level::team, "u-mgr-south"};
      org_.tracked_terms.push_back(std::move(term));
    }
    for (auto brand : sample::sample_brands()) org_.brand_gazetteer.emplace_back(brand);
  }

  void make_accounts() {
    const auto& stems = sample::company_stems();
    constexpr std::string_view qualifiers[] = {"", " Group", " Partners", " Holding", " Systems"};
    constexpr std::size_t accounts_per_seller = 6;
    std::size_t contact_number = 0;
    for (std::size_t s = 0; s < sellers_.size(); ++s) {
      const auto& bank = sample::phrase_bank(sellers_[s].language->bank);
      for (std::size_t k = 0; k < accounts_per_seller; ++k) {
        const std::size_t n = accounts_.size();
        Account account;
        account.id = numbered("acc-", n + 1, 3);
        account.name = std::string(stems[n % stems.size()]) +
                       std::string(qualifiers[(n / stems.size()) % std::size(qualifiers)]) + " " +
                       std::string(bank.company_suffix);
        account.seller = s;
        const int contacts = random_.between(2, 3);
        for (int c = 0; c < contacts; ++c) {
          Contact contact;
          contact.id = numbered("con-", ++contact_number, 4);
          contact.name = std::string(random_.pick(std::span<const std::string_view>(bank.first_names))) +
                         " " + std::string(random_.pick(std::span<const std::string_view>(bank.last_names)));
          account.contacts.push_back(std::move(contact));
        }
        sellers_[s].accounts.push_back(n);
        accounts_.push_back(std::move(account));
      }
    }
  }

  void make_opportunities() {
    const std::int64_t span = org_.end_utc_ms - org_.start_utc_ms;
    constexpr std::string_view plans[] = {"25 seats", "50 seats",  "Enterprise",
                                          "Pilot",    "Expansion", "Renewal"};
    for (std::size_t s = 0; s < sellers_.size(); ++s) {
      SellerProfile& seller = sellers_[s];
      const int base = options_.opportunities_per_seller;
      const int count = base == 0 ? 0 : std::max(1, base + random_.between(-base / 3, base / 3));
      for (int k = 0; k < count; ++k) {
        Opportunity opportunity;
        opportunity.id = numbered("opp-", org_.opportunities.size() + 1, 4);
        const Account& account = accounts_[random_.pick(std::span<const std::size_t>(seller.accounts))];
        opportunity.account_id = account.id;
        opportunity.name =
            account.name + " - " + std::string(random_.pick(std::span<const std::string_view>(plans)));
        opportunity.owner_id = seller.id;
        opportunity.currency = std::string(seller.language->currency);
        // Created between a third of the span before it and a week before its end (whole ms).
        const std::int64_t created_window_ms = span + span / 3 - 7 * day_ms;
        opportunity.created_ms =
            org_.start_utc_ms - span / 3 +
            static_cast<std::int64_t>(random_.unit() * static_cast<double>(created_window_ms));
        const double revenue =
            std::exp(random_.uniform(std::log(8000.0), std::log(150000.0))) * seller.deal_factor;
        opportunity.estimated_revenue = std::round(revenue / 100.0) * 100.0;
        const std::int64_t closes = opportunity.created_ms + random_.between(15, 120) * day_ms;
        if (closes < org_.end_utc_ms) {
          opportunity.closed_ms = closes;
          if (random_.chance(seller.win_probability)) {
            opportunity.status = OpportunityStatus::won;
            opportunity.actual_revenue =
                std::round(opportunity.estimated_revenue * random_.uniform(0.85, 1.1) / 100.0) * 100.0;
          } else {
            opportunity.status = OpportunityStatus::lost;
          }
        }
        seller.opportunities.push_back(org_.opportunities.size());
        org_.opportunities.push_back(std::move(opportunity));
      }
    }
  }

  const Account& account_of(const Opportunity& opportunity) const {
    for (const auto& account : accounts_) {
      if (account.id == opportunity.account_id) return account;
    }
    return accounts_.front();
  }

  void make_activities() {
    constexpr std::string_view subjects[] = {"Follow-up on our call",  "Proposal",
                                             "Pricing details",        "Next steps",
                                             "Security questionnaire", "Contract draft"};
    std::size_t message_number = 0;
    for (const auto& opportunity : org_.opportunities) {
      const SellerProfile* seller = nullptr;
      for (const auto& s : sellers_) {
        if (s.id == opportunity.owner_id) seller = &s;
      }
      const Account& account = account_of(opportunity);
      const std::int64_t window_end = opportunity.closed_ms.value_or(org_.end_utc_ms);
      const int base = options_.activities_per_opportunity;
      const int count = base == 0 ? 0 : std::max(1, base + random_.between(-base / 2, base / 2));
      for (int k = 0; k < count; ++k) {
        const Contact& contact = random_.pick(std::span<const Contact>(account.contacts));
        Activity activity;
        activity.owner_id = seller->id;
        activity.account_id = account.id;
        activity.contact_id = contact.id;
        activity.opportunity_id = opportunity.id;
        std::int64_t when = opportunity.created_ms +
                            static_cast<std::int64_t>(
                                random_.unit() * static_cast<double>(window_end - opportunity.created_ms));
        if (!opportunity.closed_ms && random_.chance(0.1)) {
          when = org_.end_utc_ms +
                 static_cast<std::int64_t>(random_.uniform(1, 14 * 24)) * hour_ms;  // scheduled
        }
        activity.timestamp_ms = when;
        const ActivityParty ours{seller->id, seller->name, "", std::string(seller->language->time_zone)};
        const ActivityParty theirs{contact.id, contact.name, "", std::string(seller->language->time_zone)};
        activity.our_side.push_back(ours);
        activity.customer_side.push_back(theirs);
        const double kind = random_.unit();
        if (kind < 0.6 && when < org_.end_utc_ms) {
          activity.type = ActivityType::email;
          const bool ours_first = random_.chance(0.7);
          activity.direction = ours_first ? ActivityDirection::sent : ActivityDirection::received;
          activity.initiator_id = ours_first ? seller->id : contact.id;
          activity.subject = std::string(random_.pick(std::span<const std::string_view>(subjects)));
          activity.thread_id = numbered("thr-", ++message_number, 5);
          activity.message_id =
              "<" + activity.thread_id + ".1@" + (ours_first ? "brightwave.example>" : "customer.example>");
          activity.tracked = ours_first && random_.chance(0.7);
          const bool replied = random_.chance(ours_first ? 0.5 : 0.8);
          const std::int64_t reply_at = when + static_cast<std::int64_t>(random_.uniform(0.5, 72)) * hour_ms;
          if (activity.tracked) {
            if (random_.chance(0.75)) {
              activity.engagement.push_back(
                  {EngagementKind::opened,
                   when + static_cast<std::int64_t>(random_.uniform(0.1, 30)) * hour_ms});
            }
            if (random_.chance(0.25)) {
              activity.engagement.push_back(
                  {EngagementKind::link_clicked,
                   when + static_cast<std::int64_t>(random_.uniform(0.2, 40)) * hour_ms});
            }
            if (random_.chance(0.2)) {
              activity.engagement.push_back(
                  {EngagementKind::attachment_viewed,
                   when + static_cast<std::int64_t>(random_.uniform(0.2, 40)) * hour_ms});
            }
            if (replied && reply_at < org_.end_utc_ms)
              activity.engagement.push_back({EngagementKind::replied, reply_at});
          }
          if (replied && reply_at < org_.end_utc_ms) {
            Activity reply;
            reply.type = ActivityType::email;
            reply.direction = ours_first ? ActivityDirection::received : ActivityDirection::sent;
            reply.owner_id = activity.owner_id;
            reply.initiator_id = ours_first ? contact.id : seller->id;
            reply.our_side = activity.our_side;
            reply.customer_side = activity.customer_side;
            reply.timestamp_ms = reply_at;
            reply.subject = "Re: " + activity.subject;
            reply.thread_id = activity.thread_id;
            reply.message_id =
                "<" + activity.thread_id + ".2@" + (ours_first ? "customer.example>" : "brightwave.example>");
            reply.in_reply_to = activity.message_id;
            reply.references = {activity.message_id};
            reply.automatic_reply = ours_first && random_.chance(0.05);
            reply.account_id = activity.account_id;
            reply.contact_id = activity.contact_id;
            reply.opportunity_id = activity.opportunity_id;
            org_.activities.push_back(std::move(activity));
            org_.activities.push_back(std::move(reply));
            continue;
          }
        } else if (kind < 0.8) {
          activity.type = ActivityType::meeting;
          const bool ours_first = random_.chance(0.7);
          activity.direction = ours_first ? ActivityDirection::sent : ActivityDirection::received;
          activity.initiator_id = ours_first ? seller->id : contact.id;
          activity.subject =
              "Meeting: " + std::string(random_.pick(std::span<const std::string_view>(subjects)));
          activity.duration_ms = random_.between(1, 4) * 15 * minute_ms;
          if (random_.chance(0.2)) activity.our_side.push_back({seller->manager_id, "", "", ""});
          for (const auto& other : account.contacts) {
            if (other.id != contact.id && random_.chance(0.4))
              activity.customer_side.push_back({other.id, other.name, "", ""});
          }
        } else {
          activity.type = ActivityType::phone_call;
          const bool ours_first = random_.chance(0.75);
          activity.direction = ours_first ? ActivityDirection::sent : ActivityDirection::received;
          activity.initiator_id = ours_first ? seller->id : contact.id;
          activity.subject = "Call with " + contact.name;
          activity.duration_ms = random_.between(3, 25) * minute_ms;
        }
        org_.activities.push_back(std::move(activity));
      }
    }
    std::stable_sort(org_.activities.begin(), org_.activities.end(),
                     [](const Activity& a, const Activity& b) { return a.timestamp_ms < b.timestamp_ms; });
    for (std::size_t i = 0; i < org_.activities.size(); ++i)
      org_.activities[i].id = numbered("act-", i + 1, 5);
  }

  // A business-hours start in the seller's zone, on a weekday, inside the span.
  std::int64_t draw_call_start(const SellerProfile& seller) {
    const std::int64_t span = org_.end_utc_ms - org_.start_utc_ms;
    for (int attempt = 0; attempt < 64; ++attempt) {
      const std::int64_t instant =
          org_.start_utc_ms + static_cast<std::int64_t>(random_.unit() * static_cast<double>(span));
      const std::int64_t local = instant + seller.language->standard_offset_hours * hour_ms;
      const std::int64_t local_day = local >= 0 ? local / day_ms : (local - day_ms + 1) / day_ms;
      const std::int64_t weekday = ((local_day % 7) + 11) % 7;  // 1970-01-01 was a Thursday: 0 = Sunday
      if (weekday == 0 || weekday == 6) continue;
      const std::int64_t local_start =
          local_day * day_ms + static_cast<std::int64_t>(random_.uniform(8.0, 17.5) * hour_ms);
      const std::int64_t start = local_start - seller.language->standard_offset_hours * hour_ms;
      if (start >= org_.start_utc_ms && start < org_.end_utc_ms - 2 * hour_ms) return start / 1000 * 1000;
    }
    return org_.start_utc_ms;
  }

  std::size_t pick_keyword(const SellerProfile& seller, double time_fraction, bool seller_speaking) {
    const auto& terms = sample::sample_terms();
    std::vector<double> weights(terms.size(), 0.0);
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const auto& term = terms[i];
      if (term.competitor) continue;
      if (!term.team.empty() && term.team != seller.team) continue;
      double w = 1.0;
      if (term.name == "pricing") w = 2.5;
      if (term.name == "security") w = 0.3 + 2.2 * time_fraction;  // a rising topic
      if (term.name == "discount") w = 1.8 - 1.2 * time_fraction;  // a fading one
      if (seller_speaking && (term.name == "ROI" || term.name == "implementation"))
        w *= 0.5 + 5.0 * seller.skill * seller.skill;
      weights[i] = w;
    }
    return random_.weighted(weights);
  }

  // The competitor's index and the words said.
  std::pair<std::size_t, std::string_view> pick_competitor(double time_fraction) {
    const auto& terms = sample::sample_terms();
    std::vector<double> weights(terms.size(), 0.0);
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (!terms[i].competitor) continue;
      double w = 1.0;
      if (terms[i].name == "Contoso 360") w = 3.0;
      if (terms[i].name == "Fabrikam CRM") w = 0.4 + 3.0 * time_fraction;
      if (terms[i].name == "Northwind Sales") w = 1.5;
      weights[i] = w;
    }
    const std::size_t index = random_.weighted(weights);
    const auto& term = terms[index];
    if (!term.extra_variants.empty() && random_.chance(0.4)) return {index, term.extra_variants.front()};
    return {index, term.forms[0]};
  }

  std::string_view pick_brand(std::int64_t start) {
    const auto& brands = sample::sample_brands();
    // The new brands come up only lately: the first in the last 14 days, the second in the last 5.
    const std::size_t first_new = brands.size() - sample::new_brand_count;
    if (start >= org_.end_utc_ms - 14 * day_ms && random_.chance(0.5)) {
      const bool very_recent = start >= org_.end_utc_ms - 5 * day_ms;
      return brands[first_new + (very_recent ? random_.below(sample::new_brand_count) : 0)];
    }
    return brands[random_.below(brands.size() - sample::new_brand_count)];
  }

  Call make_call(std::size_t seller_index, SampleCallTruth& truth) {
    SellerProfile& seller = sellers_[seller_index];
    Call call;
    call.start_time_ms = draw_call_start(seller);
    const double time_fraction = static_cast<double>(call.start_time_ms - org_.start_utc_ms) /
                                 static_cast<double>(org_.end_utc_ms - org_.start_utc_ms);
    const LanguageInfo* language = random_.chance(0.85) ? seller.language : seller.second_language;
    call.language = std::string(language->tag);
    call.owner_seller_id = seller.id;

    // The opportunity the call is about: one of the seller's that is open at the time.
    std::vector<std::size_t> active;
    for (std::size_t o : seller.opportunities) {
      const Opportunity& opportunity = org_.opportunities[o];
      if (opportunity.created_ms <= call.start_time_ms &&
          opportunity.closed_ms.value_or(org_.end_utc_ms) > call.start_time_ms) {
        active.push_back(o);
      }
    }
    const Account* account = &accounts_[random_.pick(std::span<const std::size_t>(seller.accounts))];
    if (!active.empty()) {
      const Opportunity& opportunity = org_.opportunities[random_.pick(std::span<const std::size_t>(active))];
      call.opportunity_id = opportunity.id;
      account = &account_of(opportunity);
    }
    call.account_id = account->id;
    const Contact& contact = random_.pick(std::span<const Contact>(account->contacts));
    call.contact_id = contact.id;
    call.participants.push_back({"spk_0", seller.name, Role::seller, seller.id});
    call.participants.push_back({"spk_1", contact.name, Role::customer, contact.id});
    const bool second_customer = account->contacts.size() > 1 && random_.chance(0.12);
    if (second_customer) {
      for (const auto& other : account->contacts) {
        if (other.id != contact.id) {
          call.participants.push_back({"spk_2", other.name, Role::customer, other.id});
          break;
        }
      }
    }

    const auto& bank = sample::phrase_bank(language->bank);
    const std::string customer_first_name(std::string_view(contact.name).substr(0, contact.name.find(' ')));
    const std::string seller_first_name(std::string_view(seller.name).substr(0, seller.name.find(' ')));
    Slots slots;
    slots.name = customer_first_name;
    slots.seller = seller_first_name;

    // The call's plan: length, talk balance, mood and what comes up.
    const double target_ms = (4.0 + 40.0 * std::pow(random_.unit(), 1.6)) * static_cast<double>(minute_ms);
    const double talk = std::clamp(seller.talk_ratio + random_.uniform(-0.08, 0.08), 0.3, 0.8);
    const double customer_sentences = 3.5;
    const double seller_sentences = customer_sentences * talk / (1.0 - talk);
    const double negative = 0.30 - 0.15 * seller.skill;
    const double positive = 0.30 + 0.15 * seller.skill;
    const double mood = random_.unit();
    truth.customer_mood =
        mood < negative ? "negative" : (mood < negative + positive ? "positive" : "neutral");
    const std::array<double, 3> customer_tone =
        mood < negative ? std::array<double, 3>{0.1, 0.4, 0.5}
                        : (mood < negative + positive ? std::array<double, 3>{0.5, 0.4, 0.1}
                                                      : std::array<double, 3>{0.25, 0.6, 0.15});
    bool competitor_planned = random_.chance(0.35);
    bool brand_planned = random_.chance(0.22);
    bool price_planned = random_.chance(0.6);
    const double seller_ms_per_word = 60000.0 / seller.words_per_minute;
    const double customer_ms_per_word = 60000.0 / random_.uniform(140, 185);

    std::int64_t clock = random_.between(500, 3000);
    std::uint32_t last_speaker = 1;
    bool join_next = false;
    auto say = [&](std::uint32_t speaker, PhraseKind kind) {
      const auto& options = bank[kind];
      const Role role = speaker == 0 ? Role::seller : Role::customer;
      std::optional<SampleMention> mention;
      if (kind == PhraseKind::seller_keyword || kind == PhraseKind::customer_keyword_question) {
        const auto& term = sample::sample_terms()[pick_keyword(seller, time_fraction, speaker == 0)];
        slots.keyword = term.forms[static_cast<std::size_t>(language->bank)];
        mention = SampleMention{std::string(term.name), MentionKind::keyword, role, 0, 0};
      }
      if (kind == PhraseKind::customer_competitor) {
        const auto [index, said] = pick_competitor(time_fraction);
        slots.competitor = said;
        mention = SampleMention{std::string(sample::sample_terms()[index].name), MentionKind::competitor,
                                role, 0, 0};
      }
      if (kind == PhraseKind::customer_brand) {
        slots.brand = pick_brand(call.start_time_ms);
        mention = SampleMention{std::string(slots.brand), MentionKind::brand, role, 0, 0};
      }
      if (kind == PhraseKind::seller_price) {
        constexpr int amounts[] = {49, 99, 250, 1200, 4800, 12000, 45000, 60000};
        slots.price = format_price(random_.pick(std::span<const int>(amounts)), language->tag);
      }
      expand(text_, random_.pick(std::span<const std::string_view>(options)), slots);
      const double per_word = speaker == 0 ? seller_ms_per_word : customer_ms_per_word;
      const auto length = static_cast<std::int64_t>(static_cast<double>(count_words(text_)) * per_word *
                                                    random_.uniform(0.85, 1.15)) +
                          250;
      if (join_next && !call.segments.empty() && call.segments.back().speaker == speaker) {
        // Diarization often gives a whole turn as one segment.
        Segment& previous = call.segments.back();
        previous.text += ' ';
        previous.text += text_;
        previous.end_ms = clock + length;
        clock += length;
        join_next = false;
        if (mention) {
          mention->segment_index = static_cast<std::uint32_t>(call.segments.size() - 1);
          mention->offset_ms = previous.start_ms;
          truth.mentions.push_back(std::move(*mention));
        }
        return;
      }
      join_next = false;
      Segment segment;
      segment.speaker = speaker;
      segment.start_ms = clock;
      segment.end_ms = clock + length;
      segment.text = text_;
      if (mention) {
        mention->segment_index = static_cast<std::uint32_t>(call.segments.size());
        mention->offset_ms = segment.start_ms;
        truth.mentions.push_back(std::move(*mention));
      }
      call.segments.push_back(std::move(segment));
      clock += length;
    };
    // Silence before a new turn: the seller's patience after a customer, a shorter gap otherwise,
    // and now and then an interruption (the turn starts before the other side has finished).
    auto turn_gap = [&](std::uint32_t speaker) {
      std::int64_t gap = speaker == 0 && last_speaker != 0
                             ? static_cast<std::int64_t>(seller.patience_ms * random_.uniform(0.5, 1.5))
                             : random_.between(250, 900);
      if (random_.chance(0.07)) gap = -random_.between(200, 700);
      const std::int64_t earliest = call.segments.empty() ? 0 : call.segments.back().start_ms + 100;
      clock = std::max(earliest, clock + gap);
      last_speaker = speaker;
    };
    auto within_turn_gap = [&] {
      clock += random_.between(120, 500);
      join_next = random_.chance(0.7);
    };
    auto sentences = [&](double mean) {
      const double value = mean + random_.uniform(-0.5, 0.5);
      return std::max(1, static_cast<int>(std::lround(value)));
    };
    auto customer_speaker = [&]() -> std::uint32_t {
      return second_customer && random_.chance(0.3) ? 2u : 1u;
    };

    turn_gap(0);
    say(0, PhraseKind::seller_greeting);
    turn_gap(1);
    say(1, PhraseKind::customer_greeting);
    const std::array<double, 3> seller_middle = {
        0.04, 0.7, seller.question_share * 0.12};  // keyword, statement, question
    while (static_cast<double>(clock) < target_ms * 0.85) {
      const double progress = static_cast<double>(clock) / target_ms;
      // Seller turn.
      turn_gap(0);
      const int seller_count = sentences(seller_sentences);
      const std::int64_t turn_start = clock;
      for (int i = 0; i < seller_count; ++i) {
        if (i > 0) within_turn_gap();
        PhraseKind kind = PhraseKind::seller_statement;
        if (progress < 0.3) {
          kind = random_.chance(seller.question_share * 0.4) ? PhraseKind::seller_question
                                                             : PhraseKind::seller_statement;
        } else if (price_planned && progress > 0.5 && random_.chance(0.5)) {
          kind = PhraseKind::seller_price;
          price_planned = false;
        } else {
          const std::size_t pick = random_.weighted(seller_middle);
          kind = pick == 0 ? PhraseKind::seller_keyword
                           : (pick == 1 ? PhraseKind::seller_statement : PhraseKind::seller_question);
        }
        if (i == seller_count - 1 && kind != PhraseKind::seller_question &&
            random_.chance(seller.question_share * 0.05)) {
          say(0, kind);
          within_turn_gap();
          kind = PhraseKind::seller_question;
        }
        say(0, kind);
      }
      // A customer "mm-hmm" over a long seller turn.
      if (seller_count >= 3 && random_.chance(0.35)) {
        const std::int64_t middle = turn_start + (clock - turn_start) / 2;
        const std::int64_t saved = clock;
        clock = middle;
        say(1, PhraseKind::backchannel);
        std::swap(call.segments.back(), call.segments[call.segments.size() - 2]);  // keep rough time order
        const auto moved = static_cast<std::uint32_t>(call.segments.size() - 2);
        for (auto& mention : truth.mentions) {
          if (mention.segment_index == moved) ++mention.segment_index;
        }
        clock = saved;
      }
      // Customer turn.
      const std::uint32_t customer = customer_speaker();
      turn_gap(customer);
      const int customer_count = sentences(customer_sentences);
      for (int i = 0; i < customer_count; ++i) {
        if (i > 0) within_turn_gap();
        PhraseKind kind;
        if (competitor_planned && progress > 0.2 && random_.chance(0.35)) {
          kind = PhraseKind::customer_competitor;
          competitor_planned = random_.chance(0.25);  // sometimes they come back to it
        } else if (brand_planned && random_.chance(0.3)) {
          kind = PhraseKind::customer_brand;
          brand_planned = false;
        } else if (random_.chance(0.05)) {
          kind = PhraseKind::customer_keyword_question;
        } else if (random_.chance(0.08)) {
          kind = PhraseKind::customer_question;
        } else {
          const std::size_t tone = random_.weighted(customer_tone);
          kind = tone == 0 ? PhraseKind::customer_positive
                           : (tone == 1 ? PhraseKind::customer_neutral : PhraseKind::customer_negative);
        }
        say(customer, kind);
      }
    }
    turn_gap(0);
    say(0, PhraseKind::seller_next_step);
    turn_gap(1);
    say(1, customer_tone[0] >= 0.5 ? PhraseKind::customer_positive : PhraseKind::customer_neutral);
    turn_gap(0);
    say(0, PhraseKind::seller_closing);
    turn_gap(1);
    say(1, PhraseKind::customer_closing);
    std::int64_t last_end = 0;
    for (const auto& segment : call.segments) last_end = std::max(last_end, segment.end_ms);
    call.duration_ms = last_end + random_.between(500, 4000);
    return call;
  }

  void make_calls() {
    std::vector<double> weights;
    for (const auto& seller : sellers_) weights.push_back(seller.call_weight);
    const auto count = static_cast<std::size_t>(options_.call_count);
    std::vector<Call> calls;
    std::vector<SampleCallTruth> truths(count);
    calls.reserve(count);
    for (std::size_t i = 0; i < count; ++i) calls.push_back(make_call(random_.weighted(weights), truths[i]));
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&calls](std::size_t a, std::size_t b) {
      return calls[a].start_time_ms < calls[b].start_time_ms;
    });
    org_.calls.reserve(count);
    org_.truth.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      org_.calls.push_back(std::move(calls[order[i]]));
      org_.truth.push_back(std::move(truths[order[i]]));
      org_.calls.back().id = numbered("call-", i + 1, 6);
      org_.truth.back().call_id = org_.calls.back().id;
    }
  }

  void make_comments() {
    const auto& notes = sample::coaching_notes();
    for (const auto& call : org_.calls) {
      if (!random_.chance(options_.comment_share) || call.segments.empty()) continue;
      const SellerProfile* seller = nullptr;
      for (const auto& s : sellers_) {
        if (s.id == call.owner_seller_id) seller = &s;
      }
      Comment comment;
      comment.id = numbered("cmt-", org_.comments.size() + 1, 4);
      comment.call_id = call.id;
      comment.author_id = seller->manager_id;
      const auto index = static_cast<std::uint32_t>(random_.below(call.segments.size()));
      comment.segment_index = index;
      comment.offset_ms = call.segments[index].start_ms;
      comment.created_ms =
          std::min(org_.end_utc_ms - 1, call.start_time_ms + call.duration_ms +
                                            static_cast<std::int64_t>(random_.uniform(1, 48) * hour_ms));
      comment.text = std::string(random_.pick(std::span<const std::string_view>(notes)));
      org_.comments.push_back(std::move(comment));
    }
  }
};

void check_range(std::string_view option, double value, double low, double high) {
  if (!(value >= low && value <= high)) {
    char text[160];
    std::snprintf(text, sizeof text, "sample organisation: option %.*s = %g is outside [%g, %g]",
                  static_cast<int>(option.size()), option.data(), value, low, high);
    throw Error(ErrorCode::invalid_argument, text);
  }
}

}  // namespace

SampleOrganisation generate_sample_organisation(std::uint64_t seed,
                                                const SampleOrganisationOptions& options) {
  check_range("sellers_per_team", options.sellers_per_team, 1, 50);
  check_range("call_count", options.call_count, 0, 1'000'000);
  check_range("months", options.months, 1, 60);
  check_range("opportunities_per_seller", options.opportunities_per_seller, 0, 1000);
  check_range("activities_per_opportunity", options.activities_per_opportunity, 0, 1000);
  check_range("comment_share", options.comment_share, 0, 1);
  check_range("end_utc_ms", static_cast<double>(options.end_utc_ms), 6.0 * 365 * day_ms, 8.64e15);
  if (options.languages.empty()) {
    throw Error(ErrorCode::invalid_argument, "sample organisation: option languages is empty");
  }
  for (std::size_t i = 0; i < options.languages.size(); ++i) {
    if (find_language(options.languages[i]) == nullptr) {
      throw Error(ErrorCode::invalid_argument,
                  "sample organisation: languages[" + std::to_string(i) + "] = '" + options.languages[i] +
                      "' has no phrases (expected en-US, en-GB, de-DE, da-DK, fr-FR or es-ES)");
    }
  }
  return Generator(seed, options).run();
}

}  // namespace parley
