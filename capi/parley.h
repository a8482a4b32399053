/*
 * parley.h: the stable C ABI of parley, analytics for sales conversations and customer
 * relationships. One header, C99, usable from C, C++ and any language with a C FFI (the Python and
 * .NET bindings are generated from this file). docs/c-api.md is the guide; every JSON document
 * named here is described in docs/c-api.md and docs/output-json.md.
 *
 * Conventions
 * - Every fallible function returns a parley_status. PARLEY_OK is 0; on failure nothing is written
 *   to the out-parameters (they are set to NULL / 0 first) and parley_last_error_message() gives the
 *   calling thread's message, naming what was wrong and where (argument, file, line, JSON path).
 * - A NULL handle, a NULL out-parameter, or a text pointer that is NULL with a non-zero length is
 *   PARLEY_E_INVALID_ARGUMENT naming the argument. No entry point lets a C++ exception escape.
 * - Text is UTF-8 and passed as a pointer and a length in bytes. A length of PARLEY_NUL_TERMINATED
 *   means "up to the first NUL". A length above PARLEY_MAX_INPUT_BYTES is refused
 *   (PARLEY_E_LIMIT_EXCEEDED), so a garbage length fails instead of reading wild memory; a length
 *   that overstates a real buffer below that bound cannot be detected. (NULL, 0) is the empty text.
 * - JSON documents passed in (options, users, filters...) may be (NULL, 0): the defaults, or
 *   "nothing" where a value is required (an error naming it). Unknown fields are refused.
 * - Strings returned through `char **out_...` are NUL-terminated UTF-8 owned by the caller, who
 *   releases them with parley_string_free(). Pointers inside structs filled by parley_*_get
 *   functions stay owned by the handle they came from and live as long as it does.
 * - Structs that may grow start with `size_t struct_size`, which the caller sets to
 *   sizeof(the struct) as it knows it; parley reads and writes only that many bytes. In arrays of
 *   such structs, element i is at byte offset i * array[0].struct_size.
 * - Optional figures in structs are NaN when absent (no customer spoke, no hand-over...).
 * - Every *_free / *_close function accepts NULL.
 *
 * Threads
 * - parley_analyzer and parley_analysis: immutable; any number of threads may use one at once.
 * - parley_call: one thread at a time while it is being changed; once built it may be read
 *   (analysed, written as JSON) by several threads at once.
 * - parley_scorer and parley_store: one thread at a time (a store: open one handle per thread on
 *   the same file).
 * - The last-error message is per thread. The library has no global state to initialise.
 */
#ifndef PARLEY_H
#define PARLEY_H

/* The binding generator parses this header without system headers: it defines
 * PARLEY_NO_SYSTEM_INCLUDES and supplies size_t and the <stdint.h> types itself. */
#ifndef PARLEY_NO_SYSTEM_INCLUDES
#include <stddef.h>
#include <stdint.h>
#endif

#ifndef PARLEY_API
#if defined(_WIN32)
#ifdef PARLEY_BUILDING_CAPI
#define PARLEY_API __declspec(dllexport)
#else
#define PARLEY_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define PARLEY_API __attribute__((visibility("default")))
#else
#define PARLEY_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* Versions                                                                                    */

#define PARLEY_VERSION_MAJOR 1
#define PARLEY_VERSION_MINOR 0
#define PARLEY_VERSION_PATCH 0
/* MAJOR * 10000 + MINOR * 100 + PATCH */
#define PARLEY_VERSION_NUMBER 10000
/* The shared library's ABI version (its SONAME is libparley.so.PARLEY_ABI_VERSION). */
#define PARLEY_ABI_VERSION 1

/* The library's version at run time, "MAJOR.MINOR.PATCH" (static storage, never freed). */
PARLEY_API const char *parley_version(void);
/* PARLEY_VERSION_NUMBER of the library loaded at run time. */
PARLEY_API int32_t parley_version_number(void);

/* ------------------------------------------------------------------------------------------ */
/* Status codes and errors                                                                     */

typedef enum parley_status {
  PARLEY_OK = 0,
  PARLEY_E_INVALID_ARGUMENT = 1, /* a NULL, out-of-range or malformed argument or option */
  PARLEY_E_PARSE = 2,            /* a malformed file or document */
  PARLEY_E_INVALID_UTF8 = 3,     /* text that is not UTF-8 */
  PARLEY_E_LIMIT_EXCEEDED = 4,   /* input beyond a documented size limit */
  PARLEY_E_NOT_FOUND = 5,        /* a named object does not exist */
  PARLEY_E_NOT_PERMITTED = 6,    /* outside the viewer's scope */
  PARLEY_E_IO = 7,               /* a file could not be read or written */
  PARLEY_E_STORAGE = 8,          /* the database reported an error */
  PARLEY_E_INTERNAL = 9,         /* a bug in parley */
  PARLEY_E_OUT_OF_MEMORY = 10    /* an allocation failed */
} parley_status;

/* Stable lower-case name of a status ("ok", "parse", "not_permitted"; "unknown" otherwise). */
PARLEY_API const char *parley_status_name(parley_status status);
/* The calling thread's message for its last failed call ("" if none failed yet). Valid until the
 * thread's next parley call; never NULL. */
PARLEY_API const char *parley_last_error_message(void);
/* The calling thread's status of its last failed call (PARLEY_OK if none failed yet). */
PARLEY_API parley_status parley_last_error_status(void);

/* Releases a string parley returned. NULL is allowed. */
PARLEY_API void parley_string_free(char *string);

/* Lengths above this are refused as garbage (1 GiB). */
#define PARLEY_MAX_INPUT_BYTES ((size_t)1 << 30)
/* A length meaning "NUL-terminated". */
#define PARLEY_NUL_TERMINATED ((size_t)-1)

/* ------------------------------------------------------------------------------------------ */
/* Shared enums (values equal the C++ enums')                                                  */

typedef enum parley_role { PARLEY_ROLE_SELLER = 0, PARLEY_ROLE_CUSTOMER = 1, PARLEY_ROLE_OTHER = 2 } parley_role;

typedef enum parley_sentiment_label {
  PARLEY_SENTIMENT_NEGATIVE = 0,
  PARLEY_SENTIMENT_NEUTRAL = 1,
  PARLEY_SENTIMENT_POSITIVE = 2
} parley_sentiment_label;

typedef enum parley_term_kind { PARLEY_TERM_KEYWORD = 0, PARLEY_TERM_COMPETITOR = 1 } parley_term_kind;

typedef enum parley_output_format {
  PARLEY_FORMAT_JSON = 0, /* the documented JSON form */
  PARLEY_FORMAT_TEXT = 1  /* a readable text page (English labels), for terminals */
} parley_output_format;

/* ------------------------------------------------------------------------------------------ */
/* Calls: transcripts read from files or memory, or built by the host                          */

typedef struct parley_call parley_call;

/* Reads a transcript file. `format` is a format name ("webvtt", "srt", "rttm", "parley-json",
 * "amazon-transcribe", "assemblyai", "deepgram"; aliases as docs/transcript-formats.md) or empty to
 * detect it from the extension and content. `read_options_json` holds ReadOptions fields
 * (call_id, default_language, invalid_utf8: "error"|"replace", missing_speaker, ...).
 * Reader warnings are kept with the call (parley_call_warnings_json). */
PARLEY_API parley_status parley_call_read_file(const char *path, size_t path_length, const char *format,
                                               size_t format_length, const char *read_options_json,
                                               size_t read_options_json_length, parley_call **out_call);
/* Parses a transcript held in memory. An empty `format` detects a JSON form from its content (other
 * formats must be named). `source_name` names the input in messages and, without a call_id option,
 * gives the call id. */
PARLEY_API parley_status parley_call_parse(const char *content, size_t content_length, const char *format,
                                           size_t format_length, const char *source_name,
                                           size_t source_name_length, const char *read_options_json,
                                           size_t read_options_json_length, parley_call **out_call);
/* An empty call with this id, for the host to fill. */
PARLEY_API parley_status parley_call_create(const char *call_id, size_t call_id_length, parley_call **out_call);
PARLEY_API void parley_call_free(parley_call *call);

/* The call's text fields other than its participants and segments. */
typedef enum parley_call_field {
  PARLEY_CALL_ID = 0,
  PARLEY_CALL_LANGUAGE = 1, /* BCP 47 */
  PARLEY_CALL_OWNER_SELLER_ID = 2,
  PARLEY_CALL_ACCOUNT_ID = 3,
  PARLEY_CALL_CONTACT_ID = 4,
  PARLEY_CALL_LEAD_ID = 5,
  PARLEY_CALL_OPPORTUNITY_ID = 6
} parley_call_field;

PARLEY_API parley_status parley_call_set_field(parley_call *call, parley_call_field field, const char *value,
                                               size_t value_length);
/* start_time_ms: UTC instant in ms since the Unix epoch; duration_ms: 0 = unknown. */
PARLEY_API parley_status parley_call_set_times(parley_call *call, int64_t start_time_ms, int64_t duration_ms);

typedef struct parley_participant {
  size_t struct_size;
  const char *id; /* unique within the call: the transcript's speaker label */
  size_t id_length;
  const char *display_name; /* empty: the id */
  size_t display_name_length;
  parley_role role;
  const char *crm_id; /* optional */
  size_t crm_id_length;
} parley_participant;

/* Adds a participant (an id already present is PARLEY_E_INVALID_ARGUMENT); its index is what
 * segments name as their speaker. out_index may be NULL. */
PARLEY_API parley_status parley_call_add_participant(parley_call *call, const parley_participant *participant,
                                                     uint32_t *out_index);
/* Sets the role of the participant with this id (PARLEY_E_NOT_FOUND if none has it). */
PARLEY_API parley_status parley_call_set_role(parley_call *call, const char *participant_id,
                                              size_t participant_id_length, parley_role role);

typedef struct parley_segment {
  size_t struct_size;
  uint32_t speaker; /* participant index */
  int64_t start_ms; /* offset from call start */
  int64_t end_ms;
  const char *text;
  size_t text_length;
  double confidence; /* 0..1, NaN = not given */
} parley_segment;

/* Appends `count` segments (element size segments[0].struct_size). Checked as a whole when the call
 * is analysed or stored (validate_call); here only the speaker index and the text are checked. */
PARLEY_API parley_status parley_call_add_segments(parley_call *call, const parley_segment *segments, size_t count);

typedef struct parley_word {
  size_t struct_size;
  int64_t start_ms;
  int64_t end_ms;
  const char *text;
  size_t text_length;
  double confidence; /* 0..1, NaN = not given */
} parley_word;

/* Sets the word timings of one segment (replacing any). */
PARLEY_API parley_status parley_call_set_words(parley_call *call, size_t segment_index, const parley_word *words,
                                               size_t count);

/* Assigns every participant's role by the host's rules, a JSON document
 * {"by_name": {"Dana Whitfield": "seller"}, "our_users": [...], "our_email_domains": [...],
 *  "unmatched": "other"}. out_unmatched_json (may be NULL) gets a JSON array of the ids no rule
 * matched. */
PARLEY_API parley_status parley_call_assign_roles(parley_call *call, const char *role_rules_json,
                                                  size_t role_rules_json_length, char **out_unmatched_json);

typedef struct parley_call_info {
  size_t struct_size;
  const char *id; /* owned by the call */
  const char *language;
  int64_t start_time_ms;
  int64_t duration_ms;           /* as given (0 = unknown) */
  int64_t effective_duration_ms; /* the larger of duration_ms and the last segment end */
  size_t participant_count;
  size_t segment_count;
  size_t warning_count; /* reader warnings */
} parley_call_info;

PARLEY_API parley_status parley_call_get_info(const parley_call *call, parley_call_info *out_info);
/* Participant `index` (0 .. participant_count - 1, the index segments name as their speaker) into
 * the caller's struct (struct_size set by the caller): id, display_name (the id when none was
 * given), role and crm_id, owned by the call and valid while it lives and is not changed. An index
 * out of range is PARLEY_E_INVALID_ARGUMENT. */
PARLEY_API parley_status parley_call_get_participant(const parley_call *call, size_t index,
                                                     parley_participant *out_participant);
/* The call in parley's own JSON transcript form (docs/transcript-formats.md). */
PARLEY_API parley_status parley_call_to_json(const parley_call *call, char **out_json);
/* The reader's warnings as a JSON array of {"source", "line", "json_path", "message"}. */
PARLEY_API parley_status parley_call_warnings_json(const parley_call *call, char **out_json);

/* ------------------------------------------------------------------------------------------ */
/* Tracked terms                                                                               */

/* Reads a term-list file (docs/terms.md, tab-separated) into a JSON array of term objects
 * {"name", "kind", "variants", "scope", "match_related_forms", "said_by", "only_in_questions"}, the
 * form parley_analyzer_create and term lists in the store take. */
PARLEY_API parley_status parley_terms_read_file(const char *path, size_t path_length, char **out_terms_json);
/* The same from text; `source_name` names it in messages. */
PARLEY_API parley_status parley_terms_parse(const char *text, size_t text_length, const char *source_name,
                                            size_t source_name_length, char **out_terms_json);

/* ------------------------------------------------------------------------------------------ */
/* Analysis                                                                                    */

typedef struct parley_analyzer parley_analyzer;
typedef struct parley_analysis parley_analysis;

/* Builds an analyzer once: `options_json` holds AnalysisOptions ({"timing": {...}, "signals":
 * {...}, "sentiment": {...}, "terms": {...}, "limits": {...}, "default_language": "en",
 * "data_dir": ""}), `terms_json` a JSON array of term objects (may be empty). */
PARLEY_API parley_status parley_analyzer_create(const char *options_json, size_t options_json_length,
                                                const char *terms_json, size_t terms_json_length,
                                                parley_analyzer **out_analyzer);
PARLEY_API void parley_analyzer_free(parley_analyzer *analyzer);

/* Validates and analyses one call. */
PARLEY_API parley_status parley_analyzer_analyze(const parley_analyzer *analyzer, const parley_call *call,
                                                 parley_analysis **out_analysis);
/* Analyses `count` calls on up to `threads` threads (0 = one per core). out_analyses[i] receives
 * call i's analysis, or NULL if it failed; out_statuses (may be NULL) its status. Returns PARLEY_OK
 * if every call succeeded, else the first failure's status with a message naming that call's
 * index and id. */
PARLEY_API parley_status parley_analyzer_analyze_batch(const parley_analyzer *analyzer,
                                                       const parley_call *const *calls, size_t count,
                                                       size_t threads, parley_analysis **out_analyses,
                                                       parley_status *out_statuses);
PARLEY_API void parley_analysis_free(parley_analysis *analysis);

/* The call with its whole analysis, the `parley analyze --format json` document
 * (docs/output-json.md). */
PARLEY_API parley_status parley_analysis_to_json(const parley_analysis *analysis, char **out_json);

/* A call's conversation figures: the fields the store keeps (CallMetricsRecord, docs/metrics.md).
 * NaN marks a figure that does not apply. */
typedef struct parley_call_metrics {
  size_t struct_size;
  int64_t duration_ms; /* effective duration */
  double talk_ratio;   /* seller talk / (seller + customer talk), 0..1 */
  int64_t seller_talk_ms;
  int64_t customer_talk_ms;
  int64_t switches;
  double switch_rate_per_hour;
  double average_pause_ms;
  double patience_ms;
  int64_t seller_longest_monologue_ms;
  int64_t customer_longest_monologue_ms;
  double seller_words_per_minute;
  double customer_words_per_minute;
  int64_t seller_questions;
  int64_t customer_questions;
  double seller_question_rate_per_hour;
  double interactivity; /* 0..10 */
  int64_t interruptions;
  double seller_filler_words_per_minute;
} parley_call_metrics;

PARLEY_API parley_status parley_analysis_get_metrics(const parley_analysis *analysis,
                                                     parley_call_metrics *out_metrics);

/* The sentiment of one text. */
typedef struct parley_sentiment_score {
  size_t struct_size;
  double score; /* -1..1 */
  parley_sentiment_label label;
  uint32_t word_count;    /* words, emoji and emoticons seen */
  uint32_t matched_terms; /* of which carried a valence (a phrase counts once) */
} parley_sentiment_score;

/* The sentiment of a group of segments: their word-weighted mean. Fixed layout (it never grows:
 * it only appears inside parley_call_sentiment). */
typedef struct parley_sentiment_summary {
  double score; /* -1..1; 0 when words == 0 */
  parley_sentiment_label label;
  uint32_t segments; /* segments with at least one word */
  uint64_t words;    /* 0 = no data (no such speaker, or nothing said) */
} parley_sentiment_summary;

typedef struct parley_call_sentiment {
  size_t struct_size;
  int32_t has_sentiment; /* 0 when the call's language has no lexicon: the rest is zero */
  parley_sentiment_summary customer;
  parley_sentiment_summary seller;
  parley_sentiment_summary overall;
  parley_sentiment_summary customer_trajectory[3]; /* first, middle and last third of the call */
} parley_call_sentiment;

PARLEY_API parley_status parley_analysis_get_sentiment(const parley_analysis *analysis,
                                                       parley_call_sentiment *out_sentiment);

/* Mentions of one tracked term in the call. */
typedef struct parley_term_count {
  size_t struct_size;
  const char *name; /* owned by the analysis */
  parley_term_kind kind;
  uint32_t total;
  uint32_t by_seller;
  uint32_t by_customer;
  uint32_t by_other;
} parley_term_count;

/* How many tracked terms the call mentions. */
PARLEY_API parley_status parley_analysis_term_count_size(const parley_analysis *analysis, size_t *out_size);
/* Mentioned term `index` (0 .. size - 1), in the analyzer's term order (CallTermCounts). */
PARLEY_API parley_status parley_analysis_get_term_count(const parley_analysis *analysis, size_t index,
                                                        parley_term_count *out_term);

/* ------------------------------------------------------------------------------------------ */
/* Sentiment of plain text                                                                     */

typedef struct parley_scorer parley_scorer;

/* A scorer for one language (BCP 47; its bundled lexicon), with SentimentOptions as JSON and
 * optional extra lexicon lines in the documented TSV format (docs/sentiment.md) merged over the
 * bundled ones. */
PARLEY_API parley_status parley_scorer_create(const char *language, size_t language_length,
                                              const char *options_json, size_t options_json_length,
                                              const char *extra_lexicon_tsv, size_t extra_lexicon_tsv_length,
                                              parley_scorer **out_scorer);
PARLEY_API void parley_scorer_free(parley_scorer *scorer);
/* Whether the scorer's lexicon rates words of its language (1) or only emoji (0): a language whose
 * word list was left out of the build (PARLEY_SHARE_ALIKE_DATA=OFF) until extra_lexicon_tsv supplies
 * one. A call in such a language is answered "no lexicon" (parley_call_sentiment.has_sentiment 0). */
PARLEY_API parley_status parley_scorer_has_lexicon(const parley_scorer *scorer, int32_t *out_has_lexicon);

PARLEY_API parley_status parley_scorer_score(parley_scorer *scorer, const char *text, size_t text_length,
                                             parley_sentiment_score *out_score);
/* Scores `count` texts (texts[i] of lengths[i] bytes) into out_scores (element size
 * out_scores[0].struct_size). Stops at the first failure, naming the text's index. */
PARLEY_API parley_status parley_scorer_score_many(parley_scorer *scorer, const char *const *texts,
                                                  const size_t *lengths, size_t count,
                                                  parley_sentiment_score *out_scores);
/* Scores every line of `text` (split at '\n'; a trailing '\r' is dropped; a final empty line after
 * a last '\n' is not a line) into out_scores, at most `capacity` of them; out_count gets the number
 * of lines. If there are more lines than capacity, nothing is scored and PARLEY_E_LIMIT_EXCEEDED
 * names the number needed (and *out_count is set to it). */
PARLEY_API parley_status parley_scorer_score_lines(parley_scorer *scorer, const char *text, size_t text_length,
                                                   parley_sentiment_score *out_scores, size_t capacity,
                                                   size_t *out_count);

/* ------------------------------------------------------------------------------------------ */
/* Store                                                                                       */

typedef struct parley_store parley_store;

typedef enum parley_viewer_kind {
  PARLEY_VIEWER_SELLER = 0,
  PARLEY_VIEWER_MANAGER = 1,
  PARLEY_VIEWER_ADMINISTRATOR = 2
} parley_viewer_kind;

/* On whose behalf a store or insight call runs (docs/store.md, "Access"). */
typedef struct parley_viewer {
  size_t struct_size;
  const char *user_id;
  size_t user_id_length;
  parley_viewer_kind kind;
  int32_t hierarchy_depth; /* managers: levels below them they see, >= 1; PARLEY_UNLIMITED_DEPTH */
} parley_viewer;

#define PARLEY_UNLIMITED_DEPTH 2147483647

/* Opens (creating or migrating) an SQLite store. `options_json` holds SqliteStoreOptions
 * ({"create_if_missing": true, "busy_timeout_ms": 10000, "durable_commits": true,
 * "cache_size_kib": 16384, "sentiment_labels": {...}}). */
PARLEY_API parley_status parley_store_open(const char *path, size_t path_length, const char *options_json,
                                           size_t options_json_length, parley_store **out_store);
PARLEY_API void parley_store_close(parley_store *store);

/* Users and hierarchy. users_json: a JSON array of {"id", "display_name", "email", "role",
 * "manager_id", "time_zone"}. */
PARLEY_API parley_status parley_store_put_users(parley_store *store, const parley_viewer *viewer,
                                                const char *users_json, size_t users_json_length);
PARLEY_API parley_status parley_store_users(parley_store *store, const parley_viewer *viewer, char **out_json);
PARLEY_API parley_status parley_store_user(parley_store *store, const parley_viewer *viewer, const char *user_id,
                                           size_t user_id_length, char **out_json);

/* Stores `count` analysed calls in one transaction (all or nothing); analyses[i] must come from
 * calls[i]. now_ms stamps the processing log. */
PARLEY_API parley_status parley_store_ingest(parley_store *store, const parley_viewer *viewer,
                                             const parley_call *const *calls,
                                             const parley_analysis *const *analyses, size_t count,
                                             int64_t now_ms);
/* A stored call: out_call (may be NULL) its transcript, out_analysis_json (may be NULL) its stored
 * analysis record as JSON. */
PARLEY_API parley_status parley_store_load_call(parley_store *store, const parley_viewer *viewer,
                                                const char *call_id, size_t call_id_length, parley_call **out_call,
                                                char **out_analysis_json);

/* Call queries. filter_json holds CallFilter ({"seller_ids": [...], "from_ms", "to_ms",
 * "account_id", "contact_id", "lead_id", "opportunity_id", "customer_sentiment_below", "limit",
 * "order": "newest_first"|"most_negative_first"}); results are JSON arrays. */
PARLEY_API parley_status parley_store_call_summaries(parley_store *store, const parley_viewer *viewer,
                                                     const char *filter_json, size_t filter_json_length,
                                                     char **out_json);
PARLEY_API parley_status parley_store_term_hits(parley_store *store, const parley_viewer *viewer,
                                                const char *filter_json, size_t filter_json_length,
                                                char **out_json);
/* `role` empty = any speaker, else "seller", "customer" or "other". */
PARLEY_API parley_status parley_store_term_counts(parley_store *store, const parley_viewer *viewer,
                                                  const char *filter_json, size_t filter_json_length,
                                                  const char *role, size_t role_length, char **out_json);
PARLEY_API parley_status parley_store_brand_mentions(parley_store *store, const parley_viewer *viewer,
                                                     const char *filter_json, size_t filter_json_length,
                                                     char **out_json);
PARLEY_API parley_status parley_store_brand_first_mentions(parley_store *store, const parley_viewer *viewer,
                                                           const char *filter_json, size_t filter_json_length,
                                                           char **out_json);

/* Aggregates (docs/store.md, "Aggregates"). bucket_edges: ascending UTC instants (may be NULL with
 * a count of 0). */
PARLEY_API parley_status parley_store_call_span(parley_store *store, const parley_viewer *viewer,
                                                const char *filter_json, size_t filter_json_length,
                                                char **out_json);
PARLEY_API parley_status parley_store_call_totals(parley_store *store, const parley_viewer *viewer,
                                                  const char *filter_json, size_t filter_json_length,
                                                  const int64_t *bucket_edges, size_t bucket_edge_count,
                                                  char **out_json);
PARLEY_API parley_status parley_store_mention_totals(parley_store *store, const parley_viewer *viewer,
                                                     const char *filter_json, size_t filter_json_length,
                                                     const int64_t *bucket_edges, size_t bucket_edge_count,
                                                     size_t recent_calls, char **out_json);
/* activity_filter_json holds ActivityFilter ({"owner_ids", "account_id", "contact_id", "lead_id",
 * "opportunity_id", "from_ms", "to_ms"}). */
PARLEY_API parley_status parley_store_activity_totals(parley_store *store, const parley_viewer *viewer,
                                                      const char *activity_filter_json,
                                                      size_t activity_filter_json_length, char **out_json);

/* Tracked-term lists. list_json: {"id", "name", "scope": {"level": "organisation"|"team",
 * "team_id"}, "terms": [term objects]}. */
PARLEY_API parley_status parley_store_put_term_list(parley_store *store, const parley_viewer *viewer,
                                                    const char *list_json, size_t list_json_length);
PARLEY_API parley_status parley_store_delete_term_list(parley_store *store, const parley_viewer *viewer,
                                                       const char *list_id, size_t list_id_length);
PARLEY_API parley_status parley_store_term_lists(parley_store *store, const parley_viewer *viewer,
                                                 char **out_json);
/* The terms that apply to a seller's calls (organisation lists, then their teams'), merged as
 * terms_for_seller does: a JSON array of term objects for parley_analyzer_create. */
PARLEY_API parley_status parley_store_terms_for_seller(parley_store *store, const parley_viewer *viewer,
                                                       const char *seller_id, size_t seller_id_length,
                                                       char **out_terms_json);

/* Comments. comment_json: {"call_id", "offset_ms", "segment_index", "text", "created_ms"}; the
 * author is the viewer. out_comment_id (may be NULL) gets the new id. */
PARLEY_API parley_status parley_store_add_comment(parley_store *store, const parley_viewer *viewer,
                                                  const char *comment_json, size_t comment_json_length,
                                                  char **out_comment_id);
PARLEY_API parley_status parley_store_delete_comment(parley_store *store, const parley_viewer *viewer,
                                                     const char *comment_id, size_t comment_id_length);
PARLEY_API parley_status parley_store_comments_for_call(parley_store *store, const parley_viewer *viewer,
                                                        const char *call_id, size_t call_id_length,
                                                        char **out_json);
PARLEY_API parley_status parley_store_comments_for_seller(parley_store *store, const parley_viewer *viewer,
                                                          const char *seller_id, size_t seller_id_length,
                                                          int64_t from_ms, int64_t to_ms, char **out_json);

/* CRM records: JSON arrays of opportunities and activities (docs/c-api.md shows every field);
 * put = insert or replace by id. */
PARLEY_API parley_status parley_store_put_opportunities(parley_store *store, const parley_viewer *viewer,
                                                        const char *opportunities_json,
                                                        size_t opportunities_json_length);
/* opportunity_filter_json: {"owner_ids", "account_id", "from_ms", "to_ms"}. */
PARLEY_API parley_status parley_store_opportunities(parley_store *store, const parley_viewer *viewer,
                                                    const char *opportunity_filter_json,
                                                    size_t opportunity_filter_json_length, char **out_json);
PARLEY_API parley_status parley_store_put_activities(parley_store *store, const parley_viewer *viewer,
                                                     const char *activities_json, size_t activities_json_length);
PARLEY_API parley_status parley_store_activities(parley_store *store, const parley_viewer *viewer,
                                                 const char *activity_filter_json,
                                                 size_t activity_filter_json_length, char **out_json);

/* Retention and deletion. policy_json: {"scope": {"level", "team_id"}, "days"}; scope_json: a
 * scope alone. Reports are JSON objects ({"calls_deleted", ...}). */
PARLEY_API parley_status parley_store_set_retention(parley_store *store, const parley_viewer *viewer,
                                                    const char *policy_json, size_t policy_json_length);
PARLEY_API parley_status parley_store_clear_retention(parley_store *store, const parley_viewer *viewer,
                                                      const char *scope_json, size_t scope_json_length);
PARLEY_API parley_status parley_store_retention_policies(parley_store *store, const parley_viewer *viewer,
                                                         char **out_json);
PARLEY_API parley_status parley_store_purge_expired(parley_store *store, const parley_viewer *viewer,
                                                    int64_t now_ms, char **out_report_json);
PARLEY_API parley_status parley_store_delete_seller_data(parley_store *store, const parley_viewer *viewer,
                                                         const char *seller_id, size_t seller_id_length,
                                                         char **out_report_json);
PARLEY_API parley_status parley_store_delete_contact_data(parley_store *store, const parley_viewer *viewer,
                                                          const char *contact_id, size_t contact_id_length,
                                                          char **out_report_json);

/* Processing log. event_json: {"call_id", "seller_id", "status": "received"|"analysed"|"failed",
 * "reason", "at_ms"}. */
PARLEY_API parley_status parley_store_log_processing(parley_store *store, const parley_viewer *viewer,
                                                     const char *event_json, size_t event_json_length);
PARLEY_API parley_status parley_store_processing_summary(parley_store *store, const parley_viewer *viewer,
                                                         int64_t from_ms, int64_t to_ms, char **out_json);
PARLEY_API parley_status parley_store_processing_events(parley_store *store, const parley_viewer *viewer,
                                                        int64_t from_ms, int64_t to_ms, char **out_json);

/* ------------------------------------------------------------------------------------------ */
/* Insights: the dashboards' pages (docs/insights.md)                                          */

/* insight_options_json holds InsightOptions: {"period": {"kind": "this_month", "time_zone": "UTC",
 * "locale": "en-US", "custom_start_utc_ms", "custom_end_utc_ms"}, "now_utc_ms" (required),
 * "bucket": "day"|"week"|"month", "top_terms", "calls_per_term", "call_history_limit",
 * "best_practice_terms", "more_negative_margin", "time_spent": {"email_write_minutes",
 * "email_read_minutes", "meeting_per_attendee", "call_per_participant"}}.
 * team_manager_id empty = the viewer's whole scope. PARLEY_FORMAT_TEXT is available for the seller,
 * team and home pages. */
PARLEY_API parley_status parley_insights_seller_details(parley_store *store, const parley_viewer *viewer,
                                                        const char *seller_id, size_t seller_id_length,
                                                        const char *insight_options_json,
                                                        size_t insight_options_json_length,
                                                        parley_output_format format, char **out_page);
PARLEY_API parley_status parley_insights_team_view(parley_store *store, const parley_viewer *viewer,
                                                   const char *team_manager_id, size_t team_manager_id_length,
                                                   const char *insight_options_json,
                                                   size_t insight_options_json_length, parley_output_format format,
                                                   char **out_page);
PARLEY_API parley_status parley_insights_home_page(parley_store *store, const parley_viewer *viewer,
                                                   const char *team_manager_id, size_t team_manager_id_length,
                                                   const char *insight_options_json,
                                                   size_t insight_options_json_length, parley_output_format format,
                                                   char **out_page);
PARLEY_API parley_status parley_insights_processing_counts(parley_store *store, const parley_viewer *viewer,
                                                           const char *insight_options_json,
                                                           size_t insight_options_json_length, char **out_json);

/* ------------------------------------------------------------------------------------------ */
/* Activities from mail and calendars (docs/mail.md, docs/calendars.md)                        */

/* read_options_json holds ActivityReadOptions (activities.hpp): {"our_side": {"domains": [...],
 * "addresses": [...]}, "linking": {"ids_by_email": {"<address>": "<id>"}, "account_id",
 * "contact_id", "lead_id", "opportunity_id", "account_from_customer_domain"}, "expand_from_ms",
 * "expand_to_ms", "default_time_zone", "max_file_bytes"}; every member optional, but with no
 * "our_side" nothing is ours and every message or event is skipped.
 * out_result_json receives {"activities": [...], "errors": [{"file", "where", "message"}...],
 * "skipped": n}: the activities in the form parley_store_put_activities takes. A malformed message
 * or event is an entry of "errors" and the rest is still read; the status fails only for bad
 * arguments, bad options or a path that does not exist. */

/* Mail: one .eml file, a folder of them (*.eml, sorted by name) or an mbox file. */
PARLEY_API parley_status parley_activities_read_mail(const char *path, size_t path_length,
                                                     const char *read_options_json, size_t read_options_json_length,
                                                     char **out_result_json);
/* One message (or an mbox) held in memory; `name` stands for the file in errors. */
PARLEY_API parley_status parley_activities_parse_mail(const char *message, size_t message_length, const char *name,
                                                      size_t name_length, const char *read_options_json,
                                                      size_t read_options_json_length, char **out_result_json);
/* iCalendar: every VEVENT of an .ics file, recurring ones expanded over the options' window. */
PARLEY_API parley_status parley_activities_read_calendar(const char *path, size_t path_length,
                                                         const char *read_options_json,
                                                         size_t read_options_json_length, char **out_result_json);
PARLEY_API parley_status parley_activities_parse_calendar(const char *text, size_t text_length, const char *name,
                                                          size_t name_length, const char *read_options_json,
                                                          size_t read_options_json_length, char **out_result_json);

/* ------------------------------------------------------------------------------------------ */
/* Activities and opportunities a CRM exports: the JSON and CSV forms (docs/crm-input.md)       */

/* JSON: an array of records in the store's form. CSV (RFC 4180): a header row naming the JSON
 * members, one record per row, lists encoded in a cell as docs/crm-input.md says; UTF-8 with or
 * without a byte order mark, CRLF or LF. read_options_json for activities is the mail readers'
 * document; only its "linking" (its record ids fill the links a record leaves empty) and
 * "max_file_bytes" apply. out_result_json receives {"activities": [...], "errors": [{"file",
 * "where", "message"}...], "skipped": 0} or {"opportunities": [...], "errors": [...]}: a record
 * that cannot be read is an entry of "errors" ("where": "line 7, column type" in CSV, "[3].type"
 * in JSON) and the rest is still read; the status fails only for bad arguments, bad options or a
 * path that does not exist. `name` stands for the file in errors. */
PARLEY_API parley_status parley_activities_read_json(const char *path, size_t path_length,
                                                     const char *read_options_json, size_t read_options_json_length,
                                                     char **out_result_json);
PARLEY_API parley_status parley_activities_parse_json(const char *text, size_t text_length, const char *name,
                                                      size_t name_length, const char *read_options_json,
                                                      size_t read_options_json_length, char **out_result_json);
PARLEY_API parley_status parley_activities_read_csv(const char *path, size_t path_length,
                                                    const char *read_options_json, size_t read_options_json_length,
                                                    char **out_result_json);
PARLEY_API parley_status parley_activities_parse_csv(const char *text, size_t text_length, const char *name,
                                                     size_t name_length, const char *read_options_json,
                                                     size_t read_options_json_length, char **out_result_json);
PARLEY_API parley_status parley_opportunities_read_json(const char *path, size_t path_length,
                                                        char **out_result_json);
PARLEY_API parley_status parley_opportunities_parse_json(const char *text, size_t text_length, const char *name,
                                                         size_t name_length, char **out_result_json);
PARLEY_API parley_status parley_opportunities_read_csv(const char *path, size_t path_length,
                                                       char **out_result_json);
PARLEY_API parley_status parley_opportunities_parse_csv(const char *text, size_t text_length, const char *name,
                                                        size_t name_length, char **out_result_json);

/* ------------------------------------------------------------------------------------------ */
/* Relationship analytics for one CRM record (docs/relationship.md)                            */

/* The KPIs and the health of the activities the viewer may see that match activity_filter_json
 * (ActivityFilter: {"account_id", "contact_id", "lead_id", "opportunity_id", "owner_ids",
 * "from_ms", "to_ms"}), at now_ms (UTC ms: "now" is always the caller's, never the clock).
 * relationship_options_json holds RelationshipOptions: {"time_zone", "breakdown_days",
 * "top_contacts", "business_hours_only", "business_hours": {"start_minute", "end_minute",
 * "working_days": [7 booleans, Monday first]}, "time_spent": {"email_write_minutes",
 * "email_read_minutes", "meeting_per_attendee", "call_per_participant"}, "duplicate_window_ms",
 * "health": HealthOptions' members}. out_json receives {"kpis": {...}, "health": {...}}. */
PARLEY_API parley_status parley_store_relationship(parley_store *store, const parley_viewer *viewer,
                                                   const char *activity_filter_json, size_t activity_filter_json_length,
                                                   const char *relationship_options_json,
                                                   size_t relationship_options_json_length, int64_t now_ms,
                                                   char **out_json);

/* ------------------------------------------------------------------------------------------ */
/* Similar won opportunities (docs/relationship.md, "Similar won opportunities")               */

/* The k won opportunities most like the open opportunity_id, over standardized features of their
 * activities (counts by mode, our hours, our median response hours, the customer's response rate,
 * duration, amount), at now_ms (UTC ms). Reads every opportunity and activity the viewer may see
 * and refreshes their features first. relationship_options_json holds RelationshipOptions as for
 * parley_store_relationship ("health" is accepted and unused). out_json receives {"opportunity_id",
 * "open", "used_won_deals", "scales", "left_out", "similar": [{"opportunity_id", "status",
 * "activities", "features", "distance", "imputed"}...], "note"}. An opportunity the viewer cannot
 * see or does not exist is PARLEY_E_NOT_FOUND; a won or lost one PARLEY_E_INVALID_ARGUMENT. */
PARLEY_API parley_status parley_store_similar_won(parley_store *store, const parley_viewer *viewer,
                                                  const char *opportunity_id, size_t opportunity_id_length,
                                                  const char *relationship_options_json,
                                                  size_t relationship_options_json_length, size_t k, int64_t now_ms,
                                                  char **out_json);

#ifdef __cplusplus
}
#endif

#endif /* PARLEY_H */
