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
    }
}
