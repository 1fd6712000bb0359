using Midx.Core.Errors;

namespace Midx.Core.Admin;

/// <summary>Failed jobs sharing one code, with their counts and the newest few as examples.</summary>
public sealed record FailureGroup(
    string Code,
    int LastDay,
    int LastWeek,
    DateTime LastSeenAt,
    ErrorCode Explanation,
    IReadOnlyList<FailureExample> Examples);

public sealed record FailureExample(Guid JobId, DateTime FailedAt, string? Message);
