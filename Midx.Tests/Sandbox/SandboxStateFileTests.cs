using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Sandbox.TikTok;
using Midx.Core.TikTok;
using Midx.Tests.Publishing;

namespace Midx.Tests.Sandbox;

/// <summary>
/// The sandbox TikTok with a state file outlives its process as TikTok outlives a restart of its servers: the app is
/// disposed and started again on the same data folder, so nothing but the file carries the sandbox across.
/// </summary>
public sealed class SandboxStateFileTests
{
    private const string StateFile = "sandbox-tiktok.db";

    private static readonly string[] StateTables =
        ["codes", "token_families", "access_tokens", "refresh_tokens", "publishes", "uploads", "direct_posts", "active_publishers"];

    [Fact]
    public async Task Restart_AccountLinkedBefore_StillWorksWithTheSameToken()
    {
        await using var before = await WorkerTestApp.StartAsync("public", workerEnabled: false,
            settings: new Dictionary<string, string?> { ["Midx:SandboxTikTok:StatePath"] = StateFile });
        var linked = await FreshTokenAsync(before);

        await using var after = await before.RestartAsync();
        var token = await FreshTokenAsync(after);
        await using var scope = after.App.Services.CreateAsyncScope();
        var creator = await scope.ServiceProvider.GetRequiredService<TikTokApiClient>().QueryCreatorInfoAsync(token.AccessToken!, CancellationToken.None);

        Assert.Equal((TokenRefreshOutcome.StillFresh, linked.AccessToken), (token.Outcome, token.AccessToken));
        Assert.True(creator.IsSuccess, creator.Error?.Code.Value);
        Assert.NotNull(creator.Value);
        Assert.Equal("avery.creates", creator.Value.CreatorUsername);
    }

    [Fact]
    public async Task Restart_RefreshTokenIssuedBefore_RefreshesAfter()
    {
        using var before = SandboxTikTokApp.WithStateFile(StateFile);
        var tokens = await before.TokensAsync("public");

        using var after = await before.RestartAsync();
        var refreshed = await after.FormAsync("/v2/oauth/token/", new Dictionary<string, string>
        {
            ["client_key"] = TikTokFixtures.ClientKey,
            ["client_secret"] = TikTokFixtures.DefaultClientSecret,
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.RefreshToken,
        });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task Reset_WithAStateFile_EmptiesItAndTheKeptUploadBytes()
    {
        using var app = SandboxTikTokApp.WithStateFile(StateFile);
        var tokens = await app.TokensAsync("public");
        var init = await app.PostJsonAsync("/v2/post/publish/video/init/", tokens.AccessToken, new
        {
            post_info = new { title = "kept", privacy_level = "PUBLIC_TO_EVERYONE" },
            source_info = new { source = "FILE_UPLOAD", video_size = 12_000_000, chunk_size = 6_000_000, total_chunk_count = 2 },
        });
        var (_, _, data, _) = await SandboxTikTokApp.ReadEnvelopeAsync(init);
        var video = new byte[12_000_000];
        Assert.Equal(HttpStatusCode.PartialContent, (await app.PutChunkAsync(data.GetProperty("upload_url").GetString()!, video, 0, 5_999_999)).StatusCode);
        var path = Path.Combine(app.Factory.DataFolder, StateFile);
        var uploads = Path.ChangeExtension(path, ".uploads");
        Assert.All(StateTables.Where(t => t is not "codes"), table => Assert.NotEqual(0, RowCount(path, table)));
        Assert.NotEmpty(Directory.GetFiles(uploads));

        await app.ResetAsync();

        Assert.All(StateTables, table => Assert.Equal(0, RowCount(path, table)));
        Assert.Empty(Directory.GetFiles(uploads));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ApiAsync(HttpMethod.Get, "/v2/user/info/?fields=open_id", tokens.AccessToken)).StatusCode);
    }

    private static async Task<TokenRefreshResult> FreshTokenAsync(WorkerTestApp app)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TikTokAccessTokens>().GetFreshAccessTokenAsync(app.AccountId, CancellationToken.None);
    }

    private static long RowCount(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
