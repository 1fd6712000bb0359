using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;
using Npgsql;

namespace Midx.Tests.Publishing;

/// <summary>
/// Two real Midx instances (A and B) sharing one PostgreSQL database, as behind a load balancer: same key ring master
/// key, publish workers off (tests move jobs themselves). A creator is signed in on both and a stranger on A; the
/// creator has a linked TikTok account to hang jobs on. Both listeners are listening once this has started.
/// </summary>
public sealed class TwoInstancesOnPostgres : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private PostgresDatabase _database = default!;
    private Dictionary<string, string?> _settings = default!;
    private Guid _accountId;

    public MidxAppFactory A { get; private set; } = default!;

    public MidxAppFactory B { get; private set; } = default!;

    public HttpClient OwnerOnA { get; private set; } = default!;

    public HttpClient OwnerOnB { get; private set; } = default!;

    public HttpClient StrangerOnA { get; private set; } = default!;

    public Guid OwnerId { get; private set; }

    public Guid StrangerId { get; private set; }

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _settings = new Dictionary<string, string?>
        {
            ["Midx:Database:Provider"] = "Postgres",
            ["Midx:Database:ConnectionString"] = _database.ConnectionString,
            ["Midx:KeyRing:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Midx:Publishing:WorkerEnabled"] = "false",
        };
        // One after the other: the first applies the migrations.
        A = StartAnotherInstance();
        B = StartAnotherInstance();

        OwnerOnA = await A.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        OwnerOnB = await B.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");
        StrangerOnA = await A.SignInAsync("alan@sandbox.midx.test", "Alan Turing");
        await using (var db = NewContext())
        {
            OwnerId = await db.Users.Where(u => u.Email == "grace@sandbox.midx.test").Select(u => u.Id).SingleAsync();
            StrangerId = await db.Users.Where(u => u.Email == "alan@sandbox.midx.test").Select(u => u.Id).SingleAsync();
            var now = DateTime.UtcNow;
            var account = new TikTokAccount { UserId = OwnerId, WorkspaceId = OwnerId, OpenId = "open-grace", Username = "grace", ConnectedAt = now, LastSeenAt = now };
            db.TikTokAccounts.Add(account);
            await db.SaveChangesAsync();
            _accountId = account.Id;
        }

        await WaitUntilListeningAsync(A);
        await WaitUntilListeningAsync(B);
    }

    /// <summary>One more instance on the same database (started; the caller disposes it).</summary>
    public MidxAppFactory StartAnotherInstance()
    {
        var app = new MidxAppFactory(_settings);
        _ = app.ServerAddress;
        return app;
    }

    /// <summary>A new job of the creator's in <paramref name="state"/>.</summary>
    public async Task<Guid> SeedJobAsync(JobState state)
    {
        await using var db = NewContext();
        var now = DateTime.UtcNow;
        var job = new PublishJob
        {
            UserId = OwnerId,
            WorkspaceId = OwnerId,
            TikTokAccountId = _accountId,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            State = state,
            FileSize = 19164,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.PublishJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    /// <summary>Moves a job through instance <paramref name="app"/>'s own <see cref="ApplyJobChangeCommand"/>, as its worker would.</summary>
    public static async Task<JobUpdate> ApplyAsync(MidxAppFactory app, Guid jobId, JobChange change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var job = await db.PublishJobs.SingleAsync(j => j.Id == jobId);
        return await scope.ServiceProvider.GetRequiredService<ApplyJobChangeCommand>().ExecuteAsync(job, change, CancellationToken.None)
            ?? throw new InvalidOperationException($"Job {jobId} was moved by someone else.");
    }

    /// <summary>
    /// Sends an update for <paramref name="userId"/> as a third instance would and returns its job id. PostgreSQL delivers
    /// notifications in commit order, so whatever a listener was going to deliver before it has been delivered when it arrives.
    /// </summary>
    public async Task<Guid> NotifyAsAnotherInstanceAsync(Guid userId)
    {
        var update = new JobUpdate(Guid.NewGuid(), userId, JobState.Queued, "Waiting to start", false, null, 0, 1, null, null, null, null, DateTime.UtcNow);
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = JobUpdateNotification.Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = JobUpdateNotification.Encode(Guid.NewGuid(), update) });
        await command.ExecuteNonQueryAsync();
        return update.JobId;
    }

    /// <summary>Ends a server process as an administrator (or a failover) would; true when it existed.</summary>
    public async Task<bool> TerminateBackendAsync(int processId)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = processId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The server process of <paramref name="app"/>'s listener once it listens on one other than <paramref name="notOn"/>.</summary>
    public static async Task<int> WaitUntilListeningAsync(MidxAppFactory app, int? notOn = null)
    {
        var listener = app.Services.GetRequiredService<PostgresJobUpdateListener>();
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (listener.BackendProcessId is { } pid && pid != notOn)
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The job-update listener did not listen within {Wait.TotalSeconds} s.");
    }

    private MidxDbContext NewContext() =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseNpgsql(_database.ConnectionString).Options);

    public async Task DisposeAsync()
    {
        OwnerOnA?.Dispose();
        OwnerOnB?.Dispose();
        StrangerOnA?.Dispose();
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
