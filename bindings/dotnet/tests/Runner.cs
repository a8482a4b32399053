using System;
using System.Collections.Generic;

namespace Parley.Tests
{
    // A small test runner: runs every test, prints each with its outcome and a closing
    // "N passed, N failed" line, and exits non-zero if any failed.
    internal sealed class Runner
    {
        private int passed;
        private int failed;
        private readonly List<string> failures = new List<string>();

        internal void Run(string name, Action test)
        {
            try
            {
                test();
                passed++;
                Console.WriteLine("ok     " + name);
            }
            catch (Exception error)
            {
                failed++;
                failures.Add(name);
                Console.WriteLine("FAILED " + name);
                Console.WriteLine("       " + error.GetType().Name + ": " + error.Message.Replace("\n", "\n       "));
            }
        }

        internal int Finish()
        {
            foreach (var name in failures) Console.WriteLine("failed: " + name);
            Console.WriteLine(passed + " passed, " + failed + " failed");
            return failed == 0 && passed > 0 ? 0 : 1;
        }
    }

    internal sealed class AssertionFailed : Exception
    {
        internal AssertionFailed(string message) : base(message) { }
    }

    internal static class Assert
    {
        internal static void True(bool condition, string what)
        {
            if (!condition) throw new AssertionFailed(what);
        }

        internal static void Equal<T>(T expected, T actual, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                throw new AssertionFailed(what + ": expected " + Show(expected) + ", got " + Show(actual));
            }
        }

        internal static void Near(double expected, double? actual, double tolerance, string what)
        {
            if (!actual.HasValue || Math.Abs(expected - actual.Value) > tolerance)
            {
                throw new AssertionFailed(what + ": expected " + expected + " +- " + tolerance + ", got " + Show(actual));
            }
        }

        internal static TException Throws<TException>(Action action, string what) where TException : Exception
        {
            try
            {
                action();
            }
            catch (TException expected)
            {
                return expected;
            }
            catch (Exception other)
            {
                throw new AssertionFailed(what + ": expected " + typeof(TException).Name + ", got " + other.GetType().Name +
                                          ": " + other.Message);
            }
            throw new AssertionFailed(what + ": expected " + typeof(TException).Name + ", nothing was thrown");
        }

        private static string Show(object value)
        {
            return value == null ? "null" : "'" + value + "'";
        }
    }
}
