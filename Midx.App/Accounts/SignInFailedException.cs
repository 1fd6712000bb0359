namespace Midx.App.Accounts;

/// <summary>
/// Thrown while the Google ticket is being built, so the Google handler routes it to its remote-failure event where
/// it becomes the error page. The message is for logs: it never holds tokens, codes or personal data.
/// </summary>
public sealed class SignInFailedException(SignInFailureReason reason, string message) : Exception(message)
{
    public SignInFailureReason Reason { get; } = reason;
}
