using Midx.App.Privacy;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Privacy;

public sealed class SettingsEndpointsTests : IDisposable
{
    private const string Email = "grace@sandbox.midx.test";
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task Export_SignedIn_DownloadsOwnDataAsJsonWithoutTokens()
    {
        using var grace = await _app.SignInAsync(Email, "Grace Hopper");
        await grace.LinkTikTokAsync("public");
        using var alan = await _app.SignInAsync("alan@sandbox.midx.test", "Alan Turing");

        var response = await grace.GetAsync("/settings/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("midx-my-data-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        Assert.Equal(Email, json.RootElement.GetProperty("profile").GetProperty("email").GetString());
        var account = Assert.Single(json.RootElement.GetProperty("tikTokAccounts").EnumerateArray());
        Assert.Equal("avery.creates", account.GetProperty("username").GetString());
        Assert.DoesNotContain("alan@", text);
        Assert.DoesNotContain("act.", text);
        Assert.DoesNotContain("rft.", text);
        await using var scope = _app.Services.CreateAsyncScope();
        var ciphers = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts
            .Select(a => new[] { a.AccessTokenCipher!, a.RefreshTokenCipher! }).SingleAsync();
        Assert.All(ciphers, cipher => Assert.DoesNotContain(cipher, text));
    }

    [Fact]
    public async Task Export_Anonymous_RedirectsToSignIn()
    {
        var response = await _app.CreateHttpClient().GetAsync("/settings/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Delete_WrongEmail_KeepsEverythingAndSaysSo()
    {
        using var grace = await _app.SignInAsync(Email, "Grace Hopper");

        var response = await PostDeleteAsync(grace, "someone@else.test");

        Assert.Equal(SettingsPage.Path, response.Headers.Location!.OriginalString);
        Assert.Equal("That is not the email address of this account. Nothing was deleted.", _app.NoticeIn(response)?.Text);
        Assert.Equal(HttpStatusCode.OK, (await grace.GetAsync("/settings")).StatusCode);
    }

    [Fact]
    public async Task Promise12_DeleteAccount_RevokesAtTikTokErasesRowsAndFilesAndEndsSessions()
    {
        using var grace = await _app.SignInAsync(Email, "Grace Hopper");
        using var graceElsewhere = await _app.SignInAsync(Email, "Grace Hopper");
        await grace.LinkTikTokAsync("public");
        await grace.LinkTikTokAsync("private");
        Guid userId;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            userId = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().Users.Where(u => u.Email == Email).Select(u => u.Id).SingleAsync();
        }

        var upload = await UploadFixtureAsync(grace);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var userMedia = Path.Combine(_app.DataFolder, "media", userId.ToString("N"));
        Assert.NotEmpty(Directory.GetFiles(userMedia));

        var response = await PostDeleteAsync(grace, Email.ToUpperInvariant());

        Assert.Equal("/goodbye", response.Headers.Location!.OriginalString);
        Assert.Equal(2, await CountSandboxCallsAsync(grace, "revoke"));
        foreach (var client in new[] { grace, graceElsewhere })
        {
            var settings = await client.GetAsync("/settings");
            Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
            Assert.StartsWith("/signin", settings.Headers.Location!.PathAndQuery);
        }

        await using var scope2 = _app.Services.CreateAsyncScope();
        var db = scope2.ServiceProvider.GetRequiredService<MidxDbContext>();
        var deleted = Assert.Single(await db.AuditEvents.Where(e => e.Action == AuditActions.AccountDeleted).ToListAsync());
        Assert.Null(deleted.ActorUserId);
        Assert.Null(deleted.SubjectUserId);

        // Nothing identifying is left anywhere in the database file.
        SqliteConnection.ClearAllPools();
        var dump = await DumpDatabaseAsync(Path.Combine(_app.DataFolder, "midx.db"));
        Assert.DoesNotContain(userId.ToString(), dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(userId.ToString("N"), dump, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(userMedia), "The user's media folder is still there.");
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_app.DataFolder, "*", SearchOption.AllDirectories),
            path => path.Contains(userId.ToString("N"), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("grace", dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hopper", dump);
        Assert.DoesNotContain("avery", dump, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Promise12_DeleteAccount_LeavesNoPersonalBytesInDatabaseFiles()
    {
        using var grace = await _app.SignInAsync(Email, "Grace Hopper");
        await grace.LinkTikTokAsync("public");
        string[] personal;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var account = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.SingleAsync();
            personal = [Email, "Grace Hopper", account.OpenId, account.Username!];
        }

        Assert.NotEmpty(RawDatabaseFiles.Find(_app.DataFolder, personal));

        var response = await PostDeleteAsync(grace, Email);

        Assert.Equal("/goodbye", response.Headers.Location!.OriginalString);
        Assert.Empty(RawDatabaseFiles.Find(_app.DataFolder, personal));
    }

    private static async Task<HttpResponseMessage> PostDeleteAsync(HttpClient client, string typedEmail)
    {
        return await client.PostDialogFormAsync("/settings", "/settings/delete", ("email", typedEmail));
    }

    private static async Task<HttpResponseMessage> UploadFixtureAsync(HttpClient client)
    {
        var token = AntiforgeryForms.Token(await client.GetStringAsync("/settings"));
        var bytes = VideoFixtures.Bytes(VideoFixtures.Mp4TwoSeconds);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/publishing/uploads") { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("X-File-Name", "holiday.mp4");
        return await client.SendAsync(request);
    }

    private static async Task<int> CountSandboxCallsAsync(HttpClient client, string endpoint)
    {
        var entries = await client.GetFromJsonAsync<JsonElement>($"/sandbox/tiktok/__test/requests?endpoint={endpoint}");
        return entries.GetArrayLength();
    }

    /// <summary>Every value of every row of every table, as text (GUIDs and strings alike).</summary>
    private static async Task<string> DumpDatabaseAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type='table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))).Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    public void Dispose() => _app.Dispose();
}
