using System.Text.Json;
using System.Text.Json.Serialization;
using Midx.Core.TikTok;

namespace Midx.Core.Errors;

/// <summary>
/// One error code and everything Midx says about it. Declared once, in <see cref="ErrorCatalog"/>, so code refers to
/// the declaration and a rename cannot leave a message behind. <see cref="Value"/> is what the database and JSON hold;
/// two codes are equal when their values are, ignoring case.
/// </summary>
[JsonConverter(typeof(ErrorCodeJsonConverter))]
public sealed class ErrorCode : IEquatable<ErrorCode>
{
    internal ErrorCode(string value, ErrorSource source, TikTokErrorKind? kind, string told, string toDo, string admin, bool retryable, string? field)
    {
        Value = value;
        Source = source;
        Kind = kind;
        Told = told;
        ToDo = toDo;
        Admin = admin;
        Retryable = retryable;
        Field = field;
    }

    /// <summary>The stored and transmitted spelling, unchanged from what earlier versions wrote.</summary>
    public string Value { get; }

    /// <summary>Who the code comes from, so pages never pass Midx's own findings off as TikTok's.</summary>
    public ErrorSource Source { get; }

    /// <summary>How the TikTok client reacts to this code in an answer; null for codes no TikTok answer carries.</summary>
    public TikTokErrorKind? Kind { get; }

    /// <summary>What happened, in words for the creator.</summary>
    public string Told { get; }

    /// <summary>What the creator can do about it.</summary>
    public string ToDo { get; }

    /// <summary>What the code means, for the admin console (more technical than <see cref="Told"/> where that helps).</summary>
    public string Admin { get; }

    /// <summary>Trying the same thing again, unchanged, can work.</summary>
    public bool Retryable { get; }

    /// <summary>The compose field (<see cref="Publishing.ComposeFields"/>) a submission problem belongs to, else null.</summary>
    public string? Field { get; }

    /// <summary>The creator's whole sentence: what happened, then what to do.</summary>
    public string Message => $"{Told} {ToDo}";

    public bool Equals(ErrorCode? other) => other is not null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as ErrorCode);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    public override string ToString() => Value;

    public static bool operator ==(ErrorCode? left, ErrorCode? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(ErrorCode? left, ErrorCode? right) => !(left == right);
}

public enum ErrorSource
{
    TikTok,
    Midx,
}

/// <summary>Writes a code as its <see cref="ErrorCode.Value"/> string, so JSON answers keep the shape they always had.</summary>
public sealed class ErrorCodeJsonConverter : JsonConverter<ErrorCode>
{
    public override ErrorCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ErrorCatalog.Find(reader.GetString());

    public override void Write(Utf8JsonWriter writer, ErrorCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
