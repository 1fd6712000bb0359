namespace Midx.Core.Admin;

/// <summary>One page of the console's user search.</summary>
public sealed record UserList(IReadOnlyList<UserRow> Users, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record UserRow(
    Guid Id,
    string Email,
    string Name,
    bool IsAdmin,
    bool IsDisabled,
    DateTime CreatedAt,
    DateTime LastSeenAt,
    int LinkedAccounts)
{
    /// <summary>The role's name, as the list's chip and the export say it.</summary>
    public string Role => IsAdmin ? "Admin" : "Creator";
}
