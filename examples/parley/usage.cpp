// The usage text of every command: `parley COMMAND --help` prints its own, `parley --help` all.
#include <array>
#include <string>

#include "commands.hpp"

namespace parley_cli {
namespace {

struct CommandUsage {
  std::string_view command;
  std::string_view synopsis;  // "usage: " follows for the overview's first line, "       " after
  std::string_view details;   // shown by `parley COMMAND --help` only
};

constexpr std::array<CommandUsage, 6> commands = {{
    {"analyze",
     "parley analyze [--role NAME=seller|customer|other ...] [--our-user NAME ...]\n"
     "                      [--our-domain DOMAIN ...] [--language TAG] [--input-format FORMAT]\n"
     "                      [--terms FILE] [--ours NAME ...] [--format text|json] FILE...\n",
     "Analyses each transcript FILE (WebVTT, SRT, RTTM, parley JSON, Amazon Transcribe, AssemblyAI,\n"
     "Deepgram) and prints every metric (docs/cli.md, docs/output-json.md).\n"
     "  --role NAME=ROLE      the speaker NAME (id or display name) has ROLE; repeatable\n"
     "  --our-user NAME       the speaker NAME is one of our users: a seller; repeatable\n"
     "  --our-domain DOMAIN   speakers with an e-mail address at DOMAIN are sellers; repeatable\n"
     "  --language TAG        BCP 47 language of files that do not say (default en)\n"
     "  --input-format FORMAT webvtt, srt, rttm, parley-json, amazon-transcribe, assemblyai, deepgram\n"
     "  --terms FILE          tracked keywords and competitors (docs/terms.md)\n"
     "  --ours NAME           a name of our own organisation, never an other brand; repeatable\n"
     "  --format text|json    a report per call (default) or one JSON document\n"
     "  -h, --help            this text\n"},
    {"sentiment", "parley sentiment [--lang TAG] [--format tsv|json]   (one text per line on stdin)\n",
     "Scores each line of standard input: one line out per line in (docs/sentiment.md).\n"
     "  --lang TAG            the bundled lexicon's language (default en)\n"
     "  --format tsv|json     score<TAB>label (default) or {\"score\":...,\"label\":...}\n"
     "  -h, --help            this text\n"},
    {"ingest",
     "parley ingest --db FILE [--ours DOMAIN|ADDRESS ...] [--record TYPE:ID ...]\n"
     "                     [--account-from-domain] [--viewer USER] [--users FILE.json ...]\n"
     "                     [--mbox FILE ...] [--eml DIR|FILE ...] [--ics FILE ...]\n"
     "                     [--activities FILE.json|FILE.csv ...] [--opportunities FILE.json|FILE.csv ...]\n"
     "                     [--window-days N] [--now TIME] [TRANSCRIPT ...]\n",
     "Reads mail, calendars, activities and opportunities (JSON or CSV) and transcripts and stores them\n"
     "and the analysed calls in the SQLite store FILE (created if missing) on behalf of the viewer\n"
     "(docs/cli.md). A message, event or record that cannot be read or stored is one line\n"
     "\"FILE: WHERE: MESSAGE\" on stderr; the rest is stored; the exit status is then 1. One summary\n"
     "line per input.\n"
     "  --db FILE             the SQLite store\n"
     "  --ours VALUE          our side: an address (with '@') or a domain and its subdomains; repeatable\n"
     "  --record TYPE:ID      link everything read to this account, contact, lead or opportunity\n"
     "  --account-from-domain without --record account:ID, the customer's email domain names the account\n"
     "  --viewer USER         who stores it (default admin; an unknown id is an administrator, which\n"
     "                        the store accepts while it has no administrator)\n"
     "  --users FILE.json     users to store first (a JSON array); users' emails map to their ids\n"
     "  --mbox FILE           an mbox file; repeatable\n"
     "  --eml DIR|FILE        an .eml message or a folder of them; repeatable\n"
     "  --ics FILE            an iCalendar file; repeatable\n"
     "  --activities FILE     activities in their JSON or CSV form (by the extension, docs/crm-input.md);\n"
     "                        repeatable\n"
     "  --opportunities FILE  opportunities in their JSON or CSV form; repeatable\n"
     "  --window-days N       recurring meetings are expanded over now -/+ N days (default 90)\n"
     "  --now TIME            ISO 8601 with a zone, or ms since 1970 (default: the clock)\n"
     "  --time-zone ZONE      IANA zone of calendar times without one (default UTC)\n"
     "  --seller USER         the owner of transcripts that do not name one\n"
     "  --our-user NAME       a transcript speaker who is one of our users; repeatable\n"
     "  --role NAME=ROLE      a transcript speaker's role (seller, customer, other); repeatable\n"
     "  --language TAG        BCP 47 language of transcripts that do not say\n"
     "  -h, --help            this text\n"},
    {"relationship",
     "parley relationship --db FILE --record TYPE:ID [--viewer USER] [--now TIME]\n"
     "                           [--time-zone ZONE] [--business-hours] [--format text|json]\n",
     "Prints every relationship KPI and the health of one record from the activities the viewer may\n"
     "see (docs/relationship.md, docs/cli.md).\n"
     "  --db FILE             the SQLite store (must exist)\n"
     "  --record TYPE:ID      account, contact, lead or opportunity and its id\n"
     "  --viewer USER         on whose behalf (default admin)\n"
     "  --now TIME            ISO 8601 with a zone, or ms since 1970 (default: the clock)\n"
     "  --time-zone ZONE      IANA zone of the day-by-day breakdown (default UTC)\n"
     "  --business-hours      also response times counted in business hours only\n"
     "  --format text|json    a readable page (default) or {\"record\",\"kpis\",\"health\"}\n"
     "  -h, --help            this text\n"},
    {"demo", "parley demo [--db FILE] [--seed N]   (sample organisation -> SQLite -> dashboards)\n",
     "Generates the sample organisation, analyses and stores every call, its opportunities and\n"
     "activities, and prints a manager's home page, a seller's page and one account's relationship page.\n"
     "  --db FILE             the SQLite file to create, replaced if it exists (default parley-demo.sqlite)\n"
     "  --seed N              the generator's seed (default 2026)\n"
     "  -h, --help            this text\n"},
    {"version", "parley version\n", "Prints the library's version.\n  -h, --help            this text\n"},
}};

}  // namespace

bool is_help_option(std::string_view argument) noexcept { return argument == "--help" || argument == "-h"; }

std::string usage_text(std::string_view command, bool with_options) {
  std::string text;
  for (const CommandUsage& usage : commands) {
    if (!command.empty() && usage.command != command) continue;
    text += text.empty() ? "usage: " : "       ";
    text += usage.synopsis;
    if (!command.empty() && with_options) {
      text += '\n';
      text += usage.details;
    }
  }
  return text;
}

}  // namespace parley_cli
