namespace Midx.App.Accounts;

/// <summary>The console's authorization policy and the role claim it requires.</summary>
public static class AdminPolicy
{
    public const string Name = "Admin";
    public const string Role = "Admin";
}
