using System.Net;
using System.Text.Json;
using Midx.Tests.Support;

namespace Midx.Tests.Hosting;

public sealed class HealthEndpointsTests : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task Healthz_RunningApp_ReportsAliveAsJson()
    {
        var response = await _app.CreateHttpClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_MigratedDatabase_ReportsDatabaseReady()
    {
        var response = await _app.CreateHttpClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("healthy", database.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(_app.DataFolder, "midx.db")), "The SQLite file was not created in the data folder.");
    }

    [Fact]
    public async Task Readyz_DatabaseGone_ReportsUnhealthyWith503()
    {
        var client = _app.CreateHttpClient();
        await client.GetAsync("/healthz");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_app.DataFolder, recursive: true);

        var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
    }

    public void Dispose() => _app.Dispose();
}
