using System;
using System.Collections.Generic;
using System.Xml.Linq;
using Parley.Native;

namespace Parley
{
    /// <summary>A message or event that could not be read: the file, where in it ("message 3 (line 120)",
    /// "VEVENT 2 (line 48)", "" for the whole file) and what was wrong.</summary>
    public sealed class ActivityReadError
    {
        public string File { get; private set; }
        public string Where { get; private set; }
        public string Message { get; private set; }

        internal ActivityReadError(string file, string where, string message)
        {
            File = file;
            Where = where;
            Message = message;
        }
    }

    /// <summary>What a reader read: the activities as the JSON array Store.PutActivities takes, the
    /// errors of the messages or events it could not read, and how many it left out on purpose.</summary>
    public sealed class ActivityReadResult
    {
        public string ActivitiesJson { get; private set; }
        public int ActivityCount { get; private set; }
        public IReadOnlyList<ActivityReadError> Errors { get; private set; }
        public long Skipped { get; private set; }

        internal ActivityReadResult(string json)
        {
            var document = Json.Parse(json);
            var activities = Json.Object(document, "activities");
            ActivitiesJson = Json.Write(activities);
            ActivityCount = new List<XElement>(Json.Items(activities)).Count;
            var errors = new List<ActivityReadError>();
            foreach (var error in Json.Items(Json.Object(document, "errors")))
                errors.Add(new ActivityReadError(Json.String(error, "file"), Json.String(error, "where"),
                                                 Json.String(error, "message")));
            Errors = errors.AsReadOnly();
            Skipped = Json.Long(document, "skipped");
        }
    }

    /// <summary>Activities from real mail (.eml files, folders of them, mbox files) and calendars
    /// (iCalendar). readOptionsJson holds ActivityReadOptions: {"our_side": {"domains": [...],
    /// "addresses": [...]}, "linking": {...}, "expand_from_ms", "expand_to_ms", "default_time_zone"}.</summary>
    public static class Activities
    {
        public static ActivityReadResult ReadMail(string path, string readOptionsJson = null)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            var options = Interop.Utf8(readOptionsJson);
            IntPtr json;
            Interop.Check(NativeMethods.parley_activities_read_mail(pathBytes, Interop.Length(pathBytes), options,
                                                                    Interop.Length(options), out json));
            return new ActivityReadResult(Interop.Take(json));
        }

        /// <summary>One message (or an mbox) held in memory; `name` stands for the file in errors.</summary>
        public static ActivityReadResult ParseMail(string message, string name = "", string readOptionsJson = null)
        {
            var messageBytes = Interop.Utf8(Interop.NotNull(message, "message"));
            var nameBytes = Interop.Utf8(name);
            var options = Interop.Utf8(readOptionsJson);
            IntPtr json;
            Interop.Check(NativeMethods.parley_activities_parse_mail(messageBytes, Interop.Length(messageBytes),
                                                                     nameBytes, Interop.Length(nameBytes), options,
                                                                     Interop.Length(options), out json));
            return new ActivityReadResult(Interop.Take(json));
        }

        public static ActivityReadResult ReadCalendar(string path, string readOptionsJson = null)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            var options = Interop.Utf8(readOptionsJson);
            IntPtr json;
            Interop.Check(NativeMethods.parley_activities_read_calendar(pathBytes, Interop.Length(pathBytes), options,
                                                                        Interop.Length(options), out json));
            return new ActivityReadResult(Interop.Take(json));
        }

        public static ActivityReadResult ParseCalendar(string text, string name = "", string readOptionsJson = null)
        {
            var textBytes = Interop.Utf8(Interop.NotNull(text, "text"));
            var nameBytes = Interop.Utf8(name);
            var options = Interop.Utf8(readOptionsJson);
            IntPtr json;
            Interop.Check(NativeMethods.parley_activities_parse_calendar(textBytes, Interop.Length(textBytes),
                                                                         nameBytes, Interop.Length(nameBytes), options,
                                                                         Interop.Length(options), out json));
            return new ActivityReadResult(Interop.Take(json));
        }
    
        /// <summary>Activities in their JSON form (docs/crm-input.md): a bad record is one error
        /// ("[3].type"), the rest is read. Of the options, "linking" (fills the links a record leaves
        /// empty) and "max_file_bytes" apply.</summary>
        public static ActivityReadResult ReadJson(string path, string readOptionsJson = null)
        {
            return ReadFile(NativeMethods.parley_activities_read_json, path, readOptionsJson);
        }

        public static ActivityReadResult ParseJson(string text, string name = "", string readOptionsJson = null)
        {
            return ParseText(NativeMethods.parley_activities_parse_json, text, name, readOptionsJson);
        }

        /// <summary>Activities in their CSV form (docs/crm-input.md): a header row naming the JSON
        /// members, one activity per row; a bad row is one error ("line 7, column type").</summary>
        public static ActivityReadResult ReadCsv(string path, string readOptionsJson = null)
        {
            return ReadFile(NativeMethods.parley_activities_read_csv, path, readOptionsJson);
        }

        public static ActivityReadResult ParseCsv(string text, string name = "", string readOptionsJson = null)
        {
            return ParseText(NativeMethods.parley_activities_parse_csv, text, name, readOptionsJson);
        }

        private delegate Native.Status FileReader(byte[] path, UIntPtr pathLength, byte[] options, UIntPtr optionsLength,
                                           out IntPtr json);
        private delegate Native.Status TextReader(byte[] text, UIntPtr textLength, byte[] name, UIntPtr nameLength,
                                           byte[] options, UIntPtr optionsLength, out IntPtr json);

        private static ActivityReadResult ReadFile(FileReader read, string path, string readOptionsJson)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            var options = Interop.Utf8(readOptionsJson);
            IntPtr json;
            Interop.Check(read(pathBytes, Interop.Length(pathBytes), options, Interop.Length(options), out json));
            return new ActivityReadResult(Interop.Take(json));
        }

        private static ActivityReadResult ParseText(TextReader read, string text, string name, string readOptionsJson)
        {
            var textBytes = Interop.Utf8(Interop.NotNull(text, "text"));
            var nameBytes = Interop.Utf8(name);
            var options = Interop.Utf8(readOptionsJson);
            IntPtr json;
            Interop.Check(read(textBytes, Interop.Length(textBytes), nameBytes, Interop.Length(nameBytes), options,
                               Interop.Length(options), out json));
            return new ActivityReadResult(Interop.Take(json));
        }
    }

    /// <summary>Opportunities read from their JSON or CSV form: the JSON array Store.PutOpportunities
    /// takes and the errors of the records that could not be read.</summary>
    public sealed class OpportunityReadResult
    {
        public string OpportunitiesJson { get; private set; }
        public int OpportunityCount { get; private set; }
        public IReadOnlyList<ActivityReadError> Errors { get; private set; }

        internal OpportunityReadResult(string json)
        {
            var document = Json.Parse(json);
            var opportunities = Json.Object(document, "opportunities");
            OpportunitiesJson = Json.Write(opportunities);
            OpportunityCount = new List<XElement>(Json.Items(opportunities)).Count;
            var errors = new List<ActivityReadError>();
            foreach (var error in Json.Items(Json.Object(document, "errors")))
                errors.Add(new ActivityReadError(Json.String(error, "file"), Json.String(error, "where"),
                                                 Json.String(error, "message")));
            Errors = errors.AsReadOnly();
        }
    }

    /// <summary>Opportunities a CRM exports, in their JSON or CSV form (docs/crm-input.md).</summary>
    public static class Opportunities
    {
        public static OpportunityReadResult ReadJson(string path)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            IntPtr json;
            Interop.Check(NativeMethods.parley_opportunities_read_json(pathBytes, Interop.Length(pathBytes), out json));
            return new OpportunityReadResult(Interop.Take(json));
        }

        public static OpportunityReadResult ParseJson(string text, string name = "")
        {
            var textBytes = Interop.Utf8(Interop.NotNull(text, "text"));
            var nameBytes = Interop.Utf8(name);
            IntPtr json;
            Interop.Check(NativeMethods.parley_opportunities_parse_json(textBytes, Interop.Length(textBytes), nameBytes,
                                                                        Interop.Length(nameBytes), out json));
            return new OpportunityReadResult(Interop.Take(json));
        }

        public static OpportunityReadResult ReadCsv(string path)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            IntPtr json;
            Interop.Check(NativeMethods.parley_opportunities_read_csv(pathBytes, Interop.Length(pathBytes), out json));
            return new OpportunityReadResult(Interop.Take(json));
        }

        public static OpportunityReadResult ParseCsv(string text, string name = "")
        {
            var textBytes = Interop.Utf8(Interop.NotNull(text, "text"));
            var nameBytes = Interop.Utf8(name);
            IntPtr json;
            Interop.Check(NativeMethods.parley_opportunities_parse_csv(textBytes, Interop.Length(textBytes), nameBytes,
                                                                       Interop.Length(nameBytes), out json));
            return new OpportunityReadResult(Interop.Take(json));
        }
    }
}
