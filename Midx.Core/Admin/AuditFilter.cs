namespace Midx.Core.Admin;

/// <summary>Audit log filters; every field optional, dates are UTC days with both ends included.</summary>
public sealed record AuditFilter
{
    public string? Action { get; init; }

    /// <summary>Events this user did or that were done to them.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Like <see cref="UserId"/>, by the user's exact email address.</summary>
    public string? UserEmail { get; init; }

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Oldest first instead of the default newest first; paging walks the same way.</summary>
    public bool OldestFirst { get; init; }
}
