using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Parley.Native;

namespace Parley
{
    // What every wrapper shares: UTF-8 in and out, status checks, strings parley hands over.
    internal static class Interop
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>UTF-8 bytes of `text` (null stays null: parley reads (NULL, 0) as empty or "the defaults").</summary>
        internal static byte[] Utf8(string text)
        {
            return text == null ? null : StrictUtf8.GetBytes(text);
        }

        internal static UIntPtr Length(byte[] bytes)
        {
            return new UIntPtr(bytes == null ? 0u : (uint)bytes.Length);
        }

        /// <summary>Throws the exception for a failed status, with the calling thread's message.</summary>
        internal static void Check(Native.Status status)
        {
            if (status == Native.Status.Ok) return;
            throw ParleyException.For((Status)status, Borrowed(NativeMethods.parley_last_error_message()));
        }

        /// <summary>A NUL-terminated UTF-8 string parley still owns ("" for NULL).</summary>
        internal static string Borrowed(IntPtr text)
        {
            if (text == IntPtr.Zero) return "";
            int length = 0;
            while (Marshal.ReadByte(text, length) != 0) length++;
            var bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>`length` bytes of UTF-8 parley still owns ("" for length 0).</summary>
        internal static string Borrowed(IntPtr text, UIntPtr length)
        {
            int count = checked((int)length.ToUInt64());
            if (count == 0) return "";
            var bytes = new byte[count];
            Marshal.Copy(text, bytes, 0, count);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>A string parley returned to the caller: read, then released with parley_string_free.</summary>
        internal static string Take(IntPtr text)
        {
            try
            {
                return Borrowed(text);
            }
            finally
            {
                NativeMethods.parley_string_free(text);
            }
        }

        internal static ParleyHandle.Lease Use(ParleyHandle handle, string what)
        {
            if (handle == null || handle.IsClosed || handle.IsInvalid) throw new ObjectDisposedException(what);
            return new ParleyHandle.Lease(handle);
        }

        internal static T NotNull<T>(T value, string name) where T : class
        {
            if (value == null) throw new ArgumentNullException(name);
            return value;
        }
    }

    // Byte buffers pinned while parley reads them through pointers inside structs or pointer arrays.
    internal sealed class PinnedBuffers : IDisposable
    {
        private readonly List<GCHandle> pins = new List<GCHandle>();

        /// <summary>The address of `bytes` until Dispose (IntPtr.Zero for null).</summary>
        internal IntPtr Pin(byte[] bytes)
        {
            if (bytes == null) return IntPtr.Zero;
            var pin = GCHandle.Alloc(bytes, GCHandleType.Pinned);
            pins.Add(pin);
            return pin.AddrOfPinnedObject();
        }

        public void Dispose()
        {
            foreach (var pin in pins) pin.Free();
            pins.Clear();
        }
    }
}
