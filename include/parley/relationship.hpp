#pragma once
// Relationship analytics for one CRM record (SPEC 7): email threading and response pairs, and the
// KPIs of the record's activities (summary, top contacts, initiation, tracked-email engagement,
// sent / received ratios, the day-by-day breakdown with its gaps, time spent, response time and
// rate, last and next interaction). docs/relationship.md defines every rule and figure.
//
// The input is the activities of one record (the caller selects them, e.g. with
// Store::activities(viewer, filter)) and the instant "now", passed explicitly: nothing reads the
// clock. Optional figures are absent (std::nullopt, JSON null) when nothing defines them.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/crm.hpp"

namespace parley {

// The two sides of a relationship: ours (our users) and the customer's (contacts).
enum class Side : std::uint8_t { ours, customer };
// "ours", "customer".
std::string_view side_name(Side side) noexcept;

// Working hours for business-hours response times, in the replier's local time.
struct BusinessHours {
  std::int32_t start_minute = 9 * 60;  // local minutes after midnight: 09:00
  std::int32_t end_minute = 17 * 60;   // 17:00; must be after start_minute, at most 24 * 60
  // Working days, Monday first: Monday to Friday.
  std::array<bool, 7> working_days = {true, true, true, true, true, false, false};
};

// The time-spent model (SPEC 7 defaults: an email costs 2.5 minutes to read and 5 to write).
struct TimeSpentModel {
  double email_write_minutes = 5.0;  // once, to the sender's side (0 for an automatic reply)
  double email_read_minutes = 2.5;   // per recipient on the other side
  // A meeting's duration counts once per attendee on each side (true) or once per side (false).
  bool meeting_per_attendee = true;
  // A call's duration counts once per participant on each side (true) or once per side (false).
  bool call_per_participant = true;

  // One person's minutes on an activity: an email's sender writes it, each recipient reads it; a
  // meeting's or a call's participant spends its duration (a negative one counts 0). Durations
  // add up, so a seller's total is this of the summed durations (the home page's engagement).
  [[nodiscard]] double person_minutes(ActivityType type, bool sender, std::int64_t duration_ms) const noexcept;
  // Throws Error(invalid_argument) "<where>.<field> = <value>: <rule>" for a negative or
  // non-finite number of minutes.
  void validate(std::string_view where = "TimeSpentModel") const;
};

// Every parameter of the relationship functions, with its default.
struct RelationshipOptions {
  // IANA zone of day boundaries (the day-by-day breakdown) and of business hours for a replier
  // without a zone of their own.
  std::string time_zone = "UTC";
  std::int32_t breakdown_days = 60;  // days of the breakdown, ending with the day of "now" (1..3660)
  std::size_t top_contacts = 3;      // contacts listed on each side
  // Also count response times in business hours only (ResponsePair::business_seconds and the
  // business_* figures); off: those are absent.
  bool business_hours_only = false;
  BusinessHours business_hours;
  TimeSpentModel time_spent;
  // Two stored emails with different Message-IDs are one message when sender, subject and
  // recipients are equal and their times differ by at most this much.
  std::int64_t duplicate_window_ms = 1000;

  // Throws Error(invalid_argument) "<where>.<field> = <value>: <rule>" for a value out of range (the
  // time zone is checked where it is used).
  void validate(std::string_view where = "RelationshipOptions") const;
};

// How a reply was tied to its parent.
enum class ReplyMatch : std::uint8_t { in_reply_to, references, subject };
// "in_reply_to", "references", "subject".
std::string_view reply_match_name(ReplyMatch match) noexcept;

// What a reply is to its parent: the first reply from the other side (response), a later reply
// from the other side (follow_up), or a reply from the parent's own side (same_side).
enum class ReplyRole : std::uint8_t { response, follow_up, same_side };
// "response", "follow_up", "same_side".
std::string_view reply_role_name(ReplyRole role) noexcept;

// One email matched to the email it answers.
struct ReplyLink {
  std::string parent_id;  // Activity ids
  std::string reply_id;
  ReplyMatch match = ReplyMatch::in_reply_to;
  ReplyRole role = ReplyRole::response;
};

// A message and its response (ReplyRole::response).
struct ResponsePair {
  std::string parent_id;
  std::string reply_id;
  Side responder = Side::ours;  // the reply's side
  double seconds = 0;           // reply time minus parent time
  // The part of those seconds inside business hours in the replier's zone (business_hours_only).
  std::optional<double> business_seconds;
};

// Email threading over one record's activities (docs/relationship.md, "Threading").
struct Threading {
  std::vector<ReplyLink> replies;       // every matched reply, in reply time order
  std::vector<ResponsePair> responses;  // the responses, in reply time order
  // Left out: the second and later copies of a message, automatic replies, scheduled emails.
  std::size_t duplicates = 0;
  std::size_t automatic_replies = 0;
  std::size_t forwards = 0;                // forwarded messages (kept, never replies)
  std::size_t replies_without_parent = 0;  // a reply header or prefix, and no parent in the record
};

// Threads the record's emails as of `now_utc_ms` (later emails are scheduled, left out). Throws
// Error(invalid_argument) for invalid options or an unknown time zone (naming the activity and party).
Threading thread_emails(const std::vector<Activity>& activities, const RelationshipOptions& options,
                        std::int64_t now_utc_ms);

// The base subject of RFC 5256 (2.1) with the reply and forward prefixes of many languages,
// case-folded: "Re: AW: [ext] Offer (fwd)" -> "offer".
std::string base_subject(std::string_view subject);

// A sentence of the summary and the figures it states, by name ("ours", "customer", ...).
struct SummarySentence {
  std::string topic;  // "initiated_emails", "response_time_ours", "last_interaction", ...
  std::string text;   // English
  std::vector<std::pair<std::string, double>> figures;
};

// Counts by mode.
struct ModeCounts {
  std::int64_t emails = 0;
  std::int64_t meetings = 0;
  std::int64_t phone_calls = 0;
  std::int64_t total() const noexcept { return emails + meetings + phone_calls; }
};

struct TopContact {
  std::string id;
  std::string display_name;  // the latest non-empty one
  std::string email;
  ModeCounts interactions;
  std::int64_t last_contact_ms = 0;  // the start of their latest interaction
};

// Activities started by each side, by type.
struct Initiation {
  ModeCounts by_us;
  ModeCounts by_customer;
};

// Tracked emails, and how many of them have at least one event of each kind.
struct EmailEngagement {
  std::int64_t tracked_emails = 0;
  std::int64_t opened = 0;
  std::int64_t replied = 0;
  std::int64_t link_clicked = 0;
  std::int64_t attachment_viewed = 0;
};

struct EmailRatio {
  std::int64_t emails_by_us = 0;
  std::int64_t emails_by_customer = 0;
  std::optional<double> by_them;  // customer emails per email of ours (absent when we sent none)
  std::optional<double> by_us;    // our emails per customer email (absent when they sent none)
};

// One local day of the breakdown.
struct RelationshipDay {
  std::string date;           // "YYYY-MM-DD" in options.time_zone
  std::int64_t start_ms = 0;  // local 00:00
  std::int64_t emails_sent = 0, emails_received = 0;
  std::int64_t meetings_sent = 0, meetings_received = 0;
  std::int64_t calls_made = 0, calls_received = 0;
  double minutes_ours = 0;      // time spent by our side (TimeSpentModel)
  double minutes_customer = 0;  // time spent by the customer's side
  std::int64_t interactions() const noexcept {
    return emails_sent + emails_received + meetings_sent + meetings_received + calls_made + calls_received;
  }
};

// A run of days of the breakdown without interaction.
struct InteractionGap {
  std::string start_date;
  std::int32_t days = 0;
};

struct ResponseTime {
  std::int64_t responses = 0;
  std::optional<double> mean_seconds, median_seconds;
  std::optional<double> business_mean_seconds, business_median_seconds;
};

// Messages from one side, and how many got a response from the other.
struct ResponseRate {
  std::int64_t messages = 0;
  std::int64_t responded = 0;
  std::optional<double> rate;  // responded / messages
};

struct InteractionRef {
  std::string activity_id;
  ActivityType type = ActivityType::email;
  std::int64_t timestamp_ms = 0;
};

struct RelationshipKpis {
  std::int64_t now_ms = 0;
  std::string time_zone;
  std::int64_t activities = 0;  // counted: past, not duplicates, not automatic replies
  std::int64_t scheduled = 0;   // after now
  std::vector<SummarySentence> summary;
  std::vector<TopContact> top_contacts_ours;
  std::vector<TopContact> top_contacts_customer;
  Initiation initiated;
  EmailEngagement engagement;
  EmailRatio email_ratio;
  std::vector<RelationshipDay> days;          // oldest first, breakdown_days of them
  std::vector<InteractionGap> gaps;           // every run of days without interaction, oldest first
  std::optional<InteractionGap> longest_gap;  // the longest (the earliest of equals)
  double minutes_ours = 0;                    // time spent over the breakdown's days
  double minutes_customer = 0;
  ResponseTime response_time_ours;      // our replies to the customer's emails
  ResponseTime response_time_customer;  // the customer's replies to ours
  ResponseRate response_rate_ours;      // customer emails we responded to
  ResponseRate response_rate_customer;  // our emails the customer responded to
  std::optional<InteractionRef> last_interaction;
  std::optional<InteractionRef> next_interaction;
  Threading threading;
};

// Every KPI of one record's activities at `now_utc_ms`. Throws Error(invalid_argument) for invalid
// options or an unknown time zone.
RelationshipKpis relationship_kpis(const std::vector<Activity>& activities,
                                   const RelationshipOptions& options, std::int64_t now_utc_ms);

std::string to_json(const RelationshipKpis& kpis);
std::string to_json(const Threading& threading);

// ---------------------------------------------------------------------------------------------
// Relationship health (SPEC 7): an explainable 0-100 score from four components, each 0..1
// (docs/relationship.md, "Health").

struct HealthOptions {
  // What one counted activity of each type is worth in frequency and reciprocity.
  double email_weight = 1.0;
  double meeting_weight = 3.0;
  double phone_call_weight = 2.0;
  std::int32_t window_days = 28;  // frequency, reciprocity and responsiveness look this far back
  // Expected contact frequency: weighted interactions per week that make frequency full.
  double expected_weighted_per_week = 3.0;
  // Recency is 1 up to recency_full_days after the last interaction, 0 from recency_zero_days,
  // linear between.
  double recency_full_days = 7;
  double recency_zero_days = 60;
  // Responsiveness is full when the customer's median response takes at most this long.
  double response_target_hours = 24;
  // Component weights (any non-negative numbers with a positive sum; the score uses their shares).
  double recency_weight = 0.3;
  double frequency_weight = 0.3;
  double reciprocity_weight = 0.2;
  double responsiveness_weight = 0.2;
  // Bands: good from good_from, fair from fair_from, poor below.
  std::int32_t good_from = 60;
  std::int32_t fair_from = 40;
  // The trend compares the score now with the score trend_weeks weeks earlier; a change within
  // steady_points either way is steady.
  std::int32_t trend_weeks = 4;
  double steady_points = 5;

  // Throws Error(invalid_argument) "<where>.<field> = <value>: <rule>" for a value out of range.
  void validate(std::string_view where = "HealthOptions") const;
};

enum class HealthBand : std::uint8_t { good, fair, poor };
enum class HealthTrend : std::uint8_t { up, down, steady };
// "good", "fair", "poor"; "up", "down", "steady".
std::string_view health_band_name(HealthBand band) noexcept;
std::string_view health_trend_name(HealthTrend trend) noexcept;

// One component at one instant.
struct HealthComponent {
  std::string name;         // "recency", "frequency", "reciprocity", "responsiveness"
  double value = 0;         // 0..1
  double weight = 0;        // its share of the score, 0..1
  double points = 0;        // 100 * weight * value: its part of the score
  std::string explanation;  // the figures behind the value, in words
};

// A component's change between the start of the trend and now.
struct HealthSignal {
  std::string component;
  double points = 0;  // change of its part of the score (positive: it raised the score)
  std::string text;   // English
};

struct HealthPoint {
  std::int64_t as_of_ms = 0;
  std::int32_t score = 0;
};

struct RelationshipHealth {
  std::int32_t score = 0;  // 0..100, the rounded sum of the components' points
  HealthBand band = HealthBand::poor;
  HealthTrend trend = HealthTrend::steady;
  std::vector<HealthComponent> components;  // now, in the order above
  std::vector<HealthPoint> history;         // weekly, oldest first, ending with now
  std::vector<HealthSignal> signals;        // by size of change, largest first; unchanged left out
  std::optional<InteractionRef> last_interaction;
  std::optional<InteractionRef> next_interaction;
};

// The record's health at `now_utc_ms`. Throws Error(invalid_argument) for invalid options.
RelationshipHealth relationship_health(const std::vector<Activity>& activities,
                                       const RelationshipOptions& options,
                                       const HealthOptions& health_options, std::int64_t now_utc_ms);

std::string to_json(const RelationshipHealth& health);

// ---------------------------------------------------------------------------------------------
// Similar won opportunities (docs/relationship.md, "Similar won opportunities"): each opportunity
// described by figures of its activities, and for an open one the won ones nearest to it over
// standardized features. Plain vectors here; the arithmetic uses Eigen inside the library.

// The feature columns, in this order.
enum class OpportunityFeature : std::uint8_t {
  emails,                  // counted emails (past, once each, no automatic replies)
  meetings,                // counted meetings
  phone_calls,             // counted phone calls
  hours_spent,             // our side's time on its activities, hours (the TimeSpentModel)
  response_hours_ours,     // median of our response times, hours (absent: no response of ours)
  response_rate_customer,  // share of our emails the customer responded to (absent: no email of ours)
  duration_days,           // created -> closed (open: -> now), days
  amount,                  // open and lost: estimated_revenue; won: actual_revenue
};
inline constexpr std::size_t opportunity_feature_count = 8;
// "emails", "meetings", "phone_calls", "hours_spent", "response_hours_ours",
// "response_rate_customer", "duration_days", "amount".
std::string_view opportunity_feature_name(OpportunityFeature feature) noexcept;

// One opportunity's features; an absent figure is std::nullopt (only the two response figures can
// be absent).
struct OpportunityFeatures {
  std::string opportunity_id;
  OpportunityStatus status = OpportunityStatus::open;
  std::int64_t activities = 0;  // its activities before now, counted as the KPIs count them
  std::array<std::optional<double>, opportunity_feature_count> values{};
  std::optional<double> value(OpportunityFeature feature) const noexcept {
    return values[static_cast<std::size_t>(feature)];
  }
};

// Every opportunity's features: rows = opportunities (in the order given), columns =
// OpportunityFeature.
struct FeatureMatrix {
  std::int64_t now_ms = 0;
  std::vector<OpportunityFeatures> rows;
};

// The features of every opportunity from the activities linked to it (Activity::opportunity_id;
// others are ignored), at `now_utc_ms`, in one pass over the activities. Throws
// Error(invalid_argument) for invalid options, an unknown time zone or two opportunities with one id.
FeatureMatrix refresh_features(const std::vector<Opportunity>& opportunities,
                               const std::vector<Activity>& activities, const RelationshipOptions& options,
                               std::int64_t now_utc_ms);

// How a feature was standardized over the won deals.
struct FeatureScale {
  std::string feature;                 // opportunity_feature_name
  double mean = 0;                     // over the won deals (imputed values included)
  double standard_deviation = 0;       // population (divides by the number of won deals)
  std::int64_t imputed_won_deals = 0;  // won deals without the figure, given the mean
};

// A feature not used in the distance, and why: "zero_variance" (every won deal has the same value)
// or "absent" (no won deal has it) or "out_of_range" (too large to square and sum).
struct LeftOutFeature {
  std::string feature;
  std::string reason;
};

struct SimilarDeal {
  std::string opportunity_id;
  double distance = 0;  // Euclidean over the used features' z-scores
  OpportunityFeatures features;
  std::vector<std::string> imputed;  // features it lacked, given the won deals' mean
};

struct SimilarWon {
  std::string opportunity_id;  // the open one
  OpportunityFeatures features;
  std::vector<std::string> imputed;  // its features given the won deals' mean
  std::int64_t used_won_deals = 0;   // every won deal of the matrix (no minimum)
  std::vector<FeatureScale> scales;  // the used features
  std::vector<LeftOutFeature> left_out;
  std::vector<SimilarDeal> similar;  // the k nearest, nearest first, ties by id
  std::string note;                  // English: how many won deals and features it used
};

// The k won opportunities of `matrix` nearest to the open `open_opportunity_id`. Throws
// Error(not_found) for an id not in the matrix and Error(invalid_argument) for one not open.
SimilarWon similar_won(const FeatureMatrix& matrix, std::string_view open_opportunity_id, std::size_t k);

std::string to_json(const OpportunityFeatures& features);
std::string to_json(const FeatureMatrix& matrix);
std::string to_json(const SimilarWon& similar);

}  // namespace parley
