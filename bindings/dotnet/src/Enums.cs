namespace Parley
{
    // The C enums as the layer's public API shows them, so a program needs only `using Parley;`
    // (Parley.Native holds the generated mirror of parley.h, whose struct names would clash).
    // Values equal parley.h's; the tests check each against its Parley.Native twin.

    /// <summary>parley_status: why a call failed (ParleyException.Status).</summary>
    public enum Status
    {
        Ok = 0,
        InvalidArgument = 1,
        Parse = 2,
        InvalidUtf8 = 3,
        LimitExceeded = 4,
        NotFound = 5,
        NotPermitted = 6,
        Io = 7,
        Storage = 8,
        Internal = 9,
        OutOfMemory = 10,
    }

    /// <summary>A call participant's side.</summary>
    public enum Role
    {
        Seller = 0,
        Customer = 1,
        Other = 2,
    }

    public enum SentimentLabel
    {
        Negative = 0,
        Neutral = 1,
        Positive = 2,
    }

    public enum TermKind
    {
        Keyword = 0,
        Competitor = 1,
    }

    /// <summary>How insight pages are written: the documented JSON, or a readable text page.</summary>
    public enum OutputFormat
    {
        Json = 0,
        Text = 1,
    }

    /// <summary>A call's text fields other than its participants and segments.</summary>
    public enum CallField
    {
        Id = 0,
        /// <summary>BCP 47.</summary>
        Language = 1,
        OwnerSellerId = 2,
        AccountId = 3,
        ContactId = 4,
        LeadId = 5,
        OpportunityId = 6,
    }

    public enum ViewerKind
    {
        Seller = 0,
        Manager = 1,
        Administrator = 2,
    }

    /// <summary>A user's role in the host's CRM (JSON: "seller", "manager", "administrator").</summary>
    public enum UserRole
    {
        Seller = 0,
        Manager = 1,
        Administrator = 2,
    }
}
