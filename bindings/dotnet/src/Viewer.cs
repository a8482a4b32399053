using System;
using System.Runtime.InteropServices;
using Parley.Native;

namespace Parley
{
    /// <summary>On whose behalf a store or insight call runs (docs/store.md, "Access").</summary>
    public sealed class Viewer
    {
        /// <summary>A manager's depth meaning "every level below them".</summary>
        public const int UnlimitedDepth = 2147483647;

        public string UserId { get; private set; }
        public ViewerKind Kind { get; private set; }
        /// <summary>Managers: how many levels below them they see (at least 1).</summary>
        public int HierarchyDepth { get; private set; }

        public Viewer(string userId, ViewerKind kind, int hierarchyDepth)
        {
            UserId = Interop.NotNull(userId, "userId");
            Kind = kind;
            HierarchyDepth = hierarchyDepth;
        }

        public static Viewer Seller(string userId)
        {
            return new Viewer(userId, ViewerKind.Seller, 1);
        }

        public static Viewer Manager(string userId, int hierarchyDepth = UnlimitedDepth)
        {
            return new Viewer(userId, ViewerKind.Manager, hierarchyDepth);
        }

        public static Viewer Administrator(string userId)
        {
            return new Viewer(userId, ViewerKind.Administrator, UnlimitedDepth);
        }

        public override string ToString()
        {
            return Kind + " " + UserId;
        }

        // The C struct, its user id pinned in `pins` for the length of one call.
        internal Native.Viewer ToNative(PinnedBuffers pins)
        {
            var id = Interop.Utf8(UserId);
            var native = new Native.Viewer();
            native.struct_size = new UIntPtr((uint)Marshal.SizeOf(typeof(Native.Viewer)));
            native.user_id = pins.Pin(id);
            native.user_id_length = Interop.Length(id);
            native.kind = (Native.ViewerKind)Kind;
            native.hierarchy_depth = HierarchyDepth;
            return native;
        }
    }
}
