using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// The answer of a TikTok call made through <see cref="JobTokens.CallAsync{T}"/>, and, when TikTok refused the access
/// token and that refusal stands, what renewing it came to (<see cref="Renewal"/>: "needs reconnect", or renewing failed
/// for now).
/// </summary>
public sealed record TokenCallResult<T>(TikTokResult<T> Answer, TokenRefreshResult? Renewal)
{
    /// <summary>TikTok's refusal of the access token itself, if that is what the answer was in the end.</summary>
    public TikTokError? RefusedToken => IsTokenRefusal(Answer) ? Answer.Error : null;

    internal static bool IsTokenRefusal(TikTokResult<T> answer) => !answer.IsSuccess && answer.Error.Kind == TikTokErrorKind.Auth;
}
