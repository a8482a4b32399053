// parley_scan: the whole-process side of benchmarks/terms_vs_grep.sh.
//
//   parley_scan generate DIR [MB]     writes DIR/corpus.txt (~MB megabytes of multilingual transcript
//                                     lines, default 100), DIR/terms.txt (1,000 terms, one a line,
//                                     for grep), DIR/terms.tsv (the same as a parley term list) and
//                                     their normalized forms DIR/corpus.norm.txt, DIR/terms.norm.txt
//   parley_scan full TERMS.tsv FILE   parley's full path over FILE: each line a segment, 500 lines a
//                                     call; validate, normalize, match; prints the hit count
//   parley_scan raw [--any-cjk-boundary] TERMS.tsv FILE
//                                     raw matching over already-normalized FILE, one pass per 4 MB
//                                     block of lines; prints the match count (the flag turns off
//                                     dictionary boundaries in Chinese/Japanese text)
//   parley_scan words LANG FILE       word segmentation of every line; prints the word count
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/terms.hpp"
#include "parley/text.hpp"

namespace {

// One read into a buffer of the file's size (no stream copies).
std::string read_file(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) throw parley::Error(parley::ErrorCode::io, path + ": cannot open");
  std::string content;
  if (std::fseek(file, 0, SEEK_END) == 0) {
    const long size = std::ftell(file);
    std::rewind(file);
    if (size > 0) {
      content.resize(static_cast<std::size_t>(size));
      content.resize(std::fread(content.data(), 1, content.size(), file));
    }
  }
  std::fclose(file);
  return content;
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw parley::Error(parley::ErrorCode::io, path + ": cannot write");
}

// Real sentences in the languages of docs/text.md; "{}" takes a product or company name.
const std::vector<std::string> sentences = {
    "We'll renew the {} contract in Q3, won't we?",
    "Can you send me the pricing for {} before Friday?",
    "Honestly the onboarding was smoother than we expected, the team picked it up in a week.",
    "Our budget for next year is about $120,000 and we need approval from finance first.",
    "I think {} offered us a twenty percent discount last quarter.",
    "Let me share my screen and walk you through the dashboard.",
    "The colour's fine; the price is £1,200.50 per licence.",
    "Die Straße ist größer als die Übergrößen-Lösung von {}.",
    "Wir haben das Angebot von {} noch nicht erhalten, können Sie es bis Montag schicken?",
    "L'équipe a déjà reçu l'offre d'aujourd'hui, mais {} reste moins cher.",
    "Ça coûte trop cher, mais c’est négociable si vous signez avant la fin du mois.",
    "Vocês já conversaram com a equipe de aquisições sobre o {}?",
    "A renovação do contrato está prevista para março.",
    "¿Cuándo podemos firmar el año que viene con {}?",
    "La señora Núñez pidió una demostración del producto.",
    "Quest'anno l'azienda vorrebbe più licenze di {}.",
    "We hebben de offerte van vóór de zomer nog niet ontvangen.",
    "Vi får et økonomisk tilbud på tirsdag, og æblerne er gode.",
    "Kundene på Østlandet ønsker å forlenge avtalen med {}.",
    "Kunden på Åland vill förlänga avtalet i år.",
    "Asiakaspalvelupäällikkö lupasi lähettää tarjouksen huomenna.",
    "هل يمكننا تجديد العقد مع {} في الشهر القادم؟",
    "האם נוכל לחדש את החוזה עם {} בחודש הבא?",
    "我们明天开会，讨论{}的价格。",
    "你们的价格太高了，我们在比较华为和阿里巴巴。",
    "コンピューターの価格は高いです。{}と比較しています。",
    "明日、会議があります。",
};

// Names that occur in the corpus (a few of them tracked) and syllables for absent brand names.
const std::vector<std::string> present_names = {"Contoso",        "Contoso 360",    "Fabrikam", "Northwind",
                                                "Tailspin Toys",  "Woodgrove Bank", "Litware",  "Adatum",
                                                "Proseware",      "Wingtip",        "华为",     "阿里巴巴",
                                                "コンピューター", "Lösung",         "Núñez"};
const std::vector<std::string> syllables = {"vel", "tri", "qua", "zen", "bor", "lux", "mar",
                                            "kel", "dor", "pix", "nov", "sar", "tek", "ula",
                                            "rix", "ova", "gen", "fal", "mo",  "cyr"};

int generate(const std::string& dir, std::size_t megabytes) {
  std::mt19937_64 rng(20261123);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  std::string corpus;
  const std::size_t target = megabytes << 20;
  corpus.reserve(target + 4096);
  while (corpus.size() < target) {
    std::string line = sentences[pick(sentences.size())];
    const std::size_t slot = line.find("{}");
    if (slot != std::string::npos) line.replace(slot, 2, present_names[pick(present_names.size())]);
    corpus += line;
    corpus += '\n';
  }
  // 1,000 terms: 12 that occur (most of the present names), 988 invented names that never do.
  std::vector<std::string> terms(present_names.begin(), present_names.begin() + 12);
  while (terms.size() < 1000) {
    std::string name;
    const std::size_t parts = 2 + pick(2);
    for (std::size_t p = 0; p < parts; ++p) name += syllables[pick(syllables.size())];
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    if (pick(4) == 0) name += " Cloud";
    if (pick(6) == 0) name += " " + std::to_string(100 + pick(900));
    bool duplicate = false;
    for (const auto& t : terms) duplicate = duplicate || t == name;
    if (!duplicate) terms.push_back(name);
  }
  std::string terms_txt, terms_tsv = "# kind\tname\n", terms_norm;
  for (const auto& t : terms) {
    terms_txt += t + "\n";
    terms_tsv += "competitor\t" + t + "\n";
    terms_norm += parley::normalize_for_matching(t) + "\n";
  }
  std::string normalized, line_norm;
  normalized.reserve(corpus.size() + corpus.size() / 8);
  std::size_t start = 0;
  while (start < corpus.size()) {
    const std::size_t end = corpus.find('\n', start);
    parley::normalize_for_matching(std::string_view(corpus).substr(start, end - start), line_norm);
    normalized += line_norm;
    normalized += '\n';
    start = end + 1;
  }
  write_file(dir + "/corpus.txt", corpus);
  write_file(dir + "/corpus.norm.txt", normalized);
  write_file(dir + "/terms.txt", terms_txt);
  write_file(dir + "/terms.tsv", terms_tsv);
  write_file(dir + "/terms.norm.txt", terms_norm);
  std::cout << "corpus " << corpus.size() << " bytes, normalized " << normalized.size() << " bytes, "
            << terms.size() << " terms\n";
  return 0;
}

// The file mapped read-only (no copy), as a scanner over files would read it.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw parley::Error(parley::ErrorCode::io, path + ": cannot open");
    struct stat info {};
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
      size_ = static_cast<std::size_t>(info.st_size);
      // MAP_POPULATE: the page tables are filled in one go rather than by a fault per page.
      void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (mapped != MAP_FAILED) data_ = static_cast<const char*>(mapped);
    }
    ::close(fd);
    if (size_ > 0 && data_ == nullptr) throw parley::Error(parley::ErrorCode::io, path + ": cannot map");
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view text() const { return {data_ == nullptr ? "" : data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

int full(const std::string& terms_path, const std::string& corpus_path) {
  const auto terms = parley::load_term_list(terms_path);
  const parley::TrackedTermMatcher matcher(terms);
  const MappedFile file(corpus_path);
  const std::string_view corpus = file.text();
  parley::Call call;
  call.participants.push_back({"rep", "Rep", parley::Role::seller, {}});
  call.participants.push_back({"buyer", "Buyer", parley::Role::customer, {}});
  std::vector<parley::TermHit> hits;
  std::size_t total = 0, start = 0, used = 0;
  // One call's segments, refilled for each call (their text buffers are reused, as a host that
  // streams calls through one Call object would).
  call.segments.resize(500);
  auto run_call = [&] {
    call.segments.resize(used);
    matcher.find_hits(call, hits);
    total += hits.size();
    call.segments.resize(500);
    used = 0;
  };
  while (start < corpus.size()) {
    std::size_t end = corpus.find('\n', start);
    if (end == std::string_view::npos) end = corpus.size();
    parley::Segment& segment = call.segments[used];
    segment.speaker = static_cast<std::uint32_t>(used % 2);
    segment.start_ms = static_cast<parley::Milliseconds>(used) * 4000;
    segment.end_ms = segment.start_ms + 3500;
    segment.text.assign(corpus.substr(start, end - start));
    if (++used == 500) run_call();
    start = end + 1;
  }
  run_call();
  std::cout << total << "\n";
  return 0;
}

// Reads the normalized file in blocks of whole lines (as grep reads its input) and scans each block
// in one pass; a term never spans a line, so no match is lost at a block edge.
int raw(const std::string& terms_path, const std::string& normalized_path, bool dictionary_boundaries) {
  const auto terms = parley::load_term_list(terms_path);
  parley::TermMatcherOptions options;
  options.dictionary_boundaries_for_unspaced_scripts = dictionary_boundaries;
  const parley::TrackedTermMatcher matcher(terms, options);
  std::FILE* file = std::fopen(normalized_path.c_str(), "rb");
  if (file == nullptr) throw parley::Error(parley::ErrorCode::io, normalized_path + ": cannot open");
  std::vector<char> buffer(4u << 20);
  std::vector<parley::NormalizedTextMatch> matches;
  std::size_t total = 0, kept = 0;
  while (true) {
    const std::size_t got = std::fread(buffer.data() + kept, 1, buffer.size() - kept, file);
    const std::size_t filled = kept + got;
    if (filled == 0) break;
    std::size_t cut = filled;
    if (got > 0) {  // keep the last partial line for the next block
      while (cut > 0 && buffer[cut - 1] != '\n') --cut;
      if (cut == 0) {  // a line longer than the buffer: grow it
        buffer.resize(buffer.size() * 2);
        kept = filled;
        continue;
      }
    }
    matcher.find_in_normalized(std::string_view(buffer.data(), cut), matches);
    total += matches.size();
    kept = filled - cut;
    std::memmove(buffer.data(), buffer.data() + cut, kept);
    if (got == 0) break;
  }
  std::fclose(file);
  std::cout << total << "\n";
  return 0;
}

int words(const std::string& language, const std::string& path) {
  const std::string corpus = read_file(path);
  parley::WordSegmenter segmenter(language);
  std::size_t total = 0, start = 0;
  while (start < corpus.size()) {
    std::size_t end = corpus.find('\n', start);
    if (end == std::string::npos) end = corpus.size();
    total += segmenter.count_words(std::string_view(corpus).substr(start, end - start));
    start = end + 1;
  }
  std::cout << total << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() >= 2 && args[0] == "generate") {
      return generate(args[1], args.size() > 2 ? std::stoul(args[2]) : 100);
    }
    if (args.size() == 3 && args[0] == "full") return full(args[1], args[2]);
    if (args.size() == 3 && args[0] == "raw") return raw(args[1], args[2], true);
    if (args.size() == 4 && args[0] == "raw" && args[1] == "--any-cjk-boundary")
      return raw(args[2], args[3], false);
    if (args.size() == 3 && args[0] == "words") return words(args[1], args[2]);
    std::cerr << "usage: parley_scan generate DIR [MB] | full TERMS.tsv FILE | raw [--any-cjk-boundary] "
                 "TERMS.tsv FILE"
                 " | words LANG FILE\n";
    return 2;
  } catch (const parley::Error& error) {
    std::cerr << "parley_scan: " << error.what() << "\n";
    return 1;
  }
}
