namespace Midx.Core.Accounts;

/// <summary>Why <see cref="GoogleSignInCommand"/> would not let someone in.</summary>
public enum SignInRefusal
{
    UnverifiedEmail,
    Disabled,
}
