#include "store/word_timings.hpp"

#include <bit>
#include <cmath>
#include <cstdint>

#include "parley/error.hpp"

namespace parley::sqlite {

namespace {

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
std::uint64_t get_u64(std::string_view in, std::size_t& at) {
  if (at + 8 > in.size()) throw Error(ErrorCode::storage, "corrupt word timings blob");
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  }
  at += 8;
  return value;
}

}  // namespace

void encode_words(const std::vector<WordTiming>& words, std::string& out) {
  out.clear();
  for (const auto& word : words) {
    put_u64(out, static_cast<std::uint64_t>(word.start_ms));
    put_u64(out, static_cast<std::uint64_t>(word.end_ms));
    put_u64(out, std::bit_cast<std::uint64_t>(word.confidence ? *word.confidence : std::nan("")));
    std::uint32_t size = static_cast<std::uint32_t>(word.text.size());
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
    out += word.text;
  }
}

std::vector<WordTiming> decode_words(std::string_view in) {
  std::vector<WordTiming> words;
  std::size_t at = 0;
  while (at < in.size()) {
    WordTiming word;
    word.start_ms = static_cast<std::int64_t>(get_u64(in, at));
    word.end_ms = static_cast<std::int64_t>(get_u64(in, at));
    double confidence = std::bit_cast<double>(get_u64(in, at));
    if (!std::isnan(confidence)) word.confidence = confidence;
    if (at + 4 > in.size()) throw Error(ErrorCode::storage, "corrupt word timings blob");
    std::uint32_t size = 0;
    for (int i = 0; i < 4; ++i) {
      size |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    }
    at += 4;
    if (at + size > in.size()) throw Error(ErrorCode::storage, "corrupt word timings blob");
    word.text.assign(in.substr(at, size));
    at += size;
    words.push_back(std::move(word));
  }
  return words;
}

}  // namespace parley::sqlite
