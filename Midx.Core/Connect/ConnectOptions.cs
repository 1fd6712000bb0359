using System.ComponentModel.DataAnnotations;

namespace Midx.Core.Connect;

/// <summary>Settings under <c>Midx:Connect</c>.</summary>
public sealed class ConnectOptions
{
    public const string Section = "Midx:Connect";

    /// <summary>How long a connect link can be opened after it is made.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Midx:Connect:LinkLifetime must be between 1 minute and 7 days.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
