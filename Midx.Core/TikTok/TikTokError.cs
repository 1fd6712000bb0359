using Midx.Core.Errors;

namespace Midx.Core.TikTok;

/// <summary>
/// What TikTok said when it said no: its <see cref="Code"/> as <see cref="ErrorCatalog"/> knows it, its own
/// <see cref="TikTokMessage"/>, and the <see cref="LogId"/> to quote to TikTok support. Never holds a token, code or
/// secret.
/// </summary>
public sealed record TikTokError(ErrorCode Code, string? TikTokMessage, string? LogId, int HttpStatus)
{
    /// <summary>How Midx reacts; a code TikTok has not documented is <see cref="TikTokErrorKind.Unknown"/>.</summary>
    public TikTokErrorKind Kind => Code.Kind ?? TikTokErrorKind.Unknown;

    /// <summary>What the creator is told.</summary>
    public string UserMessage => Code.Message;

    public static TikTokError From(string code, string? tikTokMessage, string? logId, int httpStatus) =>
        From(ErrorCatalog.Find(code), tikTokMessage, logId, httpStatus);

    public static TikTokError From(ErrorCode code, string? tikTokMessage, string? logId, int httpStatus) =>
        new(code, string.IsNullOrWhiteSpace(tikTokMessage) ? null : tikTokMessage, logId, httpStatus);

    public bool Is(ErrorCode code) => Code == code;
}
