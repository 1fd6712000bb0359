using System.Text.Json.Serialization;
using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>An expected reason a publishing step said no, with words a creator can act on.</summary>
public sealed record PublishingError
{
    /// <param name="code">The catalogue's code (for tests, logs, the compose field and the admin console).</param>
    /// <param name="message">Plain-language explanation shown to the user, with this case's details.</param>
    [JsonConstructor]
    public PublishingError(ErrorCode code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>A refusal in the catalogue's own words.</summary>
    public PublishingError(ErrorCode code)
        : this(code, code.Message)
    {
    }

    public ErrorCode Code { get; }

    public string Message { get; }
}
