using Parley.Native;

namespace Parley
{
    /// <summary>The native parley library this process loaded.</summary>
    public static class Library
    {
        /// <summary>"MAJOR.MINOR.PATCH" of the loaded libparley.</summary>
        public static string Version
        {
            get { return Interop.Borrowed(NativeMethods.parley_version()); }
        }

        /// <summary>MAJOR * 10000 + MINOR * 100 + PATCH of the loaded libparley.</summary>
        public static int VersionNumber
        {
            get { return NativeMethods.parley_version_number(); }
        }

        /// <summary>The version of parley.h this binding was generated from.</summary>
        public const int BindingVersionNumber = NativeMethods.PARLEY_VERSION_NUMBER;
    }
}
