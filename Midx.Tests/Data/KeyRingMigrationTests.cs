using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.TikTok;
using Midx.Tests.Support;
using Midx.Tests.TikTok;

namespace Midx.Tests.Data;

/// <summary>
/// A database from before the key ring moved to <c>PersistKeysToDbContext</c>: at the first migration, with a key ring
/// written by Midx's own key store (AES-256-CBC with HMAC, the default then) and a linked account whose tokens were
/// encrypted under it. After migrating, the real token vault still reads those tokens, while new keys use AES-256-GCM.
/// Rolling the migration back keeps the keys too.
/// </summary>
public sealed class KeyRingMigrationTests
{
    private const string MigrationBeforeEntityFrameworkKeyStore = "20261122000000_InitialCreate";

    [Fact]
    public async Task Migrate_KeyRingAndTokensFromBefore_OnSqlite_TokensStillDecrypt()
    {
        var folder = Directory.CreateTempSubdirectory("midx-keyring-migration-").FullName;

        await AssertTokensSurviveMigrationAsync(folder, o => o.UseSqlite(TikTokTestServices.SqliteConnectionString(folder)), postgres: null);

        TikTokTestServices.DeleteFolder(folder);
    }

    [Fact]
    public async Task Migrate_KeyRingAndTokensFromBefore_OnPostgres_TokensStillDecrypt()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("midx-keyring-migration-").FullName;

        await AssertTokensSurviveMigrationAsync(folder, o => o.UseNpgsql(database.ConnectionString), database.ConnectionString);

        TikTokTestServices.DeleteFolder(folder);
    }

    [Fact]
    public async Task MigrateDown_ToBeforeEntityFrameworkKeyStore_OnSqlite_KeepsTheKeysBothWays()
    {
        var folder = Directory.CreateTempSubdirectory("midx-keyring-migration-").FullName;

        await AssertKeysSurviveRollbackAsync(o => o.UseSqlite(TikTokTestServices.SqliteConnectionString(folder)));

        TikTokTestServices.DeleteFolder(folder);
    }

    [Fact]
    public async Task MigrateDown_ToBeforeEntityFrameworkKeyStore_OnPostgres_KeepsTheKeysBothWays()
    {
        await using var database = await PostgresDatabase.CreateAsync();

        await AssertKeysSurviveRollbackAsync(o => o.UseNpgsql(database.ConnectionString));
    }

    private static async Task AssertKeysSurviveRollbackAsync(Action<DbContextOptionsBuilder> useDatabase)
    {
        var options = new DbContextOptionsBuilder<MidxDbContext>();
        useDatabase(options);
        await using var db = new MidxDbContext(options.Options);
        await db.Database.MigrateAsync();
        db.DataProtectionKeys.AddRange(
            new DataProtectionKey { FriendlyName = "key-1", Xml = "<key id=\"1\" />" },
            new DataProtectionKey { FriendlyName = "key-2", Xml = "<key id=\"2\" />" });
        await db.SaveChangesAsync();
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync(MigrationBeforeEntityFrameworkKeyStore);
        var before = await db.Database.SqlQuery<string>($"""SELECT "Xml" AS "Value" FROM "DataProtectionKeys" ORDER BY "FriendlyName" """).ToListAsync();
        await migrator.MigrateAsync();

        Assert.Equal(["<key id=\"1\" />", "<key id=\"2\" />"], before);
        db.ChangeTracker.Clear();
        Assert.Equal(["key-1", "key-2"], await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.FriendlyName!).ToListAsync());
    }

    private static async Task AssertTokensSurviveMigrationAsync(string folder, Action<DbContextOptionsBuilder> useDatabase, string? postgres)
    {
        var masterKey = TikTokTestServices.NewMasterKey();
        var grant = TokenGrants.New();
        var accountId = await CreateDatabaseAsOfPreviousReleaseAsync(useDatabase, masterKey, grant);

        await using var services = await TikTokTestServices.CreateAsync(masterKey, folder, postgresConnectionString: postgres);

        var vault = services.Provider.GetRequiredService<TikTokTokenVault>();
        var account = await services.ReloadAsync(accountId);
        Assert.True(vault.TryReadAccessToken(account, out var access, out var problem), problem);
        Assert.True(vault.TryReadRefreshToken(account, out var refresh, out problem), problem);
        Assert.Equal(grant.AccessToken, access);
        Assert.Equal(grant.RefreshToken, refresh);

        var keys = services.Provider.GetRequiredService<IKeyManager>();
        var oldKey = Assert.Single(keys.GetAllKeys());
        Assert.Equal("AES_256_CBC", EncryptionAlgorithm(oldKey));
        Assert.Contains(nameof(DataProtectionKeyDecryptor), Assert.Single(await services.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync())).Xml);

        var now = DateTimeOffset.UtcNow;
        Assert.Equal("AES_256_GCM", EncryptionAlgorithm(keys.CreateNewKey(now, now.AddDays(90))));
        Assert.True(vault.TryReadAccessToken(await services.ReloadAsync(accountId), out access, out _));
        Assert.Equal(grant.AccessToken, access);
    }

    /// <summary>
    /// The first migration, then what the previous release's key store (an <see cref="IXmlRepository"/> over the old
    /// table, default algorithms, Midx's key ring encryptor) and its token vault wrote. Returns the account's id.
    /// </summary>
    private static async Task<Guid> CreateDatabaseAsOfPreviousReleaseAsync(Action<DbContextOptionsBuilder> useDatabase, string masterKey, TikTokTokenGrant grant)
    {
        var options = new DbContextOptionsBuilder<MidxDbContext>();
        useDatabase(options);
        await using var db = new MidxDbContext(options.Options);
        await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeEntityFrameworkKeyStore);

        var ring = new RecordedKeyRing();
        var key = new DataProtectionMasterKey(Convert.FromBase64String(masterKey));
        var before = new ServiceCollection().AddLogging().AddSingleton(key);
        before.AddDataProtection()
            .SetApplicationName(DataProtectionRegistration.ApplicationName)
            .AddKeyManagementOptions(o =>
            {
                o.XmlRepository = ring;
                o.XmlEncryptor = new DataProtectionKeyEncryptor(key);
            });
        await using var provider = before.BuildServiceProvider();

        var now = DateTime.UtcNow;
        var user = new User { GoogleSubject = "sub-before", Email = "before@midx.test", Name = "Before", CreatedAt = now, LastSeenAt = now };
        var account = new TikTokAccount { UserId = user.Id, OpenId = grant.OpenId, Username = "before", ConnectedAt = now, LastSeenAt = now };
        new TikTokTokenVault(provider.GetRequiredService<IDataProtectionProvider>()).Store(account, grant, now, 0.8);
        await RowsBeforeWorkspaces.InsertAsync(db, user);
        await RowsBeforeWorkspaces.InsertAsync(db, account);

        Assert.NotEmpty(ring.Elements);
        foreach (var (element, friendlyName) in ring.Elements)
        {
            var xml = element.ToString(SaveOptions.DisableFormatting);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "DataProtectionKeys" ("Id", "FriendlyName", "Xml") VALUES ({Guid.CreateVersion7()}, {friendlyName}, {xml})""");
        }

        return account.Id;
    }

    private static string? EncryptionAlgorithm(IKey key) =>
        (string?)key.Descriptor.ExportToXml().SerializedDescriptorElement.Element("encryption")?.Attribute("algorithm");

    private sealed class RecordedKeyRing : IXmlRepository
    {
        public List<(XElement Element, string FriendlyName)> Elements { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => Elements.Select(e => e.Element).ToList();

        public void StoreElement(XElement element, string friendlyName) => Elements.Add((element, friendlyName));
    }
}
