// Base subjects (RFC 5256 2.1 and the prefixes of the seeds' languages), one rule a line.
#include <doctest/doctest.h>

#include <string>

#include "parley/relationship.hpp"

TEST_CASE("base subjects strip reply and forward prefixes of many languages, any case, repeated") {
  using parley::base_subject;
  CHECK(base_subject("Offer") == "offer");
  CHECK(base_subject("Re: Offer") == "offer");
  CHECK(base_subject("RE: Re: re: Offer") == "offer");
  CHECK(base_subject("RE : Offer") == "offer");  // French clients put a space before the colon
  CHECK(base_subject("Re[2]: Offer") == "offer");
  CHECK(base_subject("Fwd: Offer") == "offer");
  CHECK(base_subject("FW: Offer") == "offer");
  CHECK(base_subject("AW: WG: Offer") == "offer");   // German
  CHECK(base_subject("SV: VS: Offer") == "offer");   // Danish
  CHECK(base_subject("Antw: Offer") == "offer");     // Dutch
  CHECK(base_subject("Odp: PD: Offer") == "offer");  // Polish
  CHECK(base_subject("Відп: Offer") == "offer");     // Ukrainian
  CHECK(base_subject("ВІДП: Offer") == "offer");     // Ukrainian, upper case (ICU case folding)
  CHECK(base_subject("回复: 报价单") == "报价单");   // Chinese (simplified)
  CHECK(base_subject("回覆：报价单") == "报价单");   // Chinese (traditional), full-width colon
  CHECK(base_subject("答复: 转发: 报价单") == "报价单");
  CHECK(base_subject("답장: 견적") == "견적");  // Korean
  CHECK(base_subject("[EXT] Re: [sales] Offer") == "offer");
  CHECK(base_subject("[EXT] Offer") == "offer");
  CHECK(base_subject("[EXT]") == "[ext]");  // a blob alone is the subject (RFC 5256 step 4)
  CHECK(base_subject("Offer (fwd)") == "offer");
  CHECK(base_subject("Offer (fwd) (FWD) ") == "offer");
  CHECK(base_subject("[Fwd: Re: Offer]") == "offer");
  CHECK(base_subject("  Re:\tOffer   for\r\n Q1  ") == "offer for q1");  // whitespace runs collapse
  CHECK(base_subject("Review: Offer") == "review: offer");               // "re" must be followed by ':'
  CHECK(base_subject("Regarding the offer") == "regarding the offer");
  CHECK(base_subject("").empty());
  CHECK(base_subject("Re:").empty());
}
