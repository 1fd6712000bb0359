using Midx.Core.Accounts;
using Midx.Core.Api;
using Midx.Core.Connect;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Midx.Core.Data;

internal sealed class ApiAppConfiguration : IEntityTypeConfiguration<ApiApp>
{
    public void Configure(EntityTypeBuilder<ApiApp> b)
    {
        b.ToTable("ApiApps");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(ApiApp.MaxNameLength);
        // A JSON array in a text column on every provider (Npgsql would make a primitive collection text[]), so one
        // migration fits SQLite and PostgreSQL alike.
        b.Property(x => x.RedirectUrls).HasConversion(
            urls => JsonSerializer.Serialize(urls, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), urls => urls.Aggregate(0, (hash, url) => HashCode.Combine(hash, url)), urls => urls.ToList()));
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Who made it is history; the app is the workspace's and stays with it.
        b.HasOne<User>().WithMany().HasForeignKey(x => x.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ConnectLinkConfiguration : IEntityTypeConfiguration<ConnectLink>
{
    public void Configure(EntityTypeBuilder<ConnectLink> b)
    {
        b.ToTable("ConnectLinks");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.RedirectUrl).HasMaxLength(ApiAppRedirectUrl.MaxLength);
        b.Property(x => x.State).HasMaxLength(ConnectLink.MaxStateLength);
        b.Property(x => x.ErrorCode).HasMaxLength(64);
        // The hosted page finds its link by the hash of the secret it carries.
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.ExpiresAt);
        b.HasOne<Workspace>().WithMany().HasForeignKey(x => x.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an app ends its links, so a link never outlives the redirect URLs it may send people to.
        b.HasOne<ApiApp>().WithMany().HasForeignKey(x => x.AppId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(x => x.KeyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<TikTokAccount>().WithMany().HasForeignKey(x => x.TikTokAccountId).OnDelete(DeleteBehavior.SetNull);
        // A TikTok authorization started from a link ends with it.
        b.HasMany<OAuthLinkState>().WithOne().HasForeignKey(s => s.ConnectLinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
