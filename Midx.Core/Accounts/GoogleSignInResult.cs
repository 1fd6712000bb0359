namespace Midx.Core.Accounts;

/// <summary>Either the signed-in <see cref="User"/> (and whether they were created just now) or why they were refused.</summary>
public sealed record GoogleSignInResult(User? User, bool Created, SignInRefusal? Refusal)
{
    public bool Succeeded => User is not null && Refusal is null;

    public static GoogleSignInResult SignedIn(User user, bool created) => new(user, created, null);

    public static GoogleSignInResult Refused(SignInRefusal refusal, User? user = null) => new(user, false, refusal);
}
