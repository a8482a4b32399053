// Analyses every transcript in a folder into a parley store and prints a manager's home page.
// Usage: mono HomePage.exe FOLDER DATABASE
//   FOLDER    call transcripts (.vtt, .srt, .rttm, .json) of the sellers below, and terms.tsv if the
//             team tracks terms (docs/terms.md), e.g. the repository's samples/
//   DATABASE  an SQLite file, created if missing; running again replaces the calls
// Build: mcs -r:Parley.dll HomePage.cs
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parley;

static class HomePage
{
    // The host's users and hierarchy: a real product takes them from its CRM.
    static readonly User[] Users =
    {
        new User("admin", "Admin", "", UserRole.Administrator, null, "UTC"),
        new User("maria", "Maria Lind", "", UserRole.Manager, null, "Europe/Stockholm"),
        new User("dana", "Dana Whitfield", "", UserRole.Seller, "maria", "Europe/Stockholm"),
        new User("tom", "Tom Berg", "", UserRole.Seller, "maria", "Europe/Stockholm"),
    };
    static readonly string[] TranscriptExtensions = { ".vtt", ".srt", ".rttm", ".json" };

    static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: mono HomePage.exe FOLDER DATABASE");
            return 2;
        }
        var sellers = Users.Where(u => u.Role == UserRole.Seller).ToDictionary(u => u.DisplayName, u => u.Id);
        // parley never guesses roles: our sellers by name, everyone else is the customer's side.
        string roleRules = "{\"our_users\": [" + string.Join(", ", sellers.Keys.Select(Quoted)) +
                           "], \"unmatched\": \"customer\"}";
        string termsPath = Path.Combine(args[0], "terms.tsv");
        var calls = new List<Call>();
        var analyses = new List<Analysis>();
        try
        {
            // Built once (lexicons loaded, terms compiled) and shared by every call.
            using (var analyzer = new Analyzer(null, File.Exists(termsPath) ? Terms.ReadFile(termsPath) : null))
            {
                var paths = Directory.GetFiles(args[0])
                                .Where(p => TranscriptExtensions.Contains(Path.GetExtension(p)))
                                .OrderBy(p => p, StringComparer.Ordinal);
                foreach (string path in paths)
                {
                    var call = Call.Read(path);
                    calls.Add(call);  // disposed at the end, whatever happens
                    call.AssignRoles(roleRules);
                    string owner = SellerOf(call, sellers);
                    if (owner == null)
                    {
                        Console.Error.WriteLine(path + ": none of our sellers speaks in it; skipped");
                        calls.Remove(call);
                        call.Dispose();
                        continue;
                    }
                    call.SetField(CallField.OwnerSellerId, owner);
                    // Captions carry no date; a meeting tool would give the start, here the file's time does.
                    if (call.Info.StartTimeMs == 0)
                    {
                        long modified = new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeMilliseconds();
                        call.SetTimes(modified, call.Info.DurationMs);
                    }
                    analyses.Add(analyzer.Analyze(call));
                }
            }
            if (calls.Count == 0)
            {
                Console.Error.WriteLine("HomePage: no transcript of our sellers in " + args[0]);
                return 1;
            }

            long now = calls.Max(c => c.Info.StartTimeMs);
            using (var store = Store.Open(args[1]))
            {
                var admin = Viewer.Administrator("admin");
                store.PutUsers(admin, Users);
                store.Ingest(admin, calls, analyses, now);  // one transaction: every call or none
                // Maria's own view: the teams below her (docs/store.md, "Access").
                string options = "{\"period\": {\"kind\": \"this_month\", \"time_zone\": \"Europe/Stockholm\"}, " +
                                 "\"now_utc_ms\": " + now + "}";
                Console.Write(store.HomePage(Viewer.Manager("maria"), "maria", options, OutputFormat.Text));
            }
            return 0;
        }
        catch (ParleyException e)
        {
            Console.Error.WriteLine("HomePage: [" + e.Status + "] " + e.Message);
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("HomePage: " + e.Message);
            return 1;
        }
        finally
        {
            foreach (var analysis in analyses) analysis.Dispose();
            foreach (var call in calls) call.Dispose();
        }
    }

    // The user id of the first of our sellers speaking in the call (by display name, then id), or null.
    static string SellerOf(Call call, Dictionary<string, string> sellers)
    {
        foreach (var participant in call.Participants)
        {
            string id;
            if (participant.Role != Role.Seller) continue;
            if (sellers.TryGetValue(participant.DisplayName, out id) || sellers.TryGetValue(participant.Id, out id)) return id;
        }
        return null;
    }

    static string Quoted(string text)
    {
        return "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
