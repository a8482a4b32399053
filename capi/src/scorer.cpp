// The C ABI's sentiment of plain text: a scorer over one language's bundled lexicon (parley.h,
// "Sentiment of plain text"). score_many and score_lines add nothing per text to the scorer's own
// work: no allocation, the struct size checked once per array.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "capi_support.hpp"
#include "options_json.hpp"
#include "parley/sentiment.hpp"

using namespace parley;

namespace {

parley_sentiment_score score_of(const SegmentSentiment& sentiment, std::size_t struct_size) {
  parley_sentiment_score out{};
  out.struct_size = struct_size;
  out.score = sentiment.score;
  out.label = static_cast<parley_sentiment_label>(sentiment.label);
  out.word_count = sentiment.word_count;
  out.matched_terms = sentiment.matched_terms;
  return out;
}

// An out-array of parley_sentiment_score whose element size is out[0].struct_size (checked once):
// element i gets the fields its size holds and that size.
class ScoreArray {
 public:
  ScoreArray(parley_sentiment_score* out, std::string_view name) : out_(reinterpret_cast<char*>(out)) {
    stride_ = out->struct_size;
    capi::check_struct_size(stride_, sizeof(parley_sentiment_score), name);
  }
  void set(std::size_t i, const SegmentSentiment& sentiment) const {
    const parley_sentiment_score value = score_of(sentiment, stride_);
    std::memcpy(out_ + i * stride_, &value, std::min(stride_, sizeof value));
  }

 private:
  char* out_;
  std::size_t stride_ = 0;
};

// Text i of score_many: the checks of capi::text_arg, its message built only when one fails.
std::string_view text_at(const char* const* texts, const std::size_t* lengths, std::size_t i) {
  const char* data = texts[i];
  std::size_t length = lengths[i];
  if (data != nullptr) {
    if (length == PARLEY_NUL_TERMINATED) length = std::strlen(data);
    if (length <= PARLEY_MAX_INPUT_BYTES) return {data, length};
  }
  return capi::text_arg(texts[i], lengths[i], fmt::format("texts[{}]", i));
}

// The scorer's error with the text it was about in front ("texts[3]: ...", "line 7: ...").
[[noreturn]] void rethrow_for(const Error& error, std::string_view where) {
  throw Error(error.code(), fmt::format("{}: {}", where, error.message()));
}

}  // namespace

extern "C" {

parley_status parley_scorer_create(const char* language, size_t language_length, const char* options_json,
                                   size_t options_json_length, const char* extra_lexicon_tsv,
                                   size_t extra_lexicon_tsv_length, parley_scorer** out_scorer) {
  return capi::guarded([&] {
    parley_scorer*& out = capi::out_arg(out_scorer, "out_scorer");
    const std::string_view tag = capi::text_arg(language, language_length, "language");
    if (tag.empty()) capi::argument_error("language", "is empty: name a BCP 47 tag such as 'en'");
    const SentimentOptions options = capi::options_arg(options_json, options_json_length, "options_json",
                                                       capi::sentiment_options_from_json);
    const std::string_view extra =
        capi::text_arg(extra_lexicon_tsv, extra_lexicon_tsv_length, "extra_lexicon_tsv");
    SentimentLexicon lexicon = bundled_sentiment_lexicon(tag, std::string());
    if (!extra.empty())
      lexicon = lexicon.merged_with(SentimentLexicon::parse(extra, "extra_lexicon_tsv", tag));
    out = new parley_scorer{SentimentScorer(std::move(lexicon), options)};
  });
}

void parley_scorer_free(parley_scorer* scorer) { delete scorer; }

parley_status parley_scorer_has_lexicon(const parley_scorer* scorer, int32_t* out_has_lexicon) {
  return capi::guarded([&] {
    const parley_scorer& handle = capi::handle_arg(scorer, "scorer");
    capi::out_arg(out_has_lexicon, "out_has_lexicon") = handle.scorer.lexicon().has_valence_lexicon() ? 1 : 0;
  });
}

parley_status parley_scorer_score(parley_scorer* scorer, const char* text, size_t text_length,
                                  parley_sentiment_score* out_score) {
  return capi::guarded([&] {
    parley_scorer& handle = capi::handle_arg(scorer, "scorer");
    if (out_score == nullptr) capi::argument_error("out_score", "is NULL");
    const ScoreArray out(out_score, "out_score");
    out.set(0, handle.scorer.score(capi::text_arg(text, text_length, "text")));
  });
}

parley_status parley_scorer_score_many(parley_scorer* scorer, const char* const* texts, const size_t* lengths,
                                       size_t count, parley_sentiment_score* out_scores) {
  return capi::guarded([&] {
    parley_scorer& handle = capi::handle_arg(scorer, "scorer");
    capi::array_arg(texts, count, "texts");
    capi::array_arg(lengths, count, "lengths");
    capi::array_arg(out_scores, count, "out_scores");
    if (count == 0) return;
    const ScoreArray out(out_scores, "out_scores[0]");
    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view text = text_at(texts, lengths, i);
      try {
        out.set(i, handle.scorer.score(text));
      } catch (const Error& error) {
        rethrow_for(error, fmt::format("texts[{}]", i));
      }
    }
  });
}

parley_status parley_scorer_score_lines(parley_scorer* scorer, const char* text, size_t text_length,
                                        parley_sentiment_score* out_scores, size_t capacity,
                                        size_t* out_count) {
  return capi::guarded([&] {
    size_t& count_out = capi::out_arg(out_count, "out_count");
    parley_scorer& handle = capi::handle_arg(scorer, "scorer");
    const std::string_view content = capi::text_arg(text, text_length, "text");
    capi::array_arg(out_scores, capacity, "out_scores");

    // Lines end at '\n'; text after the last '\n' is one more line when it is not empty.
    std::size_t lines = 0;
    for (const char *at = content.data(), *end = content.data() + content.size(); at != end; ++lines) {
      const void* newline = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
      at = newline == nullptr ? end : static_cast<const char*>(newline) + 1;
    }
    if (lines > capacity) {
      count_out = lines;
      throw Error(
          ErrorCode::limit_exceeded,
          fmt::format("argument 'capacity' is {}: the text has {} lines, so out_scores needs {} elements",
                      capacity, lines, lines));
    }
    if (lines == 0) return;

    const ScoreArray out(out_scores, "out_scores[0]");
    std::size_t line = 0;
    for (std::size_t start = 0; start < content.size(); ++line) {
      std::size_t stop = content.find('\n', start);
      const std::size_t next = stop == std::string_view::npos ? content.size() : stop + 1;
      if (stop == std::string_view::npos) stop = content.size();
      if (stop > start && content[stop - 1] == '\r') --stop;
      try {
        out.set(line, handle.scorer.score(content.substr(start, stop - start)));
      } catch (const Error& error) {
        rethrow_for(error, fmt::format("line {}", line + 1));
      }
      start = next;
    }
    count_out = lines;
  });
}

}  // extern "C"
