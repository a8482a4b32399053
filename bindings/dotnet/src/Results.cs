using System;
using System.Collections.Generic;
using System.Xml.Linq;
using Parley.Native;

namespace Parley
{
    /// <summary>A call's conversation figures (docs/metrics.md); null where a figure does not apply.</summary>
    public sealed class CallMetrics
    {
        public long DurationMs { get; private set; }
        /// <summary>Seller talk / (seller + customer talk), 0..1.</summary>
        public double? TalkRatio { get; private set; }
        public long SellerTalkMs { get; private set; }
        public long CustomerTalkMs { get; private set; }
        public long Switches { get; private set; }
        public double? SwitchRatePerHour { get; private set; }
        public double? AveragePauseMs { get; private set; }
        public double? PatienceMs { get; private set; }
        public long SellerLongestMonologueMs { get; private set; }
        public long CustomerLongestMonologueMs { get; private set; }
        public double? SellerWordsPerMinute { get; private set; }
        public double? CustomerWordsPerMinute { get; private set; }
        public long SellerQuestions { get; private set; }
        public long CustomerQuestions { get; private set; }
        public double? SellerQuestionRatePerHour { get; private set; }
        /// <summary>0..10.</summary>
        public double? Interactivity { get; private set; }
        public long Interruptions { get; private set; }
        public double? SellerFillerWordsPerMinute { get; private set; }

        private static double? Optional(double value)
        {
            return double.IsNaN(value) ? (double?)null : value;
        }

        internal CallMetrics(Native.CallMetrics m)
        {
            DurationMs = m.duration_ms;
            TalkRatio = Optional(m.talk_ratio);
            SellerTalkMs = m.seller_talk_ms;
            CustomerTalkMs = m.customer_talk_ms;
            Switches = m.switches;
            SwitchRatePerHour = Optional(m.switch_rate_per_hour);
            AveragePauseMs = Optional(m.average_pause_ms);
            PatienceMs = Optional(m.patience_ms);
            SellerLongestMonologueMs = m.seller_longest_monologue_ms;
            CustomerLongestMonologueMs = m.customer_longest_monologue_ms;
            SellerWordsPerMinute = Optional(m.seller_words_per_minute);
            CustomerWordsPerMinute = Optional(m.customer_words_per_minute);
            SellerQuestions = m.seller_questions;
            CustomerQuestions = m.customer_questions;
            SellerQuestionRatePerHour = Optional(m.seller_question_rate_per_hour);
            Interactivity = Optional(m.interactivity);
            Interruptions = m.interruptions;
            SellerFillerWordsPerMinute = Optional(m.seller_filler_words_per_minute);
        }

        // The "metrics" object of a stored call summary; its duration is the summary's.
        internal CallMetrics(XElement m, long durationMs)
        {
            DurationMs = durationMs;
            TalkRatio = Json.OptionalDouble(m, "talk_ratio");
            SellerTalkMs = Json.Long(m, "seller_talk_ms");
            CustomerTalkMs = Json.Long(m, "customer_talk_ms");
            Switches = Json.Long(m, "switches");
            SwitchRatePerHour = Json.OptionalDouble(m, "switch_rate_per_hour");
            AveragePauseMs = Json.OptionalDouble(m, "average_pause_ms");
            PatienceMs = Json.OptionalDouble(m, "patience_ms");
            SellerLongestMonologueMs = Json.Long(m, "seller_longest_monologue_ms");
            CustomerLongestMonologueMs = Json.Long(m, "customer_longest_monologue_ms");
            SellerWordsPerMinute = Json.OptionalDouble(m, "seller_words_per_minute");
            CustomerWordsPerMinute = Json.OptionalDouble(m, "customer_words_per_minute");
            SellerQuestions = Json.Long(m, "seller_questions");
            CustomerQuestions = Json.Long(m, "customer_questions");
            SellerQuestionRatePerHour = Json.OptionalDouble(m, "seller_question_rate_per_hour");
            Interactivity = Json.OptionalDouble(m, "interactivity");
            Interruptions = Json.Long(m, "interruptions");
            SellerFillerWordsPerMinute = Json.OptionalDouble(m, "seller_filler_words_per_minute");
        }
    }

    /// <summary>The sentiment of one text.</summary>
    public sealed class SentimentScore
    {
        /// <summary>-1..1.</summary>
        public double Score { get; private set; }
        public SentimentLabel Label { get; private set; }
        /// <summary>Words, emoji and emoticons seen.</summary>
        public int WordCount { get; private set; }
        /// <summary>Of which carried a valence (a phrase counts once).</summary>
        public int MatchedTerms { get; private set; }

        internal SentimentScore(Native.SentimentScore s)
        {
            Score = s.score;
            Label = (SentimentLabel)s.label;
            WordCount = (int)s.word_count;
            MatchedTerms = (int)s.matched_terms;
        }
    }

    /// <summary>The word-weighted sentiment of a group of segments.</summary>
    public sealed class SentimentSummary
    {
        /// <summary>-1..1; 0 when Words is 0.</summary>
        public double Score { get; private set; }
        public SentimentLabel Label { get; private set; }
        /// <summary>Segments with at least one word.</summary>
        public long Segments { get; private set; }
        /// <summary>0 = no data (no such speaker, or nothing said).</summary>
        public long Words { get; private set; }

        internal SentimentSummary(Native.SentimentSummary s)
        {
            Score = s.score;
            Label = (SentimentLabel)s.label;
            Segments = s.segments;
            Words = (long)s.words;
        }
    }

    /// <summary>A call's sentiment by speaker, and the customer's over the call's thirds.</summary>
    public sealed class CallSentiment
    {
        public SentimentSummary Customer { get; private set; }
        public SentimentSummary Seller { get; private set; }
        public SentimentSummary Overall { get; private set; }
        /// <summary>The first, middle and last third of the call.</summary>
        public IReadOnlyList<SentimentSummary> CustomerTrajectory { get; private set; }

        internal CallSentiment(Native.CallSentiment s)
        {
            Customer = new SentimentSummary(s.customer);
            Seller = new SentimentSummary(s.seller);
            Overall = new SentimentSummary(s.overall);
            CustomerTrajectory = new List<SentimentSummary> {
                new SentimentSummary(s.customer_trajectory_0), new SentimentSummary(s.customer_trajectory_1),
                new SentimentSummary(s.customer_trajectory_2)
            }.AsReadOnly();
        }
    }

    /// <summary>Mentions of one tracked term in a call.</summary>
    public sealed class TermCount
    {
        public string Name { get; private set; }
        public TermKind Kind { get; private set; }
        public int Total { get; private set; }
        public int BySeller { get; private set; }
        public int ByCustomer { get; private set; }
        public int ByOther { get; private set; }

        internal TermCount(Native.TermCount t)
        {
            Name = Interop.Borrowed(t.name);
            Kind = (TermKind)t.kind;
            Total = (int)t.total;
            BySeller = (int)t.by_seller;
            ByCustomer = (int)t.by_customer;
            ByOther = (int)t.by_other;
        }
    }

    /// <summary>A call's identity, times and sizes.</summary>
    public sealed class CallInfo
    {
        public string Id { get; private set; }
        /// <summary>BCP 47.</summary>
        public string Language { get; private set; }
        /// <summary>UTC ms since the Unix epoch.</summary>
        public long StartTimeMs { get; private set; }
        /// <summary>As given (0 = unknown).</summary>
        public long DurationMs { get; private set; }
        /// <summary>The larger of DurationMs and the last segment's end.</summary>
        public long EffectiveDurationMs { get; private set; }
        public int ParticipantCount { get; private set; }
        public int SegmentCount { get; private set; }
        /// <summary>The reader's warnings (Call.WarningsJson lists them).</summary>
        public int WarningCount { get; private set; }

        internal CallInfo(Native.CallInfo i)
        {
            Id = Interop.Borrowed(i.id);
            Language = Interop.Borrowed(i.language);
            StartTimeMs = i.start_time_ms;
            DurationMs = i.duration_ms;
            EffectiveDurationMs = i.effective_duration_ms;
            ParticipantCount = (int)i.participant_count.ToUInt64();
            SegmentCount = (int)i.segment_count.ToUInt64();
            WarningCount = (int)i.warning_count.ToUInt64();
        }
    }

    /// <summary>A stored call's sentiment for one side: score (null when unscored) and label name.</summary>
    public sealed class StoredSentiment
    {
        public double? Score { get; private set; }
        /// <summary>"negative", "neutral", "positive" (null when unscored).</summary>
        public string Label { get; private set; }

        internal StoredSentiment(XElement s)
        {
            Score = Json.OptionalDouble(s, "score");
            Label = Json.String(s, "label");
        }
    }

    /// <summary>One stored call in the call history: its figures without the transcript.</summary>
    public sealed class CallSummary
    {
        public string Id { get; private set; }
        public long StartTimeMs { get; private set; }
        public long DurationMs { get; private set; }
        public string Language { get; private set; }
        public string SellerId { get; private set; }
        public string AccountId { get; private set; }
        public string ContactId { get; private set; }
        public string LeadId { get; private set; }
        public string OpportunityId { get; private set; }
        public long SegmentCount { get; private set; }
        public long ParticipantCount { get; private set; }
        public CallMetrics Metrics { get; private set; }
        public StoredSentiment CustomerSentiment { get; private set; }
        public StoredSentiment SellerSentiment { get; private set; }
        public long KeywordMentions { get; private set; }
        public long CompetitorMentions { get; private set; }
        public long BrandMentions { get; private set; }

        internal CallSummary(XElement c)
        {
            Id = Json.String(c, "id");
            StartTimeMs = Json.Long(c, "start_time_ms");
            DurationMs = Json.Long(c, "duration_ms");
            Language = Json.String(c, "language");
            SellerId = Json.String(c, "seller_id");
            AccountId = Json.String(c, "account_id");
            ContactId = Json.String(c, "contact_id");
            LeadId = Json.String(c, "lead_id");
            OpportunityId = Json.String(c, "opportunity_id");
            SegmentCount = Json.Long(c, "segment_count");
            ParticipantCount = Json.Long(c, "participant_count");
            Metrics = new CallMetrics(Json.Object(c, "metrics"), DurationMs);
            CustomerSentiment = new StoredSentiment(Json.Object(c, "customer_sentiment"));
            SellerSentiment = new StoredSentiment(Json.Object(c, "seller_sentiment"));
            KeywordMentions = Json.Long(c, "keyword_mentions");
            CompetitorMentions = Json.Long(c, "competitor_mentions");
            BrandMentions = Json.Long(c, "brand_mentions");
        }
    }

    /// <summary>A user of the host's CRM and their place in the hierarchy.</summary>
    public sealed class User
    {
        public string Id { get; private set; }
        public string DisplayName { get; private set; }
        public string Email { get; private set; }
        public UserRole Role { get; private set; }
        /// <summary>null for the top of the hierarchy.</summary>
        public string ManagerId { get; private set; }
        /// <summary>IANA name, e.g. "Europe/Berlin".</summary>
        public string TimeZone { get; private set; }

        public User(string id, string displayName, string email, UserRole role, string managerId, string timeZone)
        {
            Id = Interop.NotNull(id, "id");
            DisplayName = displayName ?? "";
            Email = email ?? "";
            Role = role;
            ManagerId = string.IsNullOrEmpty(managerId) ? null : managerId;
            TimeZone = timeZone ?? "UTC";
        }

        internal User(XElement u)
            : this(Json.String(u, "id"), Json.String(u, "display_name"), Json.String(u, "email"),
                   RoleNamed(Json.String(u, "role")), Json.String(u, "manager_id"), Json.String(u, "time_zone"))
        {
        }

        private static UserRole RoleNamed(string name)
        {
            switch (name)
            {
                case "seller": return UserRole.Seller;
                case "manager": return UserRole.Manager;
                case "administrator": return UserRole.Administrator;
                default: throw new FormatException("parley's user JSON has role '" + name + "'");
            }
        }

        /// <summary>The JSON object parley_store_put_users takes.</summary>
        public string ToJson()
        {
            return "{\"id\":" + Json.Quote(Id) + ",\"display_name\":" + Json.Quote(DisplayName) + ",\"email\":" +
                   Json.Quote(Email) + ",\"role\":" + Json.Quote(Role.ToString().ToLowerInvariant()) +
                   (ManagerId == null ? "" : ",\"manager_id\":" + Json.Quote(ManagerId)) +
                   ",\"time_zone\":" + Json.Quote(TimeZone) + "}";
        }
    }
}
