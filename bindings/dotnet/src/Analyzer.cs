using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Parley.Native;

namespace Parley
{
    /// <summary>Tracked-term lists in the JSON form analyzers and the store take.</summary>
    public static class Terms
    {
        /// <summary>Reads a term-list file (docs/terms.md) into a JSON array of term objects.</summary>
        public static string ReadFile(string path)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            IntPtr json;
            Interop.Check(NativeMethods.parley_terms_read_file(pathBytes, Interop.Length(pathBytes), out json));
            return Interop.Take(json);
        }

        /// <summary>The same from text; `sourceName` names it in messages.</summary>
        public static string Parse(string text, string sourceName = "")
        {
            var textBytes = Interop.Utf8(Interop.NotNull(text, "text"));
            var sourceBytes = Interop.Utf8(sourceName);
            IntPtr json;
            Interop.Check(NativeMethods.parley_terms_parse(textBytes, Interop.Length(textBytes), sourceBytes,
                                                           Interop.Length(sourceBytes), out json));
            return Interop.Take(json);
        }
    }

    /// <summary>Analyses calls with one set of options and tracked terms. Immutable: share it between threads.</summary>
    public sealed class Analyzer : IDisposable
    {
        internal readonly AnalyzerHandle Handle;

        /// <summary>`optionsJson`: AnalysisOptions (null = defaults); `termsJson`: a JSON array of term objects (null = none).</summary>
        public Analyzer(string optionsJson = null, string termsJson = null)
        {
            var options = Interop.Utf8(optionsJson);
            var terms = Interop.Utf8(termsJson);
            IntPtr analyzer;
            Interop.Check(NativeMethods.parley_analyzer_create(options, Interop.Length(options), terms,
                                                               Interop.Length(terms), out analyzer));
            Handle = new AnalyzerHandle(analyzer);
        }

        /// <summary>Validates and analyses one call.</summary>
        public Analysis Analyze(Call call)
        {
            Interop.NotNull(call, "call");
            using (var analyzer = Interop.Use(Handle, "Analyzer"))
            using (var target = Interop.Use(call.Handle, "Call"))
            {
                IntPtr analysis;
                Interop.Check(NativeMethods.parley_analyzer_analyze(analyzer.Pointer, target.Pointer, out analysis));
                return new Analysis(analysis);
            }
        }

        /// <summary>Analyses calls on up to `threads` threads (0 = one per core). All or nothing: if any call
        /// fails, the analyses made are released and the first failure is thrown (its message names the call).</summary>
        public IReadOnlyList<Analysis> AnalyzeBatch(IList<Call> calls, int threads = 0)
        {
            Interop.NotNull(calls, "calls");
            if (threads < 0) throw new ArgumentOutOfRangeException("threads", "is negative");
            var leases = new List<ParleyHandle.Lease>();
            try
            {
                var pointers = new IntPtr[calls.Count];
                for (int i = 0; i < calls.Count; i++)
                {
                    var lease = Interop.Use(Interop.NotNull(calls[i], "calls[" + i + "]").Handle, "Call");
                    leases.Add(lease);
                    pointers[i] = lease.Pointer;
                }
                var analyses = new IntPtr[calls.Count];
                var statuses = new Native.Status[calls.Count];
                Native.Status status;
                using (var analyzer = Interop.Use(Handle, "Analyzer"))
                {
                    status = NativeMethods.parley_analyzer_analyze_batch(analyzer.Pointer, pointers,
                                                                         new UIntPtr((uint)pointers.Length),
                                                                         new UIntPtr((uint)threads), analyses, statuses);
                }
                var results = new List<Analysis>(analyses.Length);
                foreach (var analysis in analyses)
                {
                    if (analysis != IntPtr.Zero) results.Add(new Analysis(analysis));
                }
                if (status != Native.Status.Ok)
                {
                    foreach (var made in results) made.Dispose();
                    Interop.Check(status);
                }
                return results.AsReadOnly();
            }
            finally
            {
                foreach (var lease in leases) lease.Dispose();
            }
        }

        public void Dispose()
        {
            Handle.Dispose();
        }
    }

    /// <summary>One call's analysis. Immutable: share it between threads.</summary>
    public sealed class Analysis : IDisposable
    {
        internal readonly AnalysisHandle Handle;

        internal Analysis(IntPtr pointer)
        {
            Handle = new AnalysisHandle(pointer);
        }

        /// <summary>The call's conversation figures (the fields the store keeps).</summary>
        public CallMetrics Metrics
        {
            get
            {
                using (var analysis = Interop.Use(Handle, "Analysis"))
                {
                    var metrics = new Native.CallMetrics();
                    metrics.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.CallMetrics)));
                    Interop.Check(NativeMethods.parley_analysis_get_metrics(analysis.Pointer, ref metrics));
                    return new CallMetrics(metrics);
                }
            }
        }

        /// <summary>The call's sentiment; null when parley has no lexicon for the call's language.</summary>
        public CallSentiment Sentiment
        {
            get
            {
                using (var analysis = Interop.Use(Handle, "Analysis"))
                {
                    var sentiment = new Native.CallSentiment();
                    sentiment.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.CallSentiment)));
                    Interop.Check(NativeMethods.parley_analysis_get_sentiment(analysis.Pointer, ref sentiment));
                    return sentiment.has_sentiment == 0 ? null : new CallSentiment(sentiment);
                }
            }
        }

        /// <summary>The tracked terms the call mentions, in the analyzer's term order.</summary>
        public IReadOnlyList<TermCount> TermCounts
        {
            get
            {
                using (var analysis = Interop.Use(Handle, "Analysis"))
                {
                    UIntPtr size;
                    Interop.Check(NativeMethods.parley_analysis_term_count_size(analysis.Pointer, out size));
                    var counts = new List<TermCount>();
                    for (ulong i = 0; i < size.ToUInt64(); i++)
                    {
                        var term = new Native.TermCount();
                        term.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.TermCount)));
                        Interop.Check(NativeMethods.parley_analysis_get_term_count(analysis.Pointer, new UIntPtr(i), ref term));
                        counts.Add(new TermCount(term));
                    }
                    return counts.AsReadOnly();
                }
            }
        }

        /// <summary>The call with its whole analysis, the `parley analyze --format json` document (docs/output-json.md).</summary>
        public string ToJson()
        {
            using (var analysis = Interop.Use(Handle, "Analysis"))
            {
                IntPtr json;
                Interop.Check(NativeMethods.parley_analysis_to_json(analysis.Pointer, out json));
                return Interop.Take(json);
            }
        }

        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
