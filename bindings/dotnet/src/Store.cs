using System;
using System.Collections.Generic;
using System.Text;
using Parley.Native;

namespace Parley
{
    /// <summary>A parley store (an SQLite file): calls, users, CRM records and the dashboards' pages, each
    /// request made on behalf of a Viewer. One thread at a time; open one Store per thread on the same file.
    /// Methods named ...Json return the documented JSON (docs/store.md, docs/insights.md).</summary>
    public sealed class Store : IDisposable
    {
        internal readonly StoreHandle Handle;

        private delegate Native.Status Action(IntPtr store, ref Native.Viewer viewer);
        private delegate Native.Status Query(IntPtr store, ref Native.Viewer viewer, out IntPtr result);

        private Store(IntPtr pointer)
        {
            Handle = new StoreHandle(pointer);
        }

        /// <summary>Opens (creating or migrating) a store; `optionsJson`: SqliteStoreOptions (null = defaults).</summary>
        public static Store Open(string path, string optionsJson = null)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            var options = Interop.Utf8(optionsJson);
            IntPtr store;
            Interop.Check(NativeMethods.parley_store_open(pathBytes, Interop.Length(pathBytes), options,
                                                          Interop.Length(options), out store));
            return new Store(store);
        }

        private void Run(Viewer viewer, Action action)
        {
            Interop.NotNull(viewer, "viewer");
            using (var pins = new PinnedBuffers())
            using (var store = Interop.Use(Handle, "Store"))
            {
                var native = viewer.ToNative(pins);
                Interop.Check(action(store.Pointer, ref native));
            }
        }

        private string Ask(Viewer viewer, Query query)
        {
            Interop.NotNull(viewer, "viewer");
            using (var pins = new PinnedBuffers())
            using (var store = Interop.Use(Handle, "Store"))
            {
                var native = viewer.ToNative(pins);
                IntPtr result;
                Interop.Check(query(store.Pointer, ref native, out result));
                return Interop.Take(result);
            }
        }

        private static byte[] Text(string value, string name)
        {
            return Interop.Utf8(Interop.NotNull(value, name));
        }

        private static long[] Edges(long[] bucketEdges)
        {
            return bucketEdges == null || bucketEdges.Length == 0 ? null : bucketEdges;
        }

        // Users and hierarchy ------------------------------------------------------------------------

        /// <summary>`usersJson`: a JSON array of {"id", "display_name", "email", "role", "manager_id", "time_zone"}.</summary>
        public void PutUsers(Viewer viewer, string usersJson)
        {
            var users = Text(usersJson, "usersJson");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_put_users(s, ref v, users, Interop.Length(users)));
        }

        public void PutUsers(Viewer viewer, IEnumerable<User> users)
        {
            var json = new StringBuilder("[");
            foreach (var user in Interop.NotNull(users, "users"))
            {
                if (json.Length > 1) json.Append(',');
                json.Append(Interop.NotNull(user, "users[]").ToJson());
            }
            PutUsers(viewer, json.Append(']').ToString());
        }

        public string UsersJson(Viewer viewer)
        {
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_store_users(s, ref v, out o));
        }

        public IReadOnlyList<User> Users(Viewer viewer)
        {
            var users = new List<User>();
            foreach (var item in Json.Items(Json.Parse(UsersJson(viewer)))) users.Add(new User(item));
            return users.AsReadOnly();
        }

        public string UserJson(Viewer viewer, string userId)
        {
            var id = Text(userId, "userId");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_user(s, ref v, id, Interop.Length(id), out o));
        }

        public User User(Viewer viewer, string userId)
        {
            return new User(Json.Parse(UserJson(viewer, userId)));
        }

        // Calls --------------------------------------------------------------------------------------

        /// <summary>Stores analysed calls in one transaction (all or nothing); analyses[i] must come from calls[i].
        /// `nowMs` stamps the processing log.</summary>
        public void Ingest(Viewer viewer, IList<Call> calls, IList<Analysis> analyses, long nowMs)
        {
            Interop.NotNull(calls, "calls");
            Interop.NotNull(analyses, "analyses");
            if (calls.Count != analyses.Count)
            {
                throw new ArgumentException("has " + analyses.Count + " analyses for " + calls.Count + " calls", "analyses");
            }
            var leases = new List<ParleyHandle.Lease>();
            try
            {
                var callPointers = new IntPtr[calls.Count];
                var analysisPointers = new IntPtr[calls.Count];
                for (int i = 0; i < calls.Count; i++)
                {
                    var call = Interop.Use(Interop.NotNull(calls[i], "calls[" + i + "]").Handle, "Call");
                    leases.Add(call);
                    callPointers[i] = call.Pointer;
                    var analysis = Interop.Use(Interop.NotNull(analyses[i], "analyses[" + i + "]").Handle, "Analysis");
                    leases.Add(analysis);
                    analysisPointers[i] = analysis.Pointer;
                }
                Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_ingest(
                    s, ref v, callPointers, analysisPointers, new UIntPtr((uint)callPointers.Length), nowMs));
            }
            finally
            {
                foreach (var lease in leases) lease.Dispose();
            }
        }

        public void Ingest(Viewer viewer, Call call, Analysis analysis, long nowMs)
        {
            Ingest(viewer, new[] { call }, new[] { analysis }, nowMs);
        }

        /// <summary>A stored call's transcript, and its stored analysis record as JSON.</summary>
        public Call LoadCall(Viewer viewer, string callId, out string analysisJson)
        {
            var id = Text(callId, "callId");
            IntPtr call = IntPtr.Zero;
            string analysis = Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_load_call(s, ref v, id, Interop.Length(id), out call, out o));
            analysisJson = analysis;
            return new Call(call);
        }

        public Call LoadCall(Viewer viewer, string callId)
        {
            string ignored;
            return LoadCall(viewer, callId, out ignored);
        }

        /// <summary>`filterJson`: CallFilter (null = every call in the viewer's scope, newest first).</summary>
        public string CallSummariesJson(Viewer viewer, string filterJson = null)
        {
            var filter = Interop.Utf8(filterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_call_summaries(s, ref v, filter, Interop.Length(filter), out o));
        }

        public IEnumerable<CallSummary> CallSummaries(Viewer viewer, string filterJson = null)
        {
            var summaries = new List<CallSummary>();
            foreach (var item in Json.Items(Json.Parse(CallSummariesJson(viewer, filterJson)))) summaries.Add(new CallSummary(item));
            return summaries.AsReadOnly();
        }

        public string TermHitsJson(Viewer viewer, string filterJson = null)
        {
            var filter = Interop.Utf8(filterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_term_hits(s, ref v, filter, Interop.Length(filter), out o));
        }

        /// <summary>`role`: null or "" = any speaker, else "seller", "customer" or "other".</summary>
        public string TermCountsJson(Viewer viewer, string filterJson = null, string role = null)
        {
            var filter = Interop.Utf8(filterJson);
            var roleBytes = Interop.Utf8(role);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_store_term_counts(
                s, ref v, filter, Interop.Length(filter), roleBytes, Interop.Length(roleBytes), out o));
        }

        public string BrandMentionsJson(Viewer viewer, string filterJson = null)
        {
            var filter = Interop.Utf8(filterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_brand_mentions(s, ref v, filter, Interop.Length(filter), out o));
        }

        public string BrandFirstMentionsJson(Viewer viewer, string filterJson = null)
        {
            var filter = Interop.Utf8(filterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_brand_first_mentions(s, ref v, filter, Interop.Length(filter), out o));
        }

        // Aggregates ---------------------------------------------------------------------------------

        public string CallSpanJson(Viewer viewer, string filterJson = null)
        {
            var filter = Interop.Utf8(filterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_call_span(s, ref v, filter, Interop.Length(filter), out o));
        }

        /// <summary>`bucketEdges`: ascending UTC instants (null = one bucket).</summary>
        public string CallTotalsJson(Viewer viewer, string filterJson = null, long[] bucketEdges = null)
        {
            var filter = Interop.Utf8(filterJson);
            var edges = Edges(bucketEdges);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_store_call_totals(
                s, ref v, filter, Interop.Length(filter), edges, new UIntPtr(edges == null ? 0u : (uint)edges.Length), out o));
        }

        public string MentionTotalsJson(Viewer viewer, string filterJson = null, long[] bucketEdges = null, int recentCalls = 0)
        {
            var filter = Interop.Utf8(filterJson);
            var edges = Edges(bucketEdges);
            if (recentCalls < 0) throw new ArgumentOutOfRangeException("recentCalls", "is negative");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_store_mention_totals(
                s, ref v, filter, Interop.Length(filter), edges, new UIntPtr(edges == null ? 0u : (uint)edges.Length),
                new UIntPtr((uint)recentCalls), out o));
        }

        /// <summary>`activityFilterJson`: ActivityFilter (null = all).</summary>
        public string ActivityTotalsJson(Viewer viewer, string activityFilterJson = null)
        {
            var filter = Interop.Utf8(activityFilterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_activity_totals(s, ref v, filter, Interop.Length(filter), out o));
        }

        // Relationship analytics ---------------------------------------------------------------------

        /// <summary>The KPIs and health of one record's activities the viewer may see, at nowMs (UTC ms):
        /// {"kpis": {...}, "health": {...}} (docs/relationship.md). `activityFilterJson` names the record
        /// ({"account_id": ...}); `relationshipOptionsJson` holds RelationshipOptions and "health".</summary>
        public string RelationshipJson(Viewer viewer, long nowMs, string activityFilterJson = null,
                                       string relationshipOptionsJson = null)
        {
            var filter = Interop.Utf8(activityFilterJson);
            var options = Interop.Utf8(relationshipOptionsJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_relationship(s, ref v, filter, Interop.Length(filter), options,
                                                        Interop.Length(options), nowMs, out o));
        }

        /// <summary>The k won opportunities most like the open `opportunityId`, from every opportunity and
        /// activity the viewer may see, at nowMs (UTC ms): {"opportunity_id", "open", "used_won_deals",
        /// "scales", "left_out", "similar": [...], "note"} (docs/relationship.md, "Similar won
        /// opportunities"). `relationshipOptionsJson` holds RelationshipOptions.</summary>
        public string SimilarWonJson(Viewer viewer, string opportunityId, long nowMs, int k = 5,
                                     string relationshipOptionsJson = null)
        {
            if (k < 0) throw new ArgumentOutOfRangeException("k", "is negative");
            var id = Text(opportunityId, "opportunityId");
            var options = Interop.Utf8(relationshipOptionsJson);
            var count = new UIntPtr((uint)k);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_similar_won(s, ref v, id, Interop.Length(id), options,
                                                       Interop.Length(options), count, nowMs, out o));
        }

        // Tracked-term lists -------------------------------------------------------------------------

        /// <summary>`listJson`: {"id", "name", "scope": {"level", "team_id"}, "terms": [term objects]}.</summary>
        public void PutTermList(Viewer viewer, string listJson)
        {
            var list = Text(listJson, "listJson");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_put_term_list(s, ref v, list, Interop.Length(list)));
        }

        public void DeleteTermList(Viewer viewer, string listId)
        {
            var id = Text(listId, "listId");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_delete_term_list(s, ref v, id, Interop.Length(id)));
        }

        public string TermListsJson(Viewer viewer)
        {
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_store_term_lists(s, ref v, out o));
        }

        /// <summary>The terms that apply to a seller's calls, as an Analyzer takes them.</summary>
        public string TermsForSellerJson(Viewer viewer, string sellerId)
        {
            var id = Text(sellerId, "sellerId");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_terms_for_seller(s, ref v, id, Interop.Length(id), out o));
        }

        // Comments -----------------------------------------------------------------------------------

        /// <summary>`commentJson`: {"call_id", "offset_ms", "segment_index", "text", "created_ms"}; the author is
        /// the viewer. Returns the new comment's id.</summary>
        public string AddComment(Viewer viewer, string commentJson)
        {
            var comment = Text(commentJson, "commentJson");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_add_comment(s, ref v, comment, Interop.Length(comment), out o));
        }

        public void DeleteComment(Viewer viewer, string commentId)
        {
            var id = Text(commentId, "commentId");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_delete_comment(s, ref v, id, Interop.Length(id)));
        }

        public string CommentsForCallJson(Viewer viewer, string callId)
        {
            var id = Text(callId, "callId");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_comments_for_call(s, ref v, id, Interop.Length(id), out o));
        }

        public string CommentsForSellerJson(Viewer viewer, string sellerId, long fromMs, long toMs)
        {
            var id = Text(sellerId, "sellerId");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_comments_for_seller(s, ref v, id, Interop.Length(id), fromMs, toMs, out o));
        }

        // CRM records --------------------------------------------------------------------------------

        /// <summary>Inserts or replaces opportunities by id (a JSON array, docs/c-api.md).</summary>
        public void PutOpportunities(Viewer viewer, string opportunitiesJson)
        {
            var json = Text(opportunitiesJson, "opportunitiesJson");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_put_opportunities(s, ref v, json, Interop.Length(json)));
        }

        /// <summary>`opportunityFilterJson`: {"owner_ids", "account_id", "from_ms", "to_ms"} (null = all).</summary>
        public string OpportunitiesJson(Viewer viewer, string opportunityFilterJson = null)
        {
            var filter = Interop.Utf8(opportunityFilterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_opportunities(s, ref v, filter, Interop.Length(filter), out o));
        }

        /// <summary>Inserts or replaces activities by id (a JSON array, docs/c-api.md).</summary>
        public void PutActivities(Viewer viewer, string activitiesJson)
        {
            var json = Text(activitiesJson, "activitiesJson");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_put_activities(s, ref v, json, Interop.Length(json)));
        }

        public string ActivitiesJson(Viewer viewer, string activityFilterJson = null)
        {
            var filter = Interop.Utf8(activityFilterJson);
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_activities(s, ref v, filter, Interop.Length(filter), out o));
        }

        // Retention and deletion ---------------------------------------------------------------------

        /// <summary>`policyJson`: {"scope": {"level", "team_id"}, "days"}.</summary>
        public void SetRetention(Viewer viewer, string policyJson)
        {
            var policy = Text(policyJson, "policyJson");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_set_retention(s, ref v, policy, Interop.Length(policy)));
        }

        /// <summary>`scopeJson`: {"level", "team_id"}.</summary>
        public void ClearRetention(Viewer viewer, string scopeJson)
        {
            var scope = Text(scopeJson, "scopeJson");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_clear_retention(s, ref v, scope, Interop.Length(scope)));
        }

        public string RetentionPoliciesJson(Viewer viewer)
        {
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_retention_policies(s, ref v, out o));
        }

        /// <summary>Deletes what the retention policies expire at `nowMs`; returns the deletion report as JSON.</summary>
        public string PurgeExpired(Viewer viewer, long nowMs)
        {
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_purge_expired(s, ref v, nowMs, out o));
        }

        /// <summary>Deletes everything stored about a seller; returns the deletion report as JSON.</summary>
        public string DeleteSellerData(Viewer viewer, string sellerId)
        {
            var id = Text(sellerId, "sellerId");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_delete_seller_data(s, ref v, id, Interop.Length(id), out o));
        }

        /// <summary>Deletes everything stored about a contact; returns the deletion report as JSON.</summary>
        public string DeleteContactData(Viewer viewer, string contactId)
        {
            var id = Text(contactId, "contactId");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_delete_contact_data(s, ref v, id, Interop.Length(id), out o));
        }

        // Processing log -----------------------------------------------------------------------------

        /// <summary>`eventJson`: {"call_id", "seller_id", "status": "received"|"analysed"|"failed", "reason", "at_ms"}.</summary>
        public void LogProcessing(Viewer viewer, string eventJson)
        {
            var json = Text(eventJson, "eventJson");
            Run(viewer, (IntPtr s, ref Native.Viewer v) => NativeMethods.parley_store_log_processing(s, ref v, json, Interop.Length(json)));
        }

        public string ProcessingSummaryJson(Viewer viewer, long fromMs, long toMs)
        {
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_processing_summary(s, ref v, fromMs, toMs, out o));
        }

        public string ProcessingEventsJson(Viewer viewer, long fromMs, long toMs)
        {
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_store_processing_events(s, ref v, fromMs, toMs, out o));
        }

        // Insights: the dashboards' pages (docs/insights.md) -----------------------------------------

        /// <summary>`insightOptionsJson`: InsightOptions ("now_utc_ms" is required). Json or Text format.</summary>
        public string SellerDetails(Viewer viewer, string sellerId, string insightOptionsJson,
                                    OutputFormat format = OutputFormat.Json)
        {
            var id = Text(sellerId, "sellerId");
            var options = Text(insightOptionsJson, "insightOptionsJson");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_insights_seller_details(
                s, ref v, id, Interop.Length(id), options, Interop.Length(options), (Native.OutputFormat)format, out o));
        }

        /// <summary>`teamManagerId` null or "" = the viewer's whole scope.</summary>
        public string TeamView(Viewer viewer, string teamManagerId, string insightOptionsJson,
                               OutputFormat format = OutputFormat.Json)
        {
            var id = Interop.Utf8(teamManagerId);
            var options = Text(insightOptionsJson, "insightOptionsJson");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_insights_team_view(
                s, ref v, id, Interop.Length(id), options, Interop.Length(options), (Native.OutputFormat)format, out o));
        }

        /// <summary>`teamManagerId` null or "" = the viewer's whole scope.</summary>
        public string HomePage(Viewer viewer, string teamManagerId, string insightOptionsJson,
                               OutputFormat format = OutputFormat.Json)
        {
            var id = Interop.Utf8(teamManagerId);
            var options = Text(insightOptionsJson, "insightOptionsJson");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) => NativeMethods.parley_insights_home_page(
                s, ref v, id, Interop.Length(id), options, Interop.Length(options), (Native.OutputFormat)format, out o));
        }

        public string ProcessingCountsJson(Viewer viewer, string insightOptionsJson)
        {
            var options = Text(insightOptionsJson, "insightOptionsJson");
            return Ask(viewer, (IntPtr s, ref Native.Viewer v, out IntPtr o) =>
                NativeMethods.parley_insights_processing_counts(s, ref v, options, Interop.Length(options), out o));
        }

        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
