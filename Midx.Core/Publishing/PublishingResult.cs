using System.Diagnostics.CodeAnalysis;
using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>Either a value or the <see cref="PublishingError"/> that explains why there is none.</summary>
public sealed class PublishingResult<T>
    where T : class
{
    private PublishingResult(T? value, PublishingError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public PublishingError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static PublishingResult<T> Ok(T value) => new(value, null);

    public static PublishingResult<T> Fail(ErrorCode code, string message) => new(null, new PublishingError(code, message));

    public static PublishingResult<T> Fail(PublishingError error) => new(null, error);

    public static implicit operator PublishingResult<T>(PublishingError error) => Fail(error);
}
