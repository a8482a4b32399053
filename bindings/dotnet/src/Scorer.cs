using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Parley.Native;

namespace Parley
{
    /// <summary>Scores plain text for sentiment in one language. One thread at a time.</summary>
    public sealed class Scorer : IDisposable
    {
        internal readonly ScorerHandle Handle;
        private static readonly UIntPtr ScoreSize = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.SentimentScore)));

        /// <summary>`language`: BCP 47 (its bundled lexicon); `optionsJson`: SentimentOptions (null = defaults);
        /// `extraLexiconTsv`: lexicon lines merged over the bundled ones (docs/sentiment.md).</summary>
        public Scorer(string language = "en", string optionsJson = null, string extraLexiconTsv = null)
        {
            var languageBytes = Interop.Utf8(Interop.NotNull(language, "language"));
            var options = Interop.Utf8(optionsJson);
            var lexicon = Interop.Utf8(extraLexiconTsv);
            IntPtr scorer;
            Interop.Check(NativeMethods.parley_scorer_create(languageBytes, Interop.Length(languageBytes), options,
                                                             Interop.Length(options), lexicon, Interop.Length(lexicon),
                                                             out scorer));
            Handle = new ScorerHandle(scorer);
        }

        /// <summary>False when the language has emoji and rules but no word list (docs/sentiment.md): its
        /// texts score 0 except emoji, and its calls are answered "no lexicon".</summary>
        public bool HasLexicon
        {
            get
            {
                using (var scorer = Interop.Use(Handle, "Scorer"))
                {
                    int hasLexicon;
                    Interop.Check(NativeMethods.parley_scorer_has_lexicon(scorer.Pointer, out hasLexicon));
                    return hasLexicon != 0;
                }
            }
        }

        public SentimentScore Score(string text)
        {
            var bytes = Interop.Utf8(Interop.NotNull(text, "text"));
            using (var scorer = Interop.Use(Handle, "Scorer"))
            {
                var score = new Native.SentimentScore();
                score.struct_size = ScoreSize;
                Interop.Check(NativeMethods.parley_scorer_score(scorer.Pointer, bytes, Interop.Length(bytes), ref score));
                return new SentimentScore(score);
            }
        }

        /// <summary>Scores many texts in one native call.</summary>
        public IReadOnlyList<SentimentScore> ScoreMany(IList<string> texts)
        {
            Interop.NotNull(texts, "texts");
            var pointers = new IntPtr[texts.Count];
            var lengths = new UIntPtr[texts.Count];
            var scores = new Native.SentimentScore[Math.Max(texts.Count, 1)];
            for (int i = 0; i < scores.Length; i++) scores[i].struct_size = ScoreSize;
            using (var pins = new PinnedBuffers())
            using (var scorer = Interop.Use(Handle, "Scorer"))
            {
                for (int i = 0; i < texts.Count; i++)
                {
                    var bytes = Interop.Utf8(Interop.NotNull(texts[i], "texts[" + i + "]"));
                    pointers[i] = pins.Pin(bytes);
                    lengths[i] = Interop.Length(bytes);
                }
                Interop.Check(NativeMethods.parley_scorer_score_many(scorer.Pointer, pointers, lengths,
                                                                     new UIntPtr((uint)texts.Count), scores));
            }
            var results = new List<SentimentScore>(texts.Count);
            for (int i = 0; i < texts.Count; i++) results.Add(new SentimentScore(scores[i]));
            return results.AsReadOnly();
        }

        /// <summary>Scores every line of `text` (split at '\n', a trailing '\r' dropped).</summary>
        public IReadOnlyList<SentimentScore> ScoreLines(string text)
        {
            var bytes = Interop.Utf8(Interop.NotNull(text, "text"));
            int capacity = 1;
            foreach (var b in bytes)
            {
                if (b == (byte)'\n') capacity++;
            }
            var scores = new Native.SentimentScore[capacity];
            for (int i = 0; i < scores.Length; i++) scores[i].struct_size = ScoreSize;
            UIntPtr count;
            using (var scorer = Interop.Use(Handle, "Scorer"))
            {
                Interop.Check(NativeMethods.parley_scorer_score_lines(scorer.Pointer, bytes, Interop.Length(bytes), scores,
                                                                      new UIntPtr((uint)capacity), out count));
            }
            var results = new List<SentimentScore>();
            for (ulong i = 0; i < count.ToUInt64(); i++) results.Add(new SentimentScore(scores[i]));
            return results.AsReadOnly();
        }

        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
