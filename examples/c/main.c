/* parley-c-example: the talk ratio and the tracked terms of one call, through the C ABI alone.
 * Usage: parley-c-example [--role NAME=seller|customer|other ...] FILE.vtt TERMS.tsv
 * e.g.   parley-c-example --role "Dana Whitfield=seller" --role "Marco Rossi=customer" \
 *            samples/discovery-call.vtt samples/terms.tsv */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parley.h"

/* A term's mentions and its place in the analyzer's order, which breaks ties when sorting. */
typedef struct mentioned_term {
  parley_term_count count;
  size_t order;
} mentioned_term;

static int most_mentioned_first(const void* left, const void* right) {
  const mentioned_term *a = left, *b = right;
  if (a->count.total != b->count.total) return a->count.total > b->count.total ? -1 : 1;
  return a->order < b->order ? -1 : 1;
}

/* "Dana Whitfield=seller" -> the name's length and the role; 0 if it is not NAME=ROLE. */
static size_t parse_role(const char* assignment, parley_role* role) {
  const char* equals = strrchr(assignment, '=');
  if (equals == NULL || equals == assignment) return 0;
  if (strcmp(equals + 1, "seller") == 0) {
    *role = PARLEY_ROLE_SELLER;
  } else if (strcmp(equals + 1, "customer") == 0) {
    *role = PARLEY_ROLE_CUSTOMER;
  } else if (strcmp(equals + 1, "other") == 0) {
    *role = PARLEY_ROLE_OTHER;
  } else {
    return 0;
  }
  return (size_t)(equals - assignment);
}

int main(int argc, char** argv) {
  const char *transcript_path = NULL, *terms_path = NULL;
  parley_call* call = NULL;
  char* terms_json = NULL;
  parley_analyzer* analyzer = NULL;
  parley_analysis* analysis = NULL;
  mentioned_term* terms = NULL;
  int exit_status = 1;

  for (int i = 1; i < argc; ++i) {
    parley_role role;
    if (strcmp(argv[i], "--role") == 0 && i + 1 < argc) {
      if (parse_role(argv[++i], &role) == 0) {
        fprintf(stderr, "parley-c-example: --role wants NAME=seller|customer|other, got '%s'\n", argv[i]);
        return 2;
      }
    } else if (strncmp(argv[i], "--", 2) == 0) {
      transcript_path = NULL;
      break;
    } else if (transcript_path == NULL) {
      transcript_path = argv[i];
    } else if (terms_path == NULL) {
      terms_path = argv[i];
    } else {
      transcript_path = NULL;
      break;
    }
  }
  if (transcript_path == NULL || terms_path == NULL) {
    fprintf(stderr, "usage: parley-c-example [--role NAME=seller|customer|other ...] FILE.vtt TERMS.tsv\n");
    return 2;
  }

  /* Every call below either succeeds or leaves the reason in parley_last_error_message(). */
  if (parley_call_read_file(transcript_path, PARLEY_NUL_TERMINATED, NULL, 0, NULL, 0, &call) != PARLEY_OK)
    goto failed;
  /* Speakers without a role stay "other", and figures that need a seller and a customer are then
   * n/a: parley never guesses roles. In a WebVTT file a speaker's id is the name in its <v> tags. */
  for (int i = 1; i + 1 < argc; ++i) {
    if (strcmp(argv[i], "--role") != 0) continue;
    parley_role role = PARLEY_ROLE_OTHER;
    const size_t name_length = parse_role(argv[++i], &role);
    if (parley_call_set_role(call, argv[i], name_length, role) != PARLEY_OK) goto failed;
  }
  if (parley_terms_read_file(terms_path, PARLEY_NUL_TERMINATED, &terms_json) != PARLEY_OK) goto failed;
  /* An analyzer loads lexicons and compiles the terms once; a host keeps it for every call. */
  if (parley_analyzer_create(NULL, 0, terms_json, PARLEY_NUL_TERMINATED, &analyzer) != PARLEY_OK) goto failed;
  if (parley_analyzer_analyze(analyzer, call, &analysis) != PARLEY_OK) goto failed;

  /* struct_size first: a newer library then knows which fields this program was built with. */
  parley_call_metrics metrics = {.struct_size = sizeof metrics};
  if (parley_analysis_get_metrics(analysis, &metrics) != PARLEY_OK) goto failed;
  if (isnan(metrics.talk_ratio)) {
    printf("talk ratio: n/a (give the seller and the customer with --role)\n");
  } else {
    printf("talk ratio: %.1f%% (seller %.1f s, customer %.1f s)\n", 100.0 * metrics.talk_ratio,
           (double)metrics.seller_talk_ms / 1000.0, (double)metrics.customer_talk_ms / 1000.0);
  }

  size_t term_count = 0;
  if (parley_analysis_term_count_size(analysis, &term_count) != PARLEY_OK) goto failed;
  terms = calloc(term_count + 1, sizeof *terms);
  if (terms == NULL) {
    fprintf(stderr, "parley-c-example: out of memory\n");
    goto cleanup;
  }
  for (size_t i = 0; i < term_count; ++i) {
    terms[i].count.struct_size = sizeof terms[i].count;
    terms[i].order = i;
    if (parley_analysis_get_term_count(analysis, i, &terms[i].count) != PARLEY_OK) goto failed;
  }
  qsort(terms, term_count, sizeof *terms, most_mentioned_first);
  printf("terms mentioned: %zu\n", term_count);
  for (size_t i = 0; i < term_count; ++i) {
    const parley_term_count* term = &terms[i].count;
    printf("  %3u  %s (%s; seller %u, customer %u, other %u)\n", term->total, term->name,
           term->kind == PARLEY_TERM_COMPETITOR ? "competitor" : "keyword", term->by_seller,
           term->by_customer, term->by_other);
  }
  exit_status = 0;
  goto cleanup;

failed:
  fprintf(stderr, "parley-c-example: [%s] %s\n", parley_status_name(parley_last_error_status()),
          parley_last_error_message());
cleanup:
  /* Each term name points into the analysis: it is freed after the last use of them. */
  free(terms);
  parley_analysis_free(analysis);
  parley_analyzer_free(analyzer);
  parley_string_free(terms_json);
  parley_call_free(call);
  return exit_status;
}
