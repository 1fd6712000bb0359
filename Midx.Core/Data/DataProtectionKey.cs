namespace Midx.Core.Data;

/// <summary>One element of the Data Protection key ring, stored encrypted with the configured master key.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}
