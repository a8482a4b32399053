"""The store (an SQLite file of calls, analyses, users, CRM records) and its insight pages, always on
behalf of a Viewer. Results come back as dicts and Tables (lists of dicts with to_pandas())."""
import time
from ctypes import byref, c_int64, c_void_p, sizeof
from dataclasses import dataclass

from . import _capi
from ._capi import OutputFormat, ViewerKind
from ._support import Handle, as_table, enum_arg, json_arg, take_json, take_string, text_arg
from .call import Call
from .errors import check


@dataclass(frozen=True)
class Viewer:
    """On whose behalf a store or insight call runs (docs/store.md, "Access")."""

    user_id: str
    kind: str = "seller"  # "seller", "manager" or "administrator"
    hierarchy_depth: int = _capi.PARLEY_UNLIMITED_DEPTH  # managers: levels below them they see, >= 1

    @classmethod
    def seller(cls, user_id):
        return cls(user_id, "seller")

    @classmethod
    def manager(cls, user_id, hierarchy_depth=_capi.PARLEY_UNLIMITED_DEPTH):
        return cls(user_id, "manager", hierarchy_depth)

    @classmethod
    def administrator(cls, user_id):
        return cls(user_id, "administrator")

    def _native(self):
        native = _capi.parley_viewer(struct_size=sizeof(_capi.parley_viewer))
        native.user_id, native.user_id_length = text_arg(self.user_id)
        native.kind = enum_arg(ViewerKind, self.kind)
        native.hierarchy_depth = self.hierarchy_depth
        return byref(native)


def _filter(filter, fields):
    """A filter document: a dict (or JSON text) and/or its fields as keywords."""
    if fields:
        if isinstance(filter, (str, bytes)):
            raise TypeError("parley: give a filter as JSON text or as keywords, not both")
        return {**(filter or {}), **fields}
    return filter


def _now_ms():
    return int(time.time() * 1000)


class Store(Handle):
    """An SQLite store, opened (created or migrated) at `path` with SqliteStoreOptions as a dict
    ({"create_if_missing": True, "busy_timeout_ms": 10000, ...}). One thread at a time: open one
    Store per thread on the same file. Every method takes the Viewer it runs for first."""

    _free = _capi.parley_store_close

    def __init__(self, path, options=None):
        out = c_void_p()
        check(_capi.parley_store_open(*text_arg(path), *json_arg(options), byref(out)))
        super().__init__(out.value)

    # One shape serves most functions: (store, viewer, arguments..., char **out) -> a JSON result.
    def _json(self, function, viewer, *args):
        out = c_void_p()
        check(function(self._handle, viewer._native(), *args, byref(out)))
        return as_table(take_json(out))

    def _do(self, function, viewer, *args):
        check(function(self._handle, viewer._native(), *args))

    # Users and hierarchy
    def put_users(self, viewer, users):
        """users: a list of {"id", "display_name", "email", "role", "manager_id", "time_zone"}."""
        self._do(_capi.parley_store_put_users, viewer, *json_arg(users))

    def users(self, viewer):
        return self._json(_capi.parley_store_users, viewer)

    def user(self, viewer, user_id):
        return self._json(_capi.parley_store_user, viewer, *text_arg(user_id))

    # Calls
    def ingest(self, viewer, calls, analyses, now_ms=None):
        """Stores analysed calls in one transaction (all or nothing); analyses[i] must come from calls[i].
        now_ms (default: now) stamps the processing log."""
        calls, analyses = list(calls), list(analyses)
        if len(calls) != len(analyses):
            raise ValueError(f"parley: ingest got {len(calls)} calls and {len(analyses)} analyses")
        count = len(calls)
        call_array = (c_void_p * count)(*(c._handle.value for c in calls))
        analysis_array = (c_void_p * count)(*(a._handle.value for a in analyses))
        self._do(_capi.parley_store_ingest, viewer, call_array, analysis_array, count,
                 _now_ms() if now_ms is None else now_ms)

    def load_call(self, viewer, call_id):
        """A stored call: (its transcript as a Call, its stored analysis record as a dict)."""
        call, record = c_void_p(), c_void_p()
        check(_capi.parley_store_load_call(self._handle, viewer._native(), *text_arg(call_id), byref(call),
                                           byref(record)))
        return Call(call.value), take_json(record)

    def call_summaries(self, viewer, filter=None, **fields):
        """The calls the filter selects (CallFilter: seller_ids, from_ms, to_ms, account_id, ..., limit,
        order), as a Table of call summaries."""
        return self._json(_capi.parley_store_call_summaries, viewer, *json_arg(_filter(filter, fields)))

    def calls(self, viewer, filter=None, **fields):
        """Iterates over the call summaries the filter selects."""
        return iter(self.call_summaries(viewer, filter, **fields))

    def term_hits(self, viewer, filter=None, **fields):
        return self._json(_capi.parley_store_term_hits, viewer, *json_arg(_filter(filter, fields)))

    def term_counts(self, viewer, filter=None, role=None, **fields):
        """role: None = any speaker, else "seller", "customer" or "other"."""
        return self._json(_capi.parley_store_term_counts, viewer, *json_arg(_filter(filter, fields)),
                          *text_arg(role))

    def brand_mentions(self, viewer, filter=None, **fields):
        return self._json(_capi.parley_store_brand_mentions, viewer, *json_arg(_filter(filter, fields)))

    def brand_first_mentions(self, viewer, filter=None, **fields):
        return self._json(_capi.parley_store_brand_first_mentions, viewer, *json_arg(_filter(filter, fields)))

    # Aggregates
    def call_span(self, viewer, filter=None, **fields):
        return self._json(_capi.parley_store_call_span, viewer, *json_arg(_filter(filter, fields)))

    def call_totals(self, viewer, filter=None, bucket_edges=(), **fields):
        """bucket_edges: ascending UTC instants (ms)."""
        edges = (c_int64 * len(bucket_edges))(*bucket_edges)
        return self._json(_capi.parley_store_call_totals, viewer, *json_arg(_filter(filter, fields)), edges,
                          len(bucket_edges))

    def mention_totals(self, viewer, filter=None, bucket_edges=(), recent_calls=0, **fields):
        edges = (c_int64 * len(bucket_edges))(*bucket_edges)
        return self._json(_capi.parley_store_mention_totals, viewer, *json_arg(_filter(filter, fields)), edges,
                          len(bucket_edges), recent_calls)

    def activity_totals(self, viewer, activity_filter=None, **fields):
        return self._json(_capi.parley_store_activity_totals, viewer, *json_arg(_filter(activity_filter, fields)))

    # Relationship analytics
    def relationship(self, viewer, now_ms, activity_filter=None, options=None, **fields):
        """The KPIs and health of one record's activities the viewer may see, at now_ms (UTC ms):
        {"kpis": {...}, "health": {...}} (docs/relationship.md). The record: activity_filter's or the
        keywords' account_id / contact_id / lead_id / opportunity_id; options: RelationshipOptions
        with "health": HealthOptions."""
        out = c_void_p()
        check(_capi.parley_store_relationship(self._handle, viewer._native(),
                                              *json_arg(_filter(activity_filter, fields)), *json_arg(options),
                                              c_int64(now_ms), byref(out)))
        return take_json(out)

    def similar_won(self, viewer, opportunity_id, now_ms, k=5, options=None):
        """The k won opportunities most like the open opportunity_id, from every opportunity and
        activity the viewer may see, at now_ms (UTC ms): {"opportunity_id", "open", "used_won_deals",
        "scales", "left_out", "similar": [...], "note"} (docs/relationship.md, "Similar won
        opportunities"). options: RelationshipOptions. Unknown or unseen: NotFoundError; not open:
        InvalidArgumentError."""
        if k < 0:
            raise ValueError("k must be >= 0, not %d" % k)
        out = c_void_p()
        check(_capi.parley_store_similar_won(self._handle, viewer._native(), *text_arg(opportunity_id),
                                             *json_arg(options), k, c_int64(now_ms), byref(out)))
        return take_json(out)

    # Tracked-term lists
    def put_term_list(self, viewer, term_list):
        """term_list: {"id", "name", "scope": {"level": "organisation"|"team", "team_id"}, "terms": [...]}."""
        self._do(_capi.parley_store_put_term_list, viewer, *json_arg(term_list))

    def delete_term_list(self, viewer, list_id):
        self._do(_capi.parley_store_delete_term_list, viewer, *text_arg(list_id))

    def term_lists(self, viewer):
        return self._json(_capi.parley_store_term_lists, viewer)

    def terms_for_seller(self, viewer, seller_id):
        """The terms that apply to a seller's calls, ready for Analyzer(terms=...)."""
        return self._json(_capi.parley_store_terms_for_seller, viewer, *text_arg(seller_id))

    # Comments
    def add_comment(self, viewer, comment):
        """comment: {"call_id", "offset_ms", "segment_index", "text", "created_ms"}; returns its id."""
        out = c_void_p()
        check(_capi.parley_store_add_comment(self._handle, viewer._native(), *json_arg(comment), byref(out)))
        return take_string(out)

    def delete_comment(self, viewer, comment_id):
        self._do(_capi.parley_store_delete_comment, viewer, *text_arg(comment_id))

    def comments_for_call(self, viewer, call_id):
        return self._json(_capi.parley_store_comments_for_call, viewer, *text_arg(call_id))

    def comments_for_seller(self, viewer, seller_id, from_ms, to_ms):
        return self._json(_capi.parley_store_comments_for_seller, viewer, *text_arg(seller_id), from_ms, to_ms)

    # CRM records
    def put_opportunities(self, viewer, opportunities):
        self._do(_capi.parley_store_put_opportunities, viewer, *json_arg(opportunities))

    def opportunities(self, viewer, opportunity_filter=None, **fields):
        return self._json(_capi.parley_store_opportunities, viewer, *json_arg(_filter(opportunity_filter, fields)))

    def put_activities(self, viewer, activities):
        self._do(_capi.parley_store_put_activities, viewer, *json_arg(activities))

    def activities(self, viewer, activity_filter=None, **fields):
        return self._json(_capi.parley_store_activities, viewer, *json_arg(_filter(activity_filter, fields)))

    # Retention and deletion
    def set_retention(self, viewer, policy):
        """policy: {"scope": {"level", "team_id"}, "days"}."""
        self._do(_capi.parley_store_set_retention, viewer, *json_arg(policy))

    def clear_retention(self, viewer, scope):
        self._do(_capi.parley_store_clear_retention, viewer, *json_arg(scope))

    def retention_policies(self, viewer):
        return self._json(_capi.parley_store_retention_policies, viewer)

    def purge_expired(self, viewer, now_ms=None):
        return self._json(_capi.parley_store_purge_expired, viewer, _now_ms() if now_ms is None else now_ms)

    def delete_seller_data(self, viewer, seller_id):
        return self._json(_capi.parley_store_delete_seller_data, viewer, *text_arg(seller_id))

    def delete_contact_data(self, viewer, contact_id):
        return self._json(_capi.parley_store_delete_contact_data, viewer, *text_arg(contact_id))

    # Processing log
    def log_processing(self, viewer, event):
        """event: {"call_id", "seller_id", "status": "received"|"analysed"|"failed", "reason", "at_ms"}."""
        self._do(_capi.parley_store_log_processing, viewer, *json_arg(event))

    def processing_summary(self, viewer, from_ms, to_ms):
        return self._json(_capi.parley_store_processing_summary, viewer, from_ms, to_ms)

    def processing_events(self, viewer, from_ms, to_ms):
        return self._json(_capi.parley_store_processing_events, viewer, from_ms, to_ms)

    # Insight pages (docs/insights.md). options: InsightOptions ({"period": {...}, "now_utc_ms", ...});
    # format "json" gives a dict, "text" the readable page as a str.
    def _page(self, function, viewer, name, options, format):
        out = c_void_p()
        output_format = enum_arg(OutputFormat, format)
        check(function(self._handle, viewer._native(), *text_arg(name), *json_arg(options), output_format,
                       byref(out)))
        return take_string(out) if output_format == OutputFormat.TEXT else as_table(take_json(out))

    def seller_details(self, viewer, seller_id, options, format="json"):
        return self._page(_capi.parley_insights_seller_details, viewer, seller_id, options, format)

    def team_view(self, viewer, options, team_manager_id=None, format="json"):
        """team_manager_id None: the viewer's whole scope."""
        return self._page(_capi.parley_insights_team_view, viewer, team_manager_id, options, format)

    def home_page(self, viewer, options, team_manager_id=None, format="json"):
        return self._page(_capi.parley_insights_home_page, viewer, team_manager_id, options, format)

    def processing_counts(self, viewer, options):
        return self._json(_capi.parley_insights_processing_counts, viewer, *json_arg(options))
