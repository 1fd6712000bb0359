namespace Midx.App.Publishing;

/// <summary>
/// Reads a choice that a form or query sends as an enum's name. Only a defined name, spelt exactly, counts: a number
/// ("1") or any other text is refused rather than read as some default, so a tampered or stale form is never posted
/// as something the person did not choose.
/// </summary>
public static class FormChoice
{
    public static bool TryParse<TEnum>(string? value, out TEnum choice) where TEnum : struct, Enum
    {
        choice = default;
        return Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out choice);
    }
}
