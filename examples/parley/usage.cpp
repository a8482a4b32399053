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

constexpr std::array<CommandUsage, 4> commands = {{
    {"analyze",
     "parley analyze [--role NAME=seller|customer|other ...] [--our-user NAME ...]\n"
     "                      [--our-domain DOMAIN ...] [--language TAG] [--input-format FORMAT]\n"
     "                      [--terms FILE] [--format text|json] FILE...\n",
     "Analyses each transcript FILE (WebVTT, SRT, RTTM, parley JSON, Amazon Transcribe, AssemblyAI,\n"
     "Deepgram) and prints every metric (docs/cli.md, docs/output-json.md).\n"
     "  --role NAME=ROLE      the speaker NAME (id or display name) has ROLE; repeatable\n"
     "  --our-user NAME       the speaker NAME is one of our users: a seller; repeatable\n"
     "  --our-domain DOMAIN   speakers with an e-mail address at DOMAIN are sellers; repeatable\n"
     "  --language TAG        BCP 47 language of files that do not say (default en)\n"
     "  --input-format FORMAT webvtt, srt, rttm, parley-json, amazon-transcribe, assemblyai, deepgram\n"
     "  --terms FILE          tracked keywords and competitors (docs/terms.md)\n"
     "  --format text|json    a report per call (default) or one JSON document\n"
     "  -h, --help            this text\n"},
    {"sentiment", "parley sentiment [--lang TAG] [--format tsv|json]   (one text per line on stdin)\n",
     "Scores each line of standard input: one line out per line in (docs/sentiment.md).\n"
     "  --lang TAG            the bundled lexicon's language (default en)\n"
     "  --format tsv|json     score<TAB>label (default) or {\"score\":...,\"label\":...}\n"
     "  -h, --help            this text\n"},
    {"demo", "parley demo [--db FILE] [--seed N]   (sample organisation -> SQLite -> dashboards)\n",
     "Generates the sample organisation, analyses and stores every call, and prints a manager's home\n"
     "page and a seller's page.\n"
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
