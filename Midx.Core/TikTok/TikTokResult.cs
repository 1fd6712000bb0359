using System.Diagnostics.CodeAnalysis;

namespace Midx.Core.TikTok;

/// <summary>
/// The answer to one TikTok call: a value, or the <see cref="TikTokError"/> TikTok gave. Expected "no"s are values;
/// transport faults (no connection, timeout) are exceptions. <see cref="LogId"/> is kept either way.
/// </summary>
public sealed class TikTokResult<T>
{
    private TikTokResult(T? value, TikTokError? error, string? logId)
    {
        Value = value;
        Error = error;
        LogId = logId;
    }

    public T? Value { get; }

    public TikTokError? Error { get; }

    public string? LogId { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static TikTokResult<T> Success(T value, string? logId) => new(value, null, logId);

    public static TikTokResult<T> Failure(TikTokError error) => new(default, error, error.LogId);

    // Values may hold tokens (the token grant); a result printed into a log must never show them.
    public override string ToString() => IsSuccess ? $"Success (log_id {LogId})" : $"Failure {Error.Code} (log_id {LogId})";
}

/// <summary>The answer to a TikTok call that returns nothing but success or an error (revoke, cancel).</summary>
public sealed class TikTokResult
{
    private TikTokResult(TikTokError? error, string? logId)
    {
        Error = error;
        LogId = logId;
    }

    public TikTokError? Error { get; }

    public string? LogId { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static TikTokResult Success(string? logId) => new(null, logId);

    public static TikTokResult Failure(TikTokError error) => new(error, error.LogId);

    public override string ToString() => IsSuccess ? $"Success (log_id {LogId})" : $"Failure {Error.Code} (log_id {LogId})";
}
