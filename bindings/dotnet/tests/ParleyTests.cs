using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Runtime.InteropServices;
using Parley;

namespace Parley.Tests
{
    // Tests of the .NET layer, compiled against the Parley.dll of the installed NuGet package.
    //   mono ParleyTests.exe <samples dir> <scratch dir>
    // Expected figures are worked out by hand from the inputs (see the comments).
    internal static class ParleyTests
    {
        private static string samples;
        private static string scratch;

        // 2026-11-16T12:00:00Z
        private const long Now = 1794830400000;
        private const long Hour = 3600000;

        private static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: mono ParleyTests.exe <samples dir> <scratch dir>");
                return 2;
            }
            samples = args[0];
            scratch = args[1];
            Directory.CreateDirectory(scratch);

            var runner = new Runner();
            runner.Run("Library: the loaded libparley is the version the binding was generated from", LibraryVersion);
            runner.Run("enums: the layer's enums equal Parley.Native's, name for name and value for value", EnumsMatchNative);
            runner.Run("Call: built in C#, seller 30 s and customer 10 s, gives a talk ratio of 0.75", CallBuiltInCSharp);
            runner.Run("Call: reading samples/discovery-call.vtt gives its cues, speakers and length", CallReadsVtt);
            runner.Run("Call: AssignRoles names the speakers no rule matched", CallAssignRoles);
            runner.Run("Call: SetRole and SetWords change the call", CallSetRoleAndWords);
            runner.Run("Call: Participants lists the speakers in index order with their names and roles", CallParticipants);
            runner.Run("Call: ToJson writes parley's JSON transcript, which Parse reads back", CallJsonRoundTrip);
            runner.Run("Analysis: metrics of samples/discovery-call.vtt, counted by hand", AnalysisMetricsOfVtt);
            runner.Run("Analysis: tracked terms of samples/discovery-call.vtt with samples/terms.tsv", AnalysisTermCounts);
            runner.Run("Analysis: sentiment of a built call, by speaker", AnalysisSentiment);
            runner.Run("Analysis: ToJson is the documented document", AnalysisJson);
            runner.Run("Analysis: our own company is never a brand; action items carry owner and due", AnalysisSignals);
            runner.Run("Analyzer: AnalyzeBatch gives each call the analysis Analyze gives", AnalyzerBatch);
            runner.Run("Scorer: 'This is great!' is positive, 'This is terrible.' negative", ScorerSignAndLabel);
            runner.Run("Scorer: German and Japanese score with their bundled lexicons", ScorerOtherLanguages);
            runner.Run("Scorer: ScoreMany and ScoreLines give what Score gives", ScorerManyAndLines);
            runner.Run("Store: users, ingest, call summaries and the home page with 1 recorded call", StoreRoundTrip);
            runner.Run("Store: term lists, comments and the processing log", StoreListsCommentsLog);
            runner.Run("Store: CRM records, aggregates, retention and deletion", StoreRecordsAggregatesRetention);
            runner.Run("Store: a seller outside the call's scope gets ParleyException NotPermitted", StoreOutOfScope);
            runner.Run("Activities: a mail file and a calendar in memory, read with our side, into a store", ActivitiesReadAndStored);
            runner.Run("Activities: nobody of ours is skipped, a broken event is an error, bad options throw", ActivitiesErrors);
            runner.Run("Activities and Opportunities: the CSV forms equal the JSON forms; a bad row names line and column", RecordForms);
            runner.Run("Store: an account's relationship KPIs, our response after 2 h", StoreRelationship);
            runner.Run("Store: the won opportunities most like an open one, by hand", StoreSimilarWon);
            runner.Run("ParleyException: a missing file, a malformed document, an unknown call", Exceptions);
            runner.Run("dispose: disposing twice is safe; a disposed object refuses use", DisposeTwice);
            runner.Run("misuse: null and NULL arguments give exceptions and status codes, not crashes", NullMisuse);
            return runner.Finish();
        }

        // ---------------------------------------------------------------------------------------------

        private static XElement ParseJson(string json)
        {
            using (var reader = JsonReaderWriterFactory.CreateJsonReader(Encoding.UTF8.GetBytes(json), XmlDictionaryReaderQuotas.Max))
            {
                return XElement.Load(reader);
            }
        }

        private static double Number(XElement value)
        {
            return double.Parse(value.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string Sample(string name)
        {
            return Path.Combine(samples, name);
        }

        private const string PricingTerm = "keyword\tpricing\tprice|budget\torganisation\n";

        // Seller "dana" speaks 0-30 s, customer "marco" 30-40 s: talk ratio 30 / (30 + 10) = 0.75.
        private static Call BuildCall(string id, string sellerId)
        {
            var call = Call.Create(id);
            call.SetField(CallField.Language, "en");
            call.SetField(CallField.OwnerSellerId, sellerId);
            call.SetTimes(Now - Hour, 0);
            int dana = call.AddParticipant("dana", Role.Seller, "Dana Whitfield");
            int marco = call.AddParticipant("marco", Role.Customer, "Marco Rossi");
            call.AddSegments(new[] {
                new Segment(dana, 0, 30000, "Let me walk you through our pricing."),
                new Segment(marco, 30000, 40000, "This is great! Our budget is approved.", 0.9),
            });
            return call;
        }

        // ---------------------------------------------------------------------------------------------

        private static void LibraryVersion()
        {
            Assert.Equal("1.0.0", Library.Version, "Library.Version");
            Assert.Equal(10000, Library.VersionNumber, "Library.VersionNumber");
            Assert.Equal(Library.BindingVersionNumber, Library.VersionNumber, "binding and library version");
        }

        private static void EnumsMatchNative()
        {
            var pairs = new[] {
                Tuple.Create(typeof(Status), typeof(Parley.Native.Status)),
                Tuple.Create(typeof(Role), typeof(Parley.Native.Role)),
                Tuple.Create(typeof(SentimentLabel), typeof(Parley.Native.SentimentLabel)),
                Tuple.Create(typeof(TermKind), typeof(Parley.Native.TermKind)),
                Tuple.Create(typeof(OutputFormat), typeof(Parley.Native.OutputFormat)),
                Tuple.Create(typeof(CallField), typeof(Parley.Native.CallField)),
                Tuple.Create(typeof(ViewerKind), typeof(Parley.Native.ViewerKind)),
            };
            foreach (var pair in pairs)
            {
                var layer = Enum.GetNames(pair.Item1);
                var native = Enum.GetNames(pair.Item2);
                Assert.Equal(string.Join(",", native), string.Join(",", layer), pair.Item1.Name + " names");
                foreach (var name in native)
                {
                    Assert.Equal(Convert.ToInt32(Enum.Parse(pair.Item2, name)), Convert.ToInt32(Enum.Parse(pair.Item1, name)),
                                 pair.Item1.Name + "." + name);
                }
            }
        }

        private static void CallBuiltInCSharp()
        {
            using (var call = BuildCall("c-built", "s1"))
            using (var analyzer = new Analyzer())
            {
                var info = call.Info;
                Assert.Equal("c-built", info.Id, "Info.Id");
                Assert.Equal("en", info.Language, "Info.Language");
                Assert.Equal(2, info.ParticipantCount, "Info.ParticipantCount");
                Assert.Equal(2, info.SegmentCount, "Info.SegmentCount");
                Assert.Equal(Now - Hour, info.StartTimeMs, "Info.StartTimeMs");
                Assert.Equal(0L, info.DurationMs, "Info.DurationMs (not given)");
                Assert.Equal(40000L, info.EffectiveDurationMs, "Info.EffectiveDurationMs (the last segment's end)");

                using (var analysis = analyzer.Analyze(call))
                {
                    var metrics = analysis.Metrics;
                    Assert.Near(0.75, metrics.TalkRatio, 1e-12, "TalkRatio");
                    Assert.Equal(30000L, metrics.SellerTalkMs, "SellerTalkMs");
                    Assert.Equal(10000L, metrics.CustomerTalkMs, "CustomerTalkMs");
                    Assert.Equal(40000L, metrics.DurationMs, "DurationMs");
                    // One hand-over, seller to customer: 1 switch in 40 s = 90 per hour.
                    Assert.Equal(1L, metrics.Switches, "Switches");
                    Assert.Near(90.0, metrics.SwitchRatePerHour, 1e-9, "SwitchRatePerHour");
                    // No seller turn follows a customer turn: patience does not apply (NaN -> null).
                    Assert.Equal(null, metrics.PatienceMs, "PatienceMs");
                    Assert.Equal(0L, metrics.Interruptions, "Interruptions");
                }
            }
        }

        private static void CallReadsVtt()
        {
            using (var call = Call.Read(Sample("discovery-call.vtt")))
            {
                var info = call.Info;
                // 20 cues by two speakers; the last cue ends at 00:03:53.000.
                Assert.Equal(20, info.SegmentCount, "Info.SegmentCount");
                Assert.Equal(2, info.ParticipantCount, "Info.ParticipantCount");
                Assert.Equal(233000L, info.EffectiveDurationMs, "Info.EffectiveDurationMs");
                Assert.True(info.Id.Length > 0, "the call has an id");
            }
            // Named format and read options.
            using (var call = Call.Read(Sample("discovery-call.vtt"), "webvtt", "{\"call_id\": \"discovery\"}"))
            {
                Assert.Equal("discovery", call.Info.Id, "Info.Id from the call_id read option");
            }
        }

        private static void CallAssignRoles()
        {
            using (var call = Call.Read(Sample("discovery-call.vtt")))
            {
                var unmatched = call.AssignRoles("{\"by_name\": {\"Dana Whitfield\": \"seller\"}, \"unmatched\": \"customer\"}");
                Assert.Equal("Marco Rossi", string.Join(",", unmatched), "the unmatched speakers");
            }
        }

        private static void CallSetRoleAndWords()
        {
            using (var analyzer = new Analyzer())
            using (var call = BuildCall("c-roles", "s1"))
            {
                // With the customer made "other", no customer talk is left: 30 / (30 + 0) = 1.
                call.SetRole("marco", Role.Other);
                using (var analysis = analyzer.Analyze(call))
                {
                    Assert.Near(1.0, analysis.Metrics.TalkRatio, 1e-12, "TalkRatio without a customer");
                    Assert.Equal(0L, analysis.Metrics.CustomerTalkMs, "CustomerTalkMs without a customer");
                }
                Assert.Throws<ParleyNotFoundException>(() => call.SetRole("nobody", Role.Seller), "SetRole of an unknown id");
                call.SetWords(1, new[] { new Word(30000, 30400, "This", 0.5), new Word(30400, 30600, "is") });
                Assert.True(call.ToJson().Contains("30400"), "the word timings are in the call's JSON");
                Assert.Throws<ParleyException>(() => call.SetWords(7, new Word[0]), "SetWords of a segment that does not exist");
            }
        }

        private static void CallParticipants()
        {
            using (var call = BuildCall("c-participants", "s1"))
            {
                call.AddParticipant("lee", Role.Other, "", "crm-42");
                var participants = call.Participants;
                Assert.Equal(3, participants.Count, "Participants.Count");
                Assert.Equal("dana|Dana Whitfield|Seller|", Describe(participants[0]), "participant 0");
                Assert.Equal("marco|Marco Rossi|Customer|", Describe(participants[1]), "participant 1");
                // No display name given: the id.
                Assert.Equal("lee|lee|Other|crm-42", Describe(participants[2]), "participant 2");
            }
            using (var call = Call.Read(Sample("discovery-call.vtt")))
            {
                // The <v> names of the cues, Dana first; readers leave every role Other.
                Assert.Equal("Dana Whitfield|Dana Whitfield|Other|,Marco Rossi|Marco Rossi|Other|",
                             string.Join(",", call.Participants.Select(Describe)), "the sample's speakers");
                call.AssignRoles("{\"our_users\": [\"Dana Whitfield\"], \"unmatched\": \"customer\"}");
                Assert.Equal("Seller,Customer", string.Join(",", call.Participants.Select(p => p.Role.ToString())),
                             "the roles AssignRoles gave");
            }
            using (var call = Call.Create("c-accents"))
            {
                call.AddParticipant("José Núñez", Role.Customer);
                Assert.Equal("José Núñez|José Núñez|Customer|", Describe(call.Participants[0]), "a non-ASCII speaker");
                call.Dispose();
                Assert.Throws<ObjectDisposedException>(() => { var unused = call.Participants; }, "Participants of a disposed call");
            }
        }

        private static string Describe(Participant p)
        {
            return p.Id + "|" + p.DisplayName + "|" + p.Role + "|" + p.CrmId;
        }

        private static void CallJsonRoundTrip()
        {
            using (var call = BuildCall("c-json", "s1"))
            {
                string json = call.ToJson();
                var document = ParseJson(json);
                Assert.True(json.Contains("Our budget is approved."), "the JSON holds the segment text");
                using (var again = Call.Parse(json, "parley-json", "c-json.json"))
                {
                    Assert.Equal("c-json", again.Info.Id, "Id after the round trip");
                    Assert.Equal(2, again.Info.SegmentCount, "SegmentCount after the round trip");
                    Assert.Equal(json, again.ToJson(), "ToJson after the round trip");
                }
                Assert.Equal("[]", call.WarningsJson().Replace(" ", ""), "a built call has no reader warnings");
                Assert.True(document.HasElements, "ToJson is a JSON object");
            }
        }

        private static Analysis AnalyseSample(Analyzer analyzer)
        {
            using (var call = Call.Read(Sample("discovery-call.vtt")))
            {
                call.AssignRoles("{\"by_name\": {\"Dana Whitfield\": \"seller\", \"Marco Rossi\": \"customer\"}}");
                // The analysis keeps what it needs of the call: disposing the call first is fine.
                return analyzer.Analyze(call);
            }
        }

        private static void AnalysisMetricsOfVtt()
        {
            using (var analyzer = new Analyzer())
            using (var analysis = AnalyseSample(analyzer))
            {
                var m = analysis.Metrics;
                // Dana's cues: 4.2 + 11.7 + 0.9 + 10.3 + 17.3 + 22.6 + 11.5 + 3.4 + 14.5 + 4.2 = 100.6 s.
                // Marco's: 2.4 + 0.7 + 27.3 + 22.3 + 23.5 + 2.1 + 1.2 + 24.7 + 14.3 + 2.5 = 121.0 s.
                Assert.Equal(100600L, m.SellerTalkMs, "SellerTalkMs");
                Assert.Equal(121000L, m.CustomerTalkMs, "CustomerTalkMs");
                Assert.Near(100600.0 / 221600.0, m.TalkRatio, 1e-9, "TalkRatio");
                Assert.Equal(233000L, m.DurationMs, "DurationMs");
                // Cue 9 (Marco, 1:23.5) starts before cue 8 (Dana) ends at 1:24.1.
                Assert.Equal(1L, m.Interruptions, "Interruptions");
            }
        }

        private static void AnalysisTermCounts()
        {
            using (var analyzer = new Analyzer(null, Terms.ReadFile(Sample("terms.tsv"))))
            using (var analysis = AnalyseSample(analyzer))
            {
                var terms = analysis.TermCounts.ToDictionary(t => t.Name);
                // "pricing" (cue 7) and "Budget" (cue 17), both Marco's.
                var pricing = terms["pricing"];
                Assert.Equal(TermKind.Keyword, pricing.Kind, "pricing kind");
                Assert.Equal(2, pricing.Total, "pricing total");
                Assert.Equal(2, pricing.ByCustomer, "pricing by the customer");
                Assert.Equal(0, pricing.BySeller, "pricing by the seller");
                // "Contoso 360" once, Marco's (cue 7).
                var contoso = terms["Contoso 360"];
                Assert.Equal(TermKind.Competitor, contoso.Kind, "Contoso 360 kind");
                Assert.Equal(1, contoso.Total, "Contoso 360 total");
                // "pilot" once, Dana's (cue 18).
                Assert.Equal(1, terms["pilot"].BySeller, "pilot by the seller");
                Assert.True(!terms.ContainsKey("Litware"), "Litware is never said, so not listed");
            }
        }

        private static void AnalysisSentiment()
        {
            using (var analyzer = new Analyzer(null, Terms.Parse(PricingTerm, "pricing.tsv")))
            using (var call = BuildCall("c-sentiment", "s1"))
            using (var analysis = analyzer.Analyze(call))
            {
                var sentiment = analysis.Sentiment;
                Assert.True(sentiment != null, "an English call has sentiment");
                // The customer's one segment: "This is great! Our budget is approved." = 7 words.
                Assert.Equal(SentimentLabel.Positive, sentiment.Customer.Label, "customer label");
                Assert.True(sentiment.Customer.Score > 0, "customer score above 0");
                Assert.Equal(7L, sentiment.Customer.Words, "customer words");
                Assert.Equal(1L, sentiment.Customer.Segments, "customer segments");
                Assert.Equal(3, sentiment.CustomerTrajectory.Count, "three thirds");
                // "pricing" by the seller, "budget" by the customer.
                var pricing = analysis.TermCounts.Single();
                Assert.Equal("pricing", pricing.Name, "term name");
                Assert.Equal(2, pricing.Total, "pricing total");
                Assert.Equal(1, pricing.BySeller, "pricing by the seller");
                Assert.Equal(1, pricing.ByCustomer, "pricing by the customer");
            }
        }

        // A Wednesday, 2026-03-04 10:00 UTC: "by Friday" is 2026-03-06.
        private static void AnalysisSignals()
        {
            using (var analyzer = new Analyzer("{\"signals\": {\"our_names\": [\"Brightwave Solutions\"]}}"))
            using (var call = Call.Create("c-signals"))
            {
                call.SetField(CallField.Language, "en");
                call.SetTimes(1772618400000, 0);
                int greta = call.AddParticipant("greta", Role.Seller, "Greta Lindqvist");
                int sam = call.AddParticipant("sam", Role.Customer, "Sam Lee");
                call.AddSegments(new[] {
                    new Segment(greta, 0, 9000, "Today Greta from Brightwave and I compared Zendesk with what we have."),
                    new Segment(greta, 10000, 19000, "I'll send you the proposal by Friday."),
                    new Segment(sam, 20000, 29000, "Could you share it with your team?"),
                });
                using (var analysis = analyzer.Analyze(call))
                {
                    var signals = ParseJson(analysis.ToJson()).Element("signals");
                    var brands = signals.Element("brands").Elements().Select(b => b.Element("key").Value).ToList();
                    Assert.Equal(1, brands.Count, "one brand: not Greta, not Brightwave");
                    Assert.Equal("zendesk", brands[0], "the brand");
                    var items = signals.Element("action_items").Elements().ToList();
                    Assert.Equal(2, items.Count, "two action items");
                    Assert.Equal("speaker", items[0].Element("owner").Value, "a commitment");
                    Assert.Equal("2026-03-06", items[0].Element("due_date").Value, "by Friday");
                    Assert.Equal("other_side", items[1].Element("owner").Value, "a request");
                }
            }
        }

        private static void AnalysisJson()
        {
            using (var analyzer = new Analyzer())
            using (var call = BuildCall("c-analysis-json", "s1"))
            using (var analysis = analyzer.Analyze(call))
            {
                var document = ParseJson(analysis.ToJson());
                Assert.True(document.Descendants("talk_ratio").Any(e => e.Value == "0.75"), "talk_ratio 0.75 in the JSON");
            }
        }

        private static void AnalyzerBatch()
        {
            using (var analyzer = new Analyzer())
            using (var first = BuildCall("c-batch-1", "s1"))
            using (var second = Call.Read(Sample("discovery-call.vtt")))
            {
                second.AssignRoles("{\"by_name\": {\"Dana Whitfield\": \"seller\", \"Marco Rossi\": \"customer\"}}");
                var analyses = analyzer.AnalyzeBatch(new[] { first, second }, 2);
                try
                {
                    Assert.Equal(2, analyses.Count, "one analysis per call");
                    Assert.Near(0.75, analyses[0].Metrics.TalkRatio, 1e-12, "call 0's talk ratio");
                    Assert.Equal(100600L, analyses[1].Metrics.SellerTalkMs, "call 1's seller talk");
                }
                finally
                {
                    foreach (var analysis in analyses) analysis.Dispose();
                }
                // A call that fails validation (a segment ending before it starts) fails the batch, naming it.
                using (var broken = Call.Create("c-broken"))
                {
                    int speaker = broken.AddParticipant("x", Role.Seller);
                    broken.AddSegment(speaker, 5000, 1000, "backwards");
                    var error = Assert.Throws<ParleyException>(() => analyzer.AnalyzeBatch(new[] { first, broken }),
                                                               "a batch with a broken call");
                    Assert.True(error.Message.Contains("c-broken"), "the message names the call: " + error.Message);
                }
            }
        }

        private static void ScorerSignAndLabel()
        {
            using (var scorer = new Scorer("en"))
            {
                var great = scorer.Score("This is great!");
                Assert.True(great.Score > 0, "'This is great!' scores above 0, got " + great.Score);
                Assert.Equal(SentimentLabel.Positive, great.Label, "'This is great!' label");
                Assert.Equal(3, great.WordCount, "'This is great!' words");
                Assert.Equal(1, great.MatchedTerms, "'This is great!' terms with a valence");
                var terrible = scorer.Score("This is terrible.");
                Assert.True(terrible.Score < 0, "'This is terrible.' scores below 0, got " + terrible.Score);
                Assert.Equal(SentimentLabel.Negative, terrible.Label, "'This is terrible.' label");
            }
        }

        private static void ScorerOtherLanguages()
        {
            using (var german = new Scorer("de-DE"))
            {
                Assert.True(german.HasLexicon, "German has a word list");
                Assert.Equal(SentimentLabel.Negative, german.Score("Der Support war leider sehr schlecht.").Label,
                             "'Der Support war leider sehr schlecht.' label");
                Assert.Equal(SentimentLabel.Positive, german.Score("Die Demo war wirklich ausgezeichnet!").Label,
                             "'Die Demo war wirklich ausgezeichnet!' label");
            }
            using (var japanese = new Scorer("ja-JP"))
            {
                Assert.True(japanese.HasLexicon, "Japanese has a word list");
                Assert.Equal(SentimentLabel.Negative, japanese.Score("このツールは最悪です。").Label, "'このツールは最悪です。' label");
            }
        }

        private static void ScorerManyAndLines()
        {
            using (var scorer = new Scorer())
            {
                var texts = new[] { "This is great!", "This is terrible.", "" };
                var many = scorer.ScoreMany(texts);
                Assert.Equal(3, many.Count, "ScoreMany count");
                for (int i = 0; i < texts.Length; i++)
                {
                    var one = scorer.Score(texts[i]);
                    Assert.Equal(one.Score, many[i].Score, "ScoreMany[" + i + "].Score");
                    Assert.Equal(one.Label, many[i].Label, "ScoreMany[" + i + "].Label");
                }
                Assert.Equal(0, many[2].WordCount, "the empty text has no words");
                // A final empty line after the last '\n' is not a line; '\r' is dropped.
                var lines = scorer.ScoreLines("This is great!\r\nThis is terrible.\n");
                Assert.Equal(2, lines.Count, "ScoreLines count");
                Assert.Equal(SentimentLabel.Positive, lines[0].Label, "line 1");
                Assert.Equal(SentimentLabel.Negative, lines[1].Label, "line 2");
                Assert.Equal(0, scorer.ScoreMany(new string[0]).Count, "ScoreMany of nothing");
            }
        }

        private static readonly Viewer Admin = Viewer.Administrator("u-admin");

        private static Store OpenStore(string name)
        {
            var path = Path.Combine(scratch, name);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(path + suffix)) File.Delete(path + suffix);
            }
            var store = Store.Open(path, "{\"durable_commits\": false}");
            store.PutUsers(Admin, new[] {
                new User("u-admin", "Ada Admin", "ada@example.com", UserRole.Administrator, null, "UTC"),
                new User("m1", "Mia Manager", "mia@example.com", UserRole.Manager, null, "Europe/Berlin"),
                new User("s1", "Sam Seller", "sam@example.com", UserRole.Seller, "m1", "UTC"),
                new User("s2", "Sue Seller", "sue@example.com", UserRole.Seller, "m1", "UTC"),
            });
            return store;
        }

        private static void IngestBuiltCall(Store store, string id, string sellerId)
        {
            using (var analyzer = new Analyzer(null, Terms.Parse(PricingTerm)))
            using (var call = BuildCall(id, sellerId))
            using (var analysis = analyzer.Analyze(call))
            {
                store.Ingest(Admin, call, analysis, Now);
            }
        }

        private const string InsightOptions =
            "{\"period\": {\"kind\": \"this_month\", \"time_zone\": \"UTC\", \"locale\": \"en-US\"}, \"now_utc_ms\": 1794830400000}";

        private static void StoreRoundTrip()
        {
            using (var store = OpenStore("round-trip.db"))
            {
                var users = store.Users(Admin);
                Assert.Equal("m1,s1,s2,u-admin", string.Join(",", users.Select(u => u.Id).OrderBy(id => id, StringComparer.Ordinal)),
                             "the users");
                var sam = store.User(Admin, "s1");
                Assert.Equal("Sam Seller", sam.DisplayName, "s1's display name");
                Assert.Equal(UserRole.Seller, sam.Role, "s1's role");
                Assert.Equal("m1", sam.ManagerId, "s1's manager");
                Assert.Equal(null, store.User(Admin, "m1").ManagerId, "m1 has no manager");
                Assert.Equal("Europe/Berlin", store.User(Admin, "m1").TimeZone, "m1's time zone");

                IngestBuiltCall(store, "c1", "s1");

                var summaries = store.CallSummaries(Viewer.Manager("m1")).ToList();
                Assert.Equal(1, summaries.Count, "the manager sees one call");
                var summary = summaries[0];
                Assert.Equal("c1", summary.Id, "summary id");
                Assert.Equal("s1", summary.SellerId, "summary seller");
                Assert.Equal(Now - Hour, summary.StartTimeMs, "summary start");
                Assert.Equal(40000L, summary.DurationMs, "summary duration");
                Assert.Equal(2L, summary.SegmentCount, "summary segments");
                Assert.Near(0.75, summary.Metrics.TalkRatio, 1e-12, "summary talk ratio");
                Assert.Equal(30000L, summary.Metrics.SellerTalkMs, "summary seller talk");
                Assert.Equal("positive", summary.CustomerSentiment.Label, "summary customer sentiment");
                Assert.Equal(2L, summary.KeywordMentions, "summary keyword mentions (pricing, budget)");
                Assert.Equal(0, store.CallSummaries(Viewer.Seller("s2")).Count(), "s2 sees none of s1's calls");

                string analysisJson;
                using (var loaded = store.LoadCall(Viewer.Seller("s1"), "c1", out analysisJson))
                {
                    Assert.Equal(2, loaded.Info.SegmentCount, "the loaded call's segments");
                    Assert.Equal("c1", loaded.Info.Id, "the loaded call's id");
                }
                Assert.True(analysisJson.Contains("talk_ratio"), "the stored analysis record is JSON with its figures");

                // The manager's home page this month: the one call recorded an hour ago.
                var page = ParseJson(store.HomePage(Viewer.Manager("m1"), "", InsightOptions));
                var recorded = page.Element("recording").Element("calls_recorded").Element("current");
                Assert.Equal(1.0, Number(recorded), "home page: calls recorded this month");
                string text = store.HomePage(Viewer.Manager("m1"), null, InsightOptions, OutputFormat.Text);
                Assert.True(text.Contains("Calls recorded"), "the text home page shows calls recorded");

                var details = ParseJson(store.SellerDetails(Viewer.Manager("m1"), "s1", InsightOptions));
                Assert.True(details.HasElements, "seller details is a JSON object");
                var team = ParseJson(store.TeamView(Admin, "m1", InsightOptions));
                Assert.True(team.HasElements, "the team view is a JSON object");
                Assert.True(ParseJson(store.CallTotalsJson(Admin, null, new[] { Now - 2 * Hour, Now })).HasElements,
                            "call totals over one bucket");
            }
        }

        private static void StoreListsCommentsLog()
        {
            using (var store = OpenStore("lists.db"))
            {
                IngestBuiltCall(store, "c1", "s1");

                string terms = Terms.Parse(PricingTerm);
                store.PutTermList(Admin, "{\"id\": \"tl1\", \"name\": \"Sales\", \"scope\": {\"level\": \"organisation\"}, \"terms\": " +
                                             terms + "}");
                Assert.True(store.TermListsJson(Admin).Contains("\"tl1\""), "the term list is stored");
                Assert.True(store.TermsForSellerJson(Admin, "s1").Contains("\"pricing\""), "s1's calls track pricing");
                store.DeleteTermList(Admin, "tl1");
                Assert.True(!store.TermListsJson(Admin).Contains("\"tl1\""), "the term list is deleted");

                var manager = Viewer.Manager("m1");
                string commentId = store.AddComment(manager, "{\"call_id\": \"c1\", \"offset_ms\": 1000, \"text\": \"Nice opener\", " +
                                                             "\"created_ms\": " + Now + "}");
                Assert.True(commentId.Length > 0, "AddComment returns the id");
                Assert.True(store.CommentsForCallJson(manager, "c1").Contains("Nice opener"), "the comment is listed");
                store.DeleteComment(manager, commentId);
                Assert.True(!store.CommentsForCallJson(manager, "c1").Contains("Nice opener"), "the comment is deleted");

                // Ingest logged c1 as analysed; the host logs c2 as failed.
                store.LogProcessing(Admin, "{\"call_id\": \"c2\", \"seller_id\": \"s1\", \"status\": \"failed\", " +
                                               "\"reason\": \"no audio\", \"at_ms\": " + Now + "}");
                var summary = ParseJson(store.ProcessingSummaryJson(Admin, Now - Hour, Now + 1));
                Assert.Equal("2", summary.Element("received").Value, "received");
                Assert.Equal("1", summary.Element("analysed").Value, "analysed");
                Assert.Equal("1", summary.Element("failed").Value, "failed");
                Assert.True(store.ProcessingEventsJson(Admin, Now - Hour, Now + 1).Contains("no audio"), "the events list the reason");
            }
        }

        private static void StoreRecordsAggregatesRetention()
        {
            using (var store = OpenStore("records.db"))
            {
                IngestBuiltCall(store, "c1", "s1");
                var manager = Viewer.Manager("m1");

                store.PutOpportunities(Admin, "[{\"id\": \"o1\", \"name\": \"Northwind renewal\", \"account_id\": \"a1\", " +
                                                  "\"owner_id\": \"s1\", \"status\": \"won\", \"estimated_revenue\": 50000, " +
                                                  "\"actual_revenue\": 40000, \"currency\": \"EUR\", \"created_ms\": " +
                                                  (Now - 10 * Hour) + ", \"closed_ms\": " + (Now - 2 * Hour) + "}]");
                Assert.True(store.OpportunitiesJson(manager).Contains("Northwind renewal"), "the opportunity is listed");
                store.PutActivities(Admin, "[{\"id\": \"act1\", \"type\": \"phone_call\", \"direction\": \"sent\", " +
                                               "\"owner_id\": \"s1\", \"timestamp_ms\": " + (Now - 3 * Hour) +
                                               ", \"duration_ms\": 600000, \"subject\": \"Intro\"}]");
                Assert.True(store.ActivitiesJson(manager).Contains("\"act1\""), "the activity is listed");
                Assert.True(ParseJson(store.ActivityTotalsJson(manager)).HasElements, "activity totals");

                // The one won deal closed this month: 40,000 won.
                var basic = ParseJson(store.HomePage(manager, "m1", InsightOptions)).Element("basic");
                Assert.Equal(40000.0, Number(basic.Element("won_revenue")), "home page: won revenue");

                // The call's hits: "pricing" by the seller, "budget" by the customer.
                Assert.Equal(2, ParseJson(store.TermHitsJson(manager)).Elements().Count(), "term hits");
                var customerCounts = ParseJson(store.TermCountsJson(manager, null, "customer")).Elements().ToList();
                Assert.Equal(1, customerCounts.Count, "terms the customer said");
                Assert.True(customerCounts[0].ToString().Contains("pricing"), "the customer said pricing (as budget)");
                foreach (var json in new[] {
                             store.BrandMentionsJson(manager), store.BrandFirstMentionsJson(manager), store.CallSpanJson(manager),
                             store.MentionTotalsJson(manager, "{\"seller_ids\": [\"s1\"]}", new[] { Now - 2 * Hour, Now }, 5),
                             store.ProcessingCountsJson(Admin, InsightOptions), store.UserJson(Admin, "s1") })
                {
                    ParseJson(json);
                }

                store.SetRetention(Admin, "{\"scope\": {\"level\": \"organisation\"}, \"days\": 30}");
                Assert.True(store.RetentionPoliciesJson(Admin).Contains("30"), "the policy is listed");
                // 40 days on, the call (an hour old today) is past 30 days.
                var purged = ParseJson(store.PurgeExpired(Admin, Now + 40 * 24 * Hour));
                Assert.Equal("1", purged.Element("calls_deleted").Value, "calls purged");
                store.ClearRetention(Admin, "{\"level\": \"organisation\"}");
                Assert.Equal(0, ParseJson(store.RetentionPoliciesJson(Admin)).Elements().Count(), "no policy left");

                Assert.Equal("0", ParseJson(store.DeleteContactData(Admin, "contact-nobody")).Element("calls_deleted").Value,
                             "deleting an unknown contact's data deletes no call");
                Assert.Equal("0", ParseJson(store.DeleteSellerData(Admin, "s2")).Element("calls_deleted").Value,
                             "s2 had no calls");
            }
        }

        private static void StoreOutOfScope()
        {
            using (var store = OpenStore("scope.db"))
            {
                IngestBuiltCall(store, "c1", "s1");
                var error = Assert.Throws<ParleyException>(() => store.LoadCall(Viewer.Seller("s2"), "c1").Dispose(),
                                                           "s2 loading s1's call");
                Assert.Equal(Status.NotPermitted, error.Status, "Status");
                Assert.True(error is ParleyNotPermittedException, "the NotPermitted subclass");
                Assert.True(error.Message.Length > 0, "a message");
                error = Assert.Throws<ParleyException>(() => store.SellerDetails(Viewer.Seller("s2"), "s1", InsightOptions),
                                                       "s2 asking for s1's page");
                Assert.Equal(Status.NotPermitted, error.Status, "seller details Status");
            }
        }

        // One meeting organised by s1 with Marco, 2026-12-07 09:00-09:45 UTC: day 20,794 since 1970
        // (20,454 days to 2026-01-01, plus 340), so 20,794 x 86,400,000 + 9 h = 1,796,634,000,000 ms.
        private const string MeetingIcs =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:m-1\r\n" +
            "DTSTAMP:20261201T000000Z\r\nDTSTART:20261207T090000Z\r\nDTEND:20261207T094500Z\r\n" +
            "SUMMARY:Pilot review\r\nORGANIZER;CN=Sam Seller:mailto:sam@contoso.com\r\n" +
            "ATTENDEE;CN=Marco Rossi:mailto:marco.rossi@fabrikam.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        private const string ContosoOptions =
            "{\"our_side\": {\"domains\": [\"contoso.com\"]}, \"linking\": {\"ids_by_email\": " +
            "{\"sam@contoso.com\": \"s1\", \"dana@contoso.com\": \"s1\"}, \"account_from_customer_domain\": true}}";

        private static void ActivitiesReadAndStored()
        {
            var mailFile = Path.Combine(samples, "..", "tests", "data", "activities", "mail", "multipart-attachment.eml");
            var mail = Activities.ReadMail(mailFile, ContosoOptions);
            Assert.Equal(0, mail.Errors.Count, "mail errors");
            Assert.Equal(1, mail.ActivityCount, "one message");
            var message = ParseJson(mail.ActivitiesJson).Elements().First();
            // From Marco (theirs) to Dana, Date: Tue, 03 Nov 2026 14:05:09 +0200 = 12:05:09 UTC.
            Assert.Equal("received", message.Element("direction").Value, "direction");
            Assert.Equal("1793707509000", message.Element("timestamp_ms").Value, "timestamp_ms");
            Assert.Equal("fabrikam.com", message.Element("account_id").Value, "account by the customer's domain");
            Assert.Equal("1", message.Element("attachment_count").Value, "the signed PDF is the one attachment");

            var calendar = Activities.ParseCalendar(MeetingIcs, "cal.ics", ContosoOptions);
            Assert.Equal(1, calendar.ActivityCount, "one meeting");
            var meeting = ParseJson(calendar.ActivitiesJson).Elements().First();
            Assert.Equal("1796634000000", meeting.Element("timestamp_ms").Value, "meeting start");
            Assert.Equal("2700000", meeting.Element("duration_ms").Value, "45 minutes");
            using (var store = OpenStore("activities.db"))
            {
                store.PutActivities(Admin, calendar.ActivitiesJson);
                store.PutActivities(Admin, mail.ActivitiesJson);
                var stored = ParseJson(store.ActivitiesJson(Viewer.Manager("m1"))).Elements().ToList();
                Assert.Equal(2, stored.Count, "both stored for s1");
            }
        }

        private static void ActivitiesErrors()
        {
            Assert.Equal(1L, Activities.ParseCalendar(MeetingIcs).Skipped, "no our side: skipped");
            var broken = Activities.ParseCalendar(MeetingIcs.Replace("DTSTART:20261207T090000Z", "DTSTART:2026120"),
                                                  "broken.ics", ContosoOptions);
            Assert.Equal(0, broken.ActivityCount, "nothing read");
            Assert.Equal(1, broken.Errors.Count, "one error");
            Assert.Equal("VEVENT 1 (line 4)", broken.Errors[0].Where, "where");
            Assert.Equal("broken.ics", broken.Errors[0].File, "file");
            var parse = Assert.Throws<ParleyException>(
                () => Activities.ParseMail("x", "", "{\"our_side\": {\"domain\": []}}"), "unknown member");
            Assert.True(parse.Message.Contains("unknown member 'domain'"), "the message names the member");
            Assert.Throws<ParleyException>(() => Activities.ReadCalendar(Path.Combine(scratch, "no-such.ics")), "missing");
        }

        private static void RecordForms()
        {
            var crm = Path.Combine(samples, "..", "tests", "data", "activities", "crm");
            var csv = Activities.ReadCsv(Path.Combine(crm, "activities.csv"));
            var json = Activities.ReadJson(Path.Combine(crm, "activities.json"));
            Assert.Equal(0, csv.Errors.Count + json.Errors.Count, "no errors");
            Assert.Equal(3, csv.ActivityCount, "three activities");
            Assert.Equal(json.ActivitiesJson, csv.ActivitiesJson, "the CSV form reads as the JSON form");
            var mail = ParseJson(csv.ActivitiesJson).Elements().First();
            Assert.Equal("Quote, \"final\" – 5% off", mail.Element("subject").Value, "a quoted cell");

            var bad = Activities.ParseCsv("id,type,timestamp_ms\r\na-1,email,1\r\na-2,fax,2\r\n", "acts.csv",
                                          "{\"linking\": {\"account_id\": \"acme\"}}");
            Assert.Equal(1, bad.ActivityCount, "the good row is read");
            Assert.Equal("acme", ParseJson(bad.ActivitiesJson).Elements().First().Element("account_id").Value, "linked");
            Assert.Equal(1, bad.Errors.Count, "one error");
            Assert.Equal("line 3, column type", bad.Errors[0].Where, "where");
            Assert.Equal("acts.csv", bad.Errors[0].File, "file");
            Assert.Equal("[0].type", Activities.ParseJson("[{\"id\": \"a\", \"type\": 3}]", "a.json").Errors[0].Where,
                         "a JSON record's path");

            var opportunities = Opportunities.ReadCsv(Path.Combine(crm, "opportunities.csv"));
            Assert.Equal(2, opportunities.OpportunityCount, "two opportunities");
            Assert.Equal(Opportunities.ReadJson(Path.Combine(crm, "opportunities.json")).OpportunitiesJson,
                         opportunities.OpportunitiesJson, "opportunities: CSV as JSON");
            Assert.Equal("line 2, column status",
                         Opportunities.ParseCsv("id,status\no-1,pending\n", "o.csv").Errors[0].Where, "a bad status");
            Assert.Equal(1, Opportunities.ParseJson("[{\"id\": \"o-1\"}]").OpportunityCount, "JSON from memory");
            Assert.Throws<ParleyException>(() => Opportunities.ReadJson(Path.Combine(scratch, "no-such.json")), "missing");
        }

        private static void StoreRelationship()
        {
            // The customer writes at Now - 50 h, s1 answers at Now - 48 h (7,200 s), then writes again
            // at Now - 24 h without an answer.
            Func<string, string, string, long, string, string> email = (id, direction, initiator, at, inReplyTo) =>
                "{\"id\": \"" + id + "\", \"type\": \"email\", \"direction\": \"" + direction +
                "\", \"owner_id\": \"s1\", \"initiator_id\": \"" + initiator +
                "\", \"our_side\": [{\"id\": \"s1\"}], \"customer_side\": [{\"id\": \"c1\"}], \"timestamp_ms\": " + at +
                ", \"subject\": \"Pricing\", \"message_id\": \"" + id + "@mail\", \"in_reply_to\": \"" + inReplyTo +
                "\", \"account_id\": \"a1\"}";
            using (var store = OpenStore("relationship.db"))
            {
                store.PutActivities(Admin, "[" + email("e1", "received", "c1", Now - 50 * Hour, "") + ", " +
                                               email("e2", "sent", "s1", Now - 48 * Hour, "e1@mail") + ", " +
                                               email("e3", "sent", "s1", Now - 24 * Hour, "") + "]");
                var result = ParseJson(store.RelationshipJson(Viewer.Manager("m1"), Now, "{\"account_id\": \"a1\"}",
                                                              "{\"breakdown_days\": 5}"));
                var kpis = result.Element("kpis");
                Assert.Equal(3.0, Number(kpis.Element("activities")), "activities");
                Assert.Equal(7200.0, Number(kpis.Element("response_time_ours").Element("mean_seconds")), "our response");
                Assert.Equal(0.0, Number(kpis.Element("response_rate_customer").Element("rate")), "customer response rate");
                Assert.Equal("e3", kpis.Element("last_interaction").Element("activity_id").Value, "last interaction");
                Assert.Throws<ParleyException>(() => store.RelationshipJson(Admin, Now, null, "{\"time_zone\": \"Mars/Base\"}"),
                                               "an unknown time zone");
            }
        }

        private static void StoreSimilarWon()
        {
            // s1's won deals: o-w1 10 days, 1000; o-w2 30 days, 3000 (no activities); the open o-open,
            // created 19.5 days before Now, estimate 5000. Duration: mean 20, sd 10; amount: mean 2000,
            // sd 1000; z(open) = (-0.05, 3), z(w1) = (-1, -1), z(w2) = (1, 1):
            // d(w2) = sqrt(1.05^2 + 2^2) = sqrt(5.1025), d(w1) = sqrt(0.95^2 + 4^2) = sqrt(16.9025).
            Func<string, string, long, long?, double, string> opportunity = (id, status, createdMs, closed, amount) =>
                "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"account_id\": \"a1\", \"owner_id\": \"s1\", " +
                "\"status\": \"" + status + "\", \"estimated_revenue\": " + amount + ", \"actual_revenue\": " + amount +
                ", \"created_ms\": " + createdMs + ", \"closed_ms\": " + (closed.HasValue ? closed.Value.ToString() : "null") + "}";
            const long day = 24 * Hour;
            long created = Now - 39 * day / 2;
            using (var store = OpenStore("similar.db"))
            {
                store.PutOpportunities(Admin, "[" + opportunity("o-open", "open", created, null, 5000) + ", " +
                                                  opportunity("o-w1", "won", created, created + 10 * day, 1000) + ", " +
                                                  opportunity("o-w2", "won", created, created + 30 * day, 3000) + "]");
                var result = ParseJson(store.SimilarWonJson(Viewer.Seller("s1"), "o-open", Now, 5));
                Assert.Equal(2.0, Number(result.Element("used_won_deals")), "won deals used");
                var similar = result.Element("similar").Elements().ToList();
                Assert.Equal(2, similar.Count, "both won deals");
                Assert.Equal("o-w2", similar[0].Element("opportunity_id").Value, "nearest");
                Assert.Near(Math.Sqrt(5.1025), Number(similar[0].Element("distance")), 1e-9, "d(w2)");
                Assert.Near(Math.Sqrt(16.9025), Number(similar[1].Element("distance")), 1e-9, "d(w1)");
                Assert.Equal(1, ParseJson(store.SimilarWonJson(Admin, "o-open", Now, 1)).Element("similar").Elements().Count(),
                             "k = 1");
                Assert.Throws<ParleyException>(() => store.SimilarWonJson(Admin, "o-missing", Now), "an unknown opportunity");
                Assert.Throws<ParleyException>(() => store.SimilarWonJson(Admin, "o-w1", Now), "a won opportunity");
            }
        }

        private static void Exceptions()
        {
            string missing = Path.Combine(scratch, "no-such-call.vtt");
            var error = Assert.Throws<ParleyException>(() => Call.Read(missing).Dispose(), "reading a missing file");
            Assert.True(error.Message.Contains("no-such-call.vtt"), "the message names the file: " + error.Message);
            var parse = Assert.Throws<ParleyParseException>(() => Call.Parse("{\"segments\": [", "parley-json", "broken.json").Dispose(),
                                                            "parsing broken JSON");
            Assert.Equal(Status.Parse, parse.Status, "Status of a malformed document");
            Assert.True(parse.Message.Contains("broken.json"), "the message names the source: " + parse.Message);
            using (var store = OpenStore("exceptions.db"))
            {
                var notFound = Assert.Throws<ParleyNotFoundException>(() => store.LoadCall(Admin, "no-such-call").Dispose(),
                                                                      "an administrator loading an unknown call");
                Assert.Equal(Status.NotFound, notFound.Status, "Status of an unknown call");
            }
            // Options documents refuse unknown members, naming them.
            var badOption = Assert.Throws<ParleyParseException>(() => new Analyzer("{\"no_such_option\": 1}").Dispose(),
                                                                "an unknown analyzer option");
            Assert.True(badOption.Message.Contains("no_such_option"), "the message names the member: " + badOption.Message);
        }

        private static void DisposeTwice()
        {
            var call = BuildCall("c-dispose", "s1");
            var analyzer = new Analyzer();
            var analysis = analyzer.Analyze(call);
            var scorer = new Scorer();
            var store = Store.Open(Path.Combine(scratch, "dispose.db"));
            foreach (var disposable in new IDisposable[] { analysis, call, analyzer, scorer, store })
            {
                disposable.Dispose();
                disposable.Dispose();
            }
            Assert.Throws<ObjectDisposedException>(() => { var info = call.Info; }, "Call.Info after Dispose");
            Assert.Throws<ObjectDisposedException>(() => { var metrics = analysis.Metrics; }, "Analysis.Metrics after Dispose");
            Assert.Throws<ObjectDisposedException>(() => scorer.Score("x"), "Scorer.Score after Dispose");
            Assert.Throws<ObjectDisposedException>(() => store.UsersJson(Admin), "Store.UsersJson after Dispose");
            using (var live = new Analyzer())
            {
                Assert.Throws<ObjectDisposedException>(() => live.Analyze(call), "analysing a disposed call");
            }
        }

        private static void NullMisuse()
        {
            using (var analyzer = new Analyzer())
            using (var scorer = new Scorer())
            {
                Assert.Throws<ArgumentNullException>(() => analyzer.Analyze(null), "Analyze(null)");
                Assert.Throws<ArgumentNullException>(() => scorer.Score(null), "Score(null)");
                Assert.Throws<ArgumentNullException>(() => Call.Create(null), "Call.Create(null)");
                Assert.Throws<ArgumentNullException>(() => new Viewer(null, ViewerKind.Seller, 1), "a viewer without a user id");
            }
            // Straight to the C ABI: NULL handles and out-parameters are status codes with a message.
            IntPtr analysis;
            var status = Parley.Native.NativeMethods.parley_analyzer_analyze(IntPtr.Zero, IntPtr.Zero, out analysis);
            Assert.Equal(Parley.Native.Status.InvalidArgument, status, "parley_analyzer_analyze(NULL, NULL)");
            Assert.Equal(IntPtr.Zero, analysis, "no analysis on failure");
            string message = Marshal.PtrToStringAnsi(Parley.Native.NativeMethods.parley_last_error_message());
            Assert.True(message.Contains("analyzer"), "the message names the argument: " + message);
            // A text pointer that is NULL with a non-zero length.
            IntPtr call;
            status = Parley.Native.NativeMethods.parley_call_create(null, new UIntPtr(5), out call);
            Assert.Equal(Parley.Native.Status.InvalidArgument, status, "parley_call_create(NULL, 5)");
            // Freeing NULL is allowed.
            Parley.Native.NativeMethods.parley_call_free(IntPtr.Zero);
            Parley.Native.NativeMethods.parley_string_free(IntPtr.Zero);
        }
    }
}
