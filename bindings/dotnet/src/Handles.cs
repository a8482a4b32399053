using System;
using System.Runtime.InteropServices;
using Parley.Native;

namespace Parley
{
    /// <summary>A parley handle released exactly once, by Dispose or the finalizer, through its free function.</summary>
    public abstract class ParleyHandle : SafeHandle
    {
        protected ParleyHandle() : base(IntPtr.Zero, true) { }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        // Keeps the handle alive (not released by another thread's Dispose) while parley uses it.
        internal struct Lease : IDisposable
        {
            private readonly ParleyHandle owner;
            private readonly bool added;

            internal Lease(ParleyHandle owner)
            {
                bool success = false;
                owner.DangerousAddRef(ref success);
                this.owner = owner;
                added = success;
            }

            internal IntPtr Pointer
            {
                get { return owner.DangerousGetHandle(); }
            }

            public void Dispose()
            {
                if (added) owner.DangerousRelease();
            }
        }
    }

    public sealed class CallHandle : ParleyHandle
    {
        internal CallHandle(IntPtr pointer)
        {
            SetHandle(pointer);
        }

        protected override bool ReleaseHandle()
        {
            NativeMethods.parley_call_free(handle);
            return true;
        }
    }

    public sealed class AnalyzerHandle : ParleyHandle
    {
        internal AnalyzerHandle(IntPtr pointer)
        {
            SetHandle(pointer);
        }

        protected override bool ReleaseHandle()
        {
            NativeMethods.parley_analyzer_free(handle);
            return true;
        }
    }

    public sealed class AnalysisHandle : ParleyHandle
    {
        internal AnalysisHandle(IntPtr pointer)
        {
            SetHandle(pointer);
        }

        protected override bool ReleaseHandle()
        {
            NativeMethods.parley_analysis_free(handle);
            return true;
        }
    }

    public sealed class ScorerHandle : ParleyHandle
    {
        internal ScorerHandle(IntPtr pointer)
        {
            SetHandle(pointer);
        }

        protected override bool ReleaseHandle()
        {
            NativeMethods.parley_scorer_free(handle);
            return true;
        }
    }

    public sealed class StoreHandle : ParleyHandle
    {
        internal StoreHandle(IntPtr pointer)
        {
            SetHandle(pointer);
        }

        protected override bool ReleaseHandle()
        {
            NativeMethods.parley_store_close(handle);
            return true;
        }
    }
}
