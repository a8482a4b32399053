/* A C99 host outside the repository, built against an installed parley's shared library: reads a
 * WebVTT transcript, assigns the speakers' roles, analyses the call and checks its figures.
 * Usage: consumer_c TRANSCRIPT. The figures are known from tests/package/discovery.vtt:
 *   Dana (seller) speaks 0-20 s, 60-90 s and 120-180 s = 110 s; Chris (customer) 20-60 s and
 *   90-120 s = 70 s; talk ratio 110 / 180; two seller questions; the call lasts 180 s. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "parley.h"

static int failures = 0;

static void check(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "consumer_c: FAILED: %s\n", what);
    ++failures;
  }
}

/* Reports a failed call with parley's status name and message. */
static int succeeded(parley_status status, const char* call) {
  if (status == PARLEY_OK) return 1;
  fprintf(stderr, "consumer_c: %s: %s: %s\n", call, parley_status_name(status), parley_last_error_message());
  ++failures;
  return 0;
}

int main(int argc, char** argv) {
  static const char roles[] = "{\"by_name\": {\"Dana\": \"seller\", \"Chris\": \"customer\"}}";
  parley_call* call = NULL;
  parley_analyzer* analyzer = NULL;
  parley_analysis* analysis = NULL;
  char* unmatched = NULL;
  parley_call_metrics metrics;

  if (argc != 2) {
    fprintf(stderr, "usage: consumer_c TRANSCRIPT\n");
    return 2;
  }
  printf("parley %s (ABI %d)\n", parley_version(), PARLEY_ABI_VERSION);
  check(parley_version_number() == PARLEY_VERSION_NUMBER, "the library's version is the header's");

  if (succeeded(parley_call_read_file(argv[1], PARLEY_NUL_TERMINATED, NULL, 0, NULL, 0, &call),
                "parley_call_read_file") &&
      succeeded(parley_call_assign_roles(call, roles, sizeof roles - 1, &unmatched),
                "parley_call_assign_roles") &&
      succeeded(parley_analyzer_create(NULL, 0, NULL, 0, &analyzer), "parley_analyzer_create") &&
      succeeded(parley_analyzer_analyze(analyzer, call, &analysis), "parley_analyzer_analyze")) {
    check(unmatched != NULL && strcmp(unmatched, "[]") == 0, "every speaker has a role");
    memset(&metrics, 0, sizeof metrics);
    metrics.struct_size = sizeof metrics;
    if (succeeded(parley_analysis_get_metrics(analysis, &metrics), "parley_analysis_get_metrics")) {
      printf("duration %lld ms, talk ratio %.4f, seller questions %lld\n", (long long)metrics.duration_ms,
             metrics.talk_ratio, (long long)metrics.seller_questions);
      check(metrics.duration_ms == 180000, "the call lasts 180 s");
      check(fabs(metrics.talk_ratio - 110.0 / 180.0) < 1e-9, "talk ratio 110 s / 180 s");
      check(metrics.seller_talk_ms == 110000 && metrics.customer_talk_ms == 70000, "talk 110 s and 70 s");
      check(metrics.seller_questions == 2, "two seller questions (bundled interrogatives)");
    }
  }
  /* An error names what was wrong: a missing file is an I/O error naming the path. */
  {
    parley_call* missing = NULL;
    const parley_status status =
        parley_call_read_file("no-such-call.vtt", PARLEY_NUL_TERMINATED, NULL, 0, NULL, 0, &missing);
    check(status == PARLEY_E_IO && missing == NULL, "a missing file is PARLEY_E_IO");
    check(strstr(parley_last_error_message(), "no-such-call.vtt") != NULL,
          "the message names the missing file");
  }
  parley_string_free(unmatched);
  parley_analysis_free(analysis);
  parley_analyzer_free(analyzer);
  parley_call_free(call);
  return failures == 0 ? 0 : 1;
}
