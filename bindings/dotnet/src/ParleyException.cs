using System;
using Parley.Native;

namespace Parley
{
    /// <summary>A parley call failed: its status and the message parley_last_error_message() gave.</summary>
    public class ParleyException : Exception
    {
        public Status Status { get; private set; }

        public ParleyException(Status status, string message) : base(message)
        {
            Status = status;
        }

        /// <summary>The exception class for a status: the specific subclass where one exists.</summary>
        internal static ParleyException For(Status status, string message)
        {
            switch (status)
            {
                case Status.InvalidArgument: return new ParleyInvalidArgumentException(message);
                case Status.Parse: return new ParleyParseException(message);
                case Status.NotFound: return new ParleyNotFoundException(message);
                case Status.NotPermitted: return new ParleyNotPermittedException(message);
                case Status.Io: return new ParleyIOException(message);
                case Status.Storage: return new ParleyStorageException(message);
                default: return new ParleyException(status, message);
            }
        }
    }

    /// <summary>A NULL, out-of-range or malformed argument or option.</summary>
    public sealed class ParleyInvalidArgumentException : ParleyException
    {
        public ParleyInvalidArgumentException(string message) : base(Status.InvalidArgument, message) { }
    }

    /// <summary>A malformed transcript, term list or JSON document.</summary>
    public sealed class ParleyParseException : ParleyException
    {
        public ParleyParseException(string message) : base(Status.Parse, message) { }
    }

    /// <summary>A named call, user, comment or term list does not exist.</summary>
    public sealed class ParleyNotFoundException : ParleyException
    {
        public ParleyNotFoundException(string message) : base(Status.NotFound, message) { }
    }

    /// <summary>The request lies outside the viewer's scope.</summary>
    public sealed class ParleyNotPermittedException : ParleyException
    {
        public ParleyNotPermittedException(string message) : base(Status.NotPermitted, message) { }
    }

    /// <summary>A file could not be read or written.</summary>
    public sealed class ParleyIOException : ParleyException
    {
        public ParleyIOException(string message) : base(Status.Io, message) { }
    }

    /// <summary>The store's database reported an error.</summary>
    public sealed class ParleyStorageException : ParleyException
    {
        public ParleyStorageException(string message) : base(Status.Storage, message) { }
    }
}
