namespace Midx.Core.Admin;

/// <summary>The names written to <see cref="AuditEvent.Action"/>. Stable strings: the console filters on them.</summary>
public static class AuditActions
{
    public const string SignedIn = "account.signed-in";
    public const string SignedOut = "account.signed-out";
    public const string SignInRefused = "account.sign-in-refused";
    public const string AccountDeleted = "account.deleted";
    public const string KeysRevoked = "security.keys-revoked";
}
