using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Parley
{
    // Reading parley's JSON results and writing the small documents the typed methods send.
    // Parsing goes through System.Runtime.Serialization's JSON reader (JSON as XML elements with a
    // "type" attribute): it ships with Mono and .NET Framework 4.5, so the package needs nothing else.
    internal static class Json
    {
        internal static XElement Parse(string json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            using (var reader = JsonReaderWriterFactory.CreateJsonReader(bytes, XmlDictionaryReaderQuotas.Max))
            {
                return XElement.Load(reader);
            }
        }

        internal static IEnumerable<XElement> Items(XElement array)
        {
            return array.Elements("item");
        }

        private static XElement Member(XElement obj, string name)
        {
            var member = obj.Element(name);
            if (member == null) throw new FormatException("parley's JSON result has no member '" + name + "'");
            return member;
        }

        private static bool IsNull(XElement value)
        {
            return (string)value.Attribute("type") == "null";
        }

        internal static string String(XElement obj, string name)
        {
            var member = obj.Element(name);
            return member == null || IsNull(member) ? null : member.Value;
        }

        internal static long Long(XElement obj, string name)
        {
            return long.Parse(Member(obj, name).Value, CultureInfo.InvariantCulture);
        }

        internal static double? OptionalDouble(XElement obj, string name)
        {
            var member = obj.Element(name);
            if (member == null || IsNull(member)) return null;
            return double.Parse(member.Value, CultureInfo.InvariantCulture);
        }

        internal static XElement Object(XElement obj, string name)
        {
            return Member(obj, name);
        }

        /// <summary>A parsed value written back as JSON text (the reader's XML form, in reverse).</summary>
        internal static string Write(XElement value)
        {
            var root = new XElement(value) { Name = "root" };
            // Mono's JSON writer cannot write a null; parley's readers take a member left out as null.
            root.Descendants()
                .Where(e => (string)e.Attribute("type") == "null" && e.Parent != null &&
                            (string)e.Parent.Attribute("type") == "object")
                .ToList()
                .ForEach(e => e.Remove());
            using (var stream = new MemoryStream())
            {
                using (var writer = JsonReaderWriterFactory.CreateJsonWriter(stream, Encoding.UTF8, false))
                {
                    root.WriteTo(writer);
                }
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        internal static IReadOnlyList<string> Strings(string jsonArray)
        {
            var list = new List<string>();
            foreach (var item in Items(Parse(jsonArray))) list.Add(item.Value);
            return list.AsReadOnly();
        }

        /// <summary>`text` as a JSON string literal (null as null).</summary>
        internal static string Quote(string text)
        {
            if (text == null) return "null";
            var builder = new StringBuilder(text.Length + 2);
            builder.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20) builder.AppendFormat(CultureInfo.InvariantCulture, "\\u{0:x4}", (int)c);
                        else builder.Append(c);
                        break;
                }
            }
            builder.Append('"');
            return builder.ToString();
        }
    }
}
