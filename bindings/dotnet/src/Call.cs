using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Parley.Native;

namespace Parley
{
    /// <summary>One transcribed segment a host adds to a call it builds.</summary>
    public sealed class Segment
    {
        /// <summary>The participant's index (what Call.AddParticipant returned).</summary>
        public int Speaker { get; private set; }
        /// <summary>Offset from the call's start.</summary>
        public long StartMs { get; private set; }
        public long EndMs { get; private set; }
        public string Text { get; private set; }
        /// <summary>0..1, null when the transcriber gave none.</summary>
        public double? Confidence { get; private set; }

        public Segment(int speaker, long startMs, long endMs, string text, double? confidence = null)
        {
            Speaker = speaker;
            StartMs = startMs;
            EndMs = endMs;
            Text = Interop.NotNull(text, "text");
            Confidence = confidence;
        }
    }

    /// <summary>A speaker of a call (Call.Participants); its index there is what segments name as their speaker.</summary>
    public sealed class Participant
    {
        /// <summary>Unique within the call: the transcript's speaker label.</summary>
        public string Id { get; private set; }
        /// <summary>As shown to people; the id when none was given.</summary>
        public string DisplayName { get; private set; }
        public Role Role { get; private set; }
        /// <summary>The CRM user or contact id; "" when none.</summary>
        public string CrmId { get; private set; }

        public Participant(string id, string displayName, Role role, string crmId = "")
        {
            Id = Interop.NotNull(id, "id");
            DisplayName = Interop.NotNull(displayName, "displayName");
            Role = role;
            CrmId = Interop.NotNull(crmId, "crmId");
        }
    }

    /// <summary>One word's timing within a segment.</summary>
    public sealed class Word
    {
        public long StartMs { get; private set; }
        public long EndMs { get; private set; }
        public string Text { get; private set; }
        public double? Confidence { get; private set; }

        public Word(long startMs, long endMs, string text, double? confidence = null)
        {
            StartMs = startMs;
            EndMs = endMs;
            Text = Interop.NotNull(text, "text");
            Confidence = confidence;
        }
    }

    /// <summary>A call: a transcript read from a file or memory, or built by the host. Dispose releases it.</summary>
    public sealed class Call : IDisposable
    {
        internal readonly CallHandle Handle;

        internal Call(IntPtr pointer)
        {
            Handle = new CallHandle(pointer);
        }

        /// <summary>Reads a transcript file; `format` empty detects it ("webvtt", "srt", "rttm", "parley-json", ...).</summary>
        public static Call Read(string path, string format = "", string readOptionsJson = null)
        {
            var pathBytes = Interop.Utf8(Interop.NotNull(path, "path"));
            var formatBytes = Interop.Utf8(format);
            var optionsBytes = Interop.Utf8(readOptionsJson);
            IntPtr call;
            Interop.Check(NativeMethods.parley_call_read_file(pathBytes, Interop.Length(pathBytes), formatBytes,
                                                              Interop.Length(formatBytes), optionsBytes,
                                                              Interop.Length(optionsBytes), out call));
            return new Call(call);
        }

        /// <summary>Parses a transcript held in memory; `sourceName` names it in messages and gives the default call id.</summary>
        public static Call Parse(string content, string format = "", string sourceName = "", string readOptionsJson = null)
        {
            var contentBytes = Interop.Utf8(Interop.NotNull(content, "content"));
            var formatBytes = Interop.Utf8(format);
            var sourceBytes = Interop.Utf8(sourceName);
            var optionsBytes = Interop.Utf8(readOptionsJson);
            IntPtr call;
            Interop.Check(NativeMethods.parley_call_parse(contentBytes, Interop.Length(contentBytes), formatBytes,
                                                          Interop.Length(formatBytes), sourceBytes,
                                                          Interop.Length(sourceBytes), optionsBytes,
                                                          Interop.Length(optionsBytes), out call));
            return new Call(call);
        }

        /// <summary>An empty call with this id, for the host to fill.</summary>
        public static Call Create(string callId)
        {
            var id = Interop.Utf8(Interop.NotNull(callId, "callId"));
            IntPtr call;
            Interop.Check(NativeMethods.parley_call_create(id, Interop.Length(id), out call));
            return new Call(call);
        }

        public void SetField(CallField field, string value)
        {
            var bytes = Interop.Utf8(Interop.NotNull(value, "value"));
            using (var call = Interop.Use(Handle, "Call"))
            {
                Interop.Check(NativeMethods.parley_call_set_field(call.Pointer, (Native.CallField)field, bytes, Interop.Length(bytes)));
            }
        }

        /// <summary>`startTimeMs`: UTC ms since the Unix epoch; `durationMs` 0 = unknown.</summary>
        public void SetTimes(long startTimeMs, long durationMs = 0)
        {
            using (var call = Interop.Use(Handle, "Call"))
            {
                Interop.Check(NativeMethods.parley_call_set_times(call.Pointer, startTimeMs, durationMs));
            }
        }

        /// <summary>Adds a participant; returns its index, which segments name as their speaker.</summary>
        public int AddParticipant(string id, Role role, string displayName = "", string crmId = "")
        {
            var idBytes = Interop.Utf8(Interop.NotNull(id, "id"));
            var nameBytes = Interop.Utf8(displayName);
            var crmBytes = Interop.Utf8(crmId);
            using (var pins = new PinnedBuffers())
            using (var call = Interop.Use(Handle, "Call"))
            {
                var participant = new Native.Participant();
                participant.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.Participant)));
                participant.id = pins.Pin(idBytes);
                participant.id_length = Interop.Length(idBytes);
                participant.display_name = pins.Pin(nameBytes);
                participant.display_name_length = Interop.Length(nameBytes);
                participant.role = (Native.Role)role;
                participant.crm_id = pins.Pin(crmBytes);
                participant.crm_id_length = Interop.Length(crmBytes);
                uint index;
                Interop.Check(NativeMethods.parley_call_add_participant(call.Pointer, ref participant, out index));
                return (int)index;
            }
        }

        /// <summary>Sets the role of the participant with this id.</summary>
        public void SetRole(string participantId, Role role)
        {
            var id = Interop.Utf8(Interop.NotNull(participantId, "participantId"));
            using (var call = Interop.Use(Handle, "Call"))
            {
                Interop.Check(NativeMethods.parley_call_set_role(call.Pointer, id, Interop.Length(id), (Native.Role)role));
            }
        }

        /// <summary>Appends segments in one call (checked as a whole when the call is analysed or stored).</summary>
        public void AddSegments(IEnumerable<Segment> segments)
        {
            var list = new List<Segment>(Interop.NotNull(segments, "segments"));
            if (list.Count == 0) return;
            var native = new Native.Segment[list.Count];
            var size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.Segment)));
            using (var pins = new PinnedBuffers())
            using (var call = Interop.Use(Handle, "Call"))
            {
                for (int i = 0; i < list.Count; i++)
                {
                    var segment = Interop.NotNull(list[i], "segments[" + i + "]");
                    var text = Interop.Utf8(segment.Text);
                    native[i].struct_size = size;
                    native[i].speaker = checked((uint)segment.Speaker);
                    native[i].start_ms = segment.StartMs;
                    native[i].end_ms = segment.EndMs;
                    native[i].text = pins.Pin(text);
                    native[i].text_length = Interop.Length(text);
                    native[i].confidence = segment.Confidence ?? double.NaN;
                }
                Interop.Check(NativeMethods.parley_call_add_segments(call.Pointer, native, new UIntPtr((uint)native.Length)));
            }
        }

        public void AddSegment(int speaker, long startMs, long endMs, string text, double? confidence = null)
        {
            AddSegments(new[] { new Segment(speaker, startMs, endMs, text, confidence) });
        }

        /// <summary>Sets the word timings of one segment (replacing any).</summary>
        public void SetWords(int segmentIndex, IEnumerable<Word> words)
        {
            var list = new List<Word>(Interop.NotNull(words, "words"));
            var native = new Native.Word[Math.Max(list.Count, 1)];
            native[0].struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.Word)));
            using (var pins = new PinnedBuffers())
            using (var call = Interop.Use(Handle, "Call"))
            {
                for (int i = 0; i < list.Count; i++)
                {
                    var word = Interop.NotNull(list[i], "words[" + i + "]");
                    var text = Interop.Utf8(word.Text);
                    native[i].struct_size = native[0].struct_size;
                    native[i].start_ms = word.StartMs;
                    native[i].end_ms = word.EndMs;
                    native[i].text = pins.Pin(text);
                    native[i].text_length = Interop.Length(text);
                    native[i].confidence = word.Confidence ?? double.NaN;
                }
                Interop.Check(NativeMethods.parley_call_set_words(call.Pointer, new UIntPtr(checked((uint)segmentIndex)),
                                                                  native, new UIntPtr((uint)list.Count)));
            }
        }

        /// <summary>Assigns every participant's role by the host's rules (a JSON document, see parley.h);
        /// returns the ids no rule matched.</summary>
        public IReadOnlyList<string> AssignRoles(string roleRulesJson)
        {
            var rules = Interop.Utf8(Interop.NotNull(roleRulesJson, "roleRulesJson"));
            using (var call = Interop.Use(Handle, "Call"))
            {
                IntPtr unmatched;
                Interop.Check(NativeMethods.parley_call_assign_roles(call.Pointer, rules, Interop.Length(rules), out unmatched));
                return Json.Strings(Interop.Take(unmatched));
            }
        }

        public CallInfo Info
        {
            get
            {
                using (var call = Interop.Use(Handle, "Call"))
                {
                    var info = new Native.CallInfo();
                    info.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.CallInfo)));
                    Interop.Check(NativeMethods.parley_call_get_info(call.Pointer, ref info));
                    return new CallInfo(info);
                }
            }
        }

        /// <summary>The call's speakers in index order (the index segments name as their speaker).</summary>
        public IReadOnlyList<Participant> Participants
        {
            get
            {
                using (var call = Interop.Use(Handle, "Call"))
                {
                    var info = new Native.CallInfo();
                    info.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.CallInfo)));
                    Interop.Check(NativeMethods.parley_call_get_info(call.Pointer, ref info));
                    int count = (int)info.participant_count.ToUInt64();
                    var participants = new List<Participant>(count);
                    for (int index = 0; index < count; index++)
                    {
                        var native = new Native.Participant();
                        native.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.Participant)));
                        Interop.Check(NativeMethods.parley_call_get_participant(call.Pointer, new UIntPtr((uint)index), ref native));
                        participants.Add(new Participant(Interop.Borrowed(native.id, native.id_length),
                                                         Interop.Borrowed(native.display_name, native.display_name_length),
                                                         (Role)native.role,
                                                         Interop.Borrowed(native.crm_id, native.crm_id_length)));
                    }
                    return participants.AsReadOnly();
                }
            }
        }

        /// <summary>The call in parley's own JSON transcript form (docs/transcript-formats.md).</summary>
        public string ToJson()
        {
            using (var call = Interop.Use(Handle, "Call"))
            {
                IntPtr json;
                Interop.Check(NativeMethods.parley_call_to_json(call.Pointer, out json));
                return Interop.Take(json);
            }
        }

        /// <summary>The reader's warnings: a JSON array of {"source", "line", "json_path", "message"}.</summary>
        public string WarningsJson()
        {
            using (var call = Interop.Use(Handle, "Call"))
            {
                IntPtr json;
                Interop.Check(NativeMethods.parley_call_warnings_json(call.Pointer, out json));
                return Interop.Take(json);
            }
        }

        public void Dispose()
        {
            Handle.Dispose();
        }
    }
}
