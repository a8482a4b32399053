#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/model.hpp"
#include "parley/readers.hpp"
#include "parley/relationship.hpp"
#include "parley/store.hpp"

namespace parley_cli {

// A command line that cannot be understood: exit status 2 with the usage text.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "--help" or "-h": every command answers it with its usage on stdout and exit status 0.
bool is_help_option(std::string_view argument) noexcept;
// The synopsis of one command ("analyze", "sentiment", "ingest", "relationship", "demo", "version"),
// followed by what it does and its options when `with_options`; the synopsis of every command when
// `command` is empty. Starts with "usage: ".
std::string usage_text(std::string_view command = {}, bool with_options = true);

// The value after the option at arguments[i] (advancing i), or a UsageError naming the option.
std::string_view take_value(std::span<const std::string_view> arguments, std::size_t& i);

// An instant given on the command line: milliseconds since the Unix epoch, or ISO 8601
// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM" / "-HH:MM" (a date alone
// is 00:00 UTC). Anything else is a UsageError naming `option`.
std::int64_t parse_instant(std::string_view option, std::string_view value);
// The clock, for commands whose --now is not given.
std::int64_t clock_now_ms();

// A CRM record named "TYPE:ID" (account, contact, lead or opportunity).
struct RecordRef {
  std::string type;
  std::string id;
};
RecordRef parse_record(std::string_view value);

// The viewer a command acts for: the stored user `user_id` with the viewer kind of their role
// (a manager sees their whole subtree); a user id the store does not know is taken as an
// administrator, which the store accepts only while it has no administrator (its bootstrap rule).
parley::Viewer resolve_viewer(parley::Store& store, const std::string& user_id);

// How transcripts are read and their speakers given roles (parley analyze, parley ingest).
struct TranscriptOptions {
  parley::RoleRules role_rules;
  parley::ReadOptions read_options;
  std::optional<parley::TranscriptFormat> input_format;
};

// "--role NAME=ROLE": the speaker NAME has ROLE (a UsageError otherwise).
void add_role_rule(parley::RoleRules& rules, std::string_view value);

struct AnalysedTranscript {
  parley::Call call;
  parley::CallAnalysis analysis;
};

// Reads one transcript, assigns roles, analyses it; reader warnings and speakers without a role
// go to stderr. Throws parley::Error when the file cannot be read.
AnalysedTranscript analyse_transcript(const std::string& file, const TranscriptOptions& options,
                                      const parley::CallAnalyzer& analyzer);

// The readable relationship page of one record (`record` as "account:ID"): summary, health, top
// contacts, initiation, engagement, ratios, responses, last and next, the days with interactions.
std::string relationship_page_text(std::string_view record, const parley::RelationshipKpis& kpis,
                                   const parley::RelationshipHealth& health);

int run_analyze(std::span<const std::string_view> arguments);
int run_sentiment(std::span<const std::string_view> arguments);
int run_ingest(std::span<const std::string_view> arguments);
int run_relationship(std::span<const std::string_view> arguments);
int run_demo(std::span<const std::string_view> arguments);

}  // namespace parley_cli
