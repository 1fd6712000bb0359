namespace Midx.Core.Admin;

/// <summary>
/// The orders of the console's user list, each on an indexed column and each named once: its <c>sort=</c> value in the
/// URL and the words the page and the audit log use for it.
/// </summary>
public sealed record UserSort(string Value, string Label, UserSortColumn Column, bool Descending)
{
    public static readonly UserSort EmailAscending = new("email", "Email, A to Z", UserSortColumn.Email, false);
    public static readonly UserSort EmailDescending = new("email-desc", "Email, Z to A", UserSortColumn.Email, true);
    public static readonly UserSort JoinedNewest = new("joined-desc", "Joined, newest first", UserSortColumn.Joined, true);
    public static readonly UserSort JoinedOldest = new("joined", "Joined, oldest first", UserSortColumn.Joined, false);
    public static readonly UserSort SeenRecent = new("seen-desc", "Last seen, most recent first", UserSortColumn.LastSeen, true);
    public static readonly UserSort SeenLongAgo = new("seen", "Last seen, longest ago first", UserSortColumn.LastSeen, false);

    public static readonly UserSort Default = EmailAscending;

    public static readonly IReadOnlyList<UserSort> All =
        [EmailAscending, EmailDescending, JoinedNewest, JoinedOldest, SeenRecent, SeenLongAgo];

    /// <summary>The order a <c>sort=</c> value names; the default for a missing or unknown value.</summary>
    public static UserSort Parse(string? value) =>
        All.FirstOrDefault(s => string.Equals(s.Value, value?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Default;
}

public enum UserSortColumn
{
    Email,
    Joined,
    LastSeen,
}
