using System.Text;

namespace Midx.Core.Api;

/// <summary>
/// What the API answers, in its own shapes: states, modes and sources as lower-case snake_case strings, so that adding
/// a value to Midx's enums never renumbers anything an integrator stored.
/// </summary>
public static class ApiNames
{
    public static string Of<T>(T value) where T : struct, Enum => Snake(value.ToString());

    /// <summary>The enum value a snake_case name stands for, or null when it names none.</summary>
    public static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Of(v!.Value) == name);

    private static string Snake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
