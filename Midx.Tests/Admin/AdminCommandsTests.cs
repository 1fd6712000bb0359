using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Midx.Core;
using Midx.Core.Admin;
using Midx.Core.Privacy;
using Midx.Core.Publishing;

namespace Midx.Tests.Admin;

public sealed class AdminCommandsTests : AdminDatabase
{
    private SetAdminRoleCommand AdminRole(params string[] configuredAdmins) =>
        new(Db, new AuditLog(Db, Time), Options.Create(new MidxOptions { Admins = configuredAdmins }));

    private const string Reason = "The user asked support to stop it.";

    private readonly List<JobUpdate> _published = [];

    private CancelUploadCommand Cancel()
    {
        var bus = new JobUpdateBus(NullLogger<JobUpdateBus>.Instance);
        bus.Subscribe((update, _) =>
        {
            _published.Add(update);
            return Task.CompletedTask;
        });
        var media = new MediaStore(
            Options.Create(new MidxOptions { DataFolder = Path.Combine(Path.GetTempPath(), "midx-admin-tests", Guid.NewGuid().ToString("N")), OperatorName = "Midx", ContactEmail = "p@midx.test" }),
            Options.Create(new RetentionOptions()),
            new TestEnvironment(),
            Time);
        return new CancelUploadCommand(
            Db,
            new ApplyJobChangeCommand(Db, bus, Time, NullLogger<ApplyJobChangeCommand>.Instance),
            new ReleaseJobMediaCommand(Db, media, NullLogger<ReleaseJobMediaCommand>.Instance),
            new AuditLog(Db, Time),
            Time);
    }

    [Fact]
    public async Task SetAdminRole_GrantThenRevoke_ChangesRoleEndsSessionsAndAuditsEachWithTheAdminsId()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var grace = Db.AddUser("grace@example.test", Now);
        await Db.SaveChangesAsync();
        var stamp = grace.SecurityStamp;

        var granted = await AdminRole().ExecuteAsync(admin.Id, grace.Id, makeAdmin: true, "Runs the support rota", CancellationToken.None);
        var afterGrant = await NewContext().Users.SingleAsync(u => u.Id == grace.Id);
        Time.Advance(TimeSpan.FromMinutes(1));
        var revoked = await AdminRole().ExecuteAsync(admin.Id, grace.Id, makeAdmin: false, "Left the support rota", CancellationToken.None);
        var afterRevoke = await NewContext().Users.SingleAsync(u => u.Id == grace.Id);

        Assert.Equal(AdminActionOutcome.Done, granted.Outcome);
        Assert.True(afterGrant.IsAdmin);
        Assert.NotEqual(stamp, afterGrant.SecurityStamp);
        Assert.Equal(AdminActionOutcome.Done, revoked.Outcome);
        Assert.False(afterRevoke.IsAdmin);
        Assert.NotEqual(afterGrant.SecurityStamp, afterRevoke.SecurityStamp);
        var audit = await NewContext().AuditEvents.OrderBy(e => e.At).ToListAsync();
        Assert.Equal([AdminAuditActions.GrantedAdmin, AdminAuditActions.RevokedAdmin], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(admin.Id, e.ActorUserId));
        Assert.All(audit, e => Assert.Equal(grace.Id, e.SubjectUserId));
        Assert.Equal(["Runs the support rota", "Left the support rota"], audit.Select(e => e.Detail));
    }

    [Fact]
    public async Task SetAdminRole_RevokingOwnRole_IsRefusedAndChangesNothing()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        await Db.SaveChangesAsync();

        var result = await AdminRole().ExecuteAsync(admin.Id, admin.Id, makeAdmin: false, "Left the support rota", CancellationToken.None);

        Assert.Equal(AdminActionOutcome.Refused, result.Outcome);
        Assert.Contains("your own admin role", result.Message);
        Assert.True((await NewContext().Users.SingleAsync()).IsAdmin);
        Assert.Empty(await NewContext().AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task SetAdminRole_RevokingAnAdminNamedInConfiguration_IsRefusedWithTheSettingName()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var other = Db.AddUser("root@example.test", Now, isAdmin: true);
        await Db.SaveChangesAsync();

        var result = await AdminRole("ROOT@example.test").ExecuteAsync(admin.Id, other.Id, makeAdmin: false, "Left the support rota", CancellationToken.None);

        Assert.Equal(AdminActionOutcome.Refused, result.Outcome);
        Assert.Contains("Midx:Admins", result.Message);
        Assert.True((await NewContext().Users.SingleAsync(u => u.Id == other.Id)).IsAdmin);
    }

    [Fact]
    public async Task SetUserDisabled_DisableThenEnable_EndsSessionsCountsHeldJobsAndAuditsBoth()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var grace = Db.AddUser("grace@example.test", Now);
        var account = Db.AddAccount(grace, "grace", Now);
        Db.AddJob(account, Now, JobState.Scheduled, scheduledAt: Now.AddHours(2));
        Db.AddJob(account, Now, JobState.Published);
        await Db.SaveChangesAsync();
        var stamp = grace.SecurityStamp;
        var command = new SetUserDisabledCommand(Db, new AuditLog(Db, Time));

        var disabled = await command.ExecuteAsync(admin.Id, grace.Id, disable: true, "Posted spam from a stolen account", CancellationToken.None);
        var afterDisable = await NewContext().Users.SingleAsync(u => u.Id == grace.Id);
        Time.Advance(TimeSpan.FromMinutes(1));
        var enabled = await command.ExecuteAsync(admin.Id, grace.Id, disable: false, "Account recovered", CancellationToken.None);

        Assert.Equal(AdminActionOutcome.Done, disabled.Outcome);
        Assert.True(afterDisable.IsDisabled);
        Assert.NotEqual(stamp, afterDisable.SecurityStamp);
        Assert.Contains("1 waiting upload(s) held", disabled.Message);
        Assert.Equal(AdminActionOutcome.Done, enabled.Outcome);
        Assert.False((await NewContext().Users.SingleAsync(u => u.Id == grace.Id)).IsDisabled);
        var audit = await NewContext().AuditEvents.OrderBy(e => e.At).ToListAsync();
        Assert.Equal([AdminAuditActions.DisabledUser, AdminAuditActions.EnabledUser], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal((admin.Id, grace.Id), (e.ActorUserId!.Value, e.SubjectUserId!.Value)));
        Assert.Equal("Posted spam from a stolen account; 1 scheduled or queued upload(s) held", audit[0].Detail);
        Assert.Equal("Account recovered; 1 scheduled or queued upload(s) released", audit[1].Detail);
    }

    [Fact]
    public async Task SetUserDisabled_DisablingYourself_IsRefused()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        await Db.SaveChangesAsync();

        var result = await new SetUserDisabledCommand(Db, new AuditLog(Db, Time))
            .ExecuteAsync(admin.Id, admin.Id, disable: true, "Posted spam from a stolen account", CancellationToken.None);

        Assert.Equal((AdminActionOutcome.Refused, SetUserDisabledCommand.SelfRefused), (result.Outcome, result.Message));
        Assert.False((await NewContext().Users.SingleAsync()).IsDisabled);
        Assert.Empty(await NewContext().AuditEvents.ToListAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SetAdminRoleAndSetUserDisabled_WithoutAReason_RefuseAndChangeNothing(string? reason)
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var grace = Db.AddUser("grace@example.test", Now);
        await Db.SaveChangesAsync();
        var stamp = grace.SecurityStamp;

        var grant = await AdminRole().ExecuteAsync(admin.Id, grace.Id, makeAdmin: true, reason, CancellationToken.None);
        var disable = await new SetUserDisabledCommand(Db, new AuditLog(Db, Time))
            .ExecuteAsync(admin.Id, grace.Id, disable: true, reason, CancellationToken.None);

        Assert.Equal((AdminActionOutcome.Refused, AdminActionReason.Missing), (grant.Outcome, grant.Message));
        Assert.Equal((AdminActionOutcome.Refused, AdminActionReason.Missing), (disable.Outcome, disable.Message));
        var saved = await NewContext().Users.SingleAsync(u => u.Id == grace.Id);
        Assert.Equal((false, false, stamp), (saved.IsAdmin, saved.IsDisabled, saved.SecurityStamp));
        Assert.Empty(await NewContext().AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task SetUserDisabled_NothingWaiting_KeepsJustTheTrimmedReason()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var grace = Db.AddUser("grace@example.test", Now);
        await Db.SaveChangesAsync();

        await new SetUserDisabledCommand(Db, new AuditLog(Db, Time))
            .ExecuteAsync(admin.Id, grace.Id, disable: true, "  Asked to close the account  ", CancellationToken.None);

        Assert.Equal("Asked to close the account", (await NewContext().AuditEvents.SingleAsync()).Detail);
    }

    [Theory]
    [InlineData(JobState.Scheduled)]
    [InlineData(JobState.Queued)]
    public async Task CancelUpload_NotStarted_CancelsRecordsTheStepAndAuditsIt(JobState state)
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var grace = Db.AddUser("grace@example.test", Now);
        var job = Db.AddJob(Db.AddAccount(grace, "grace", Now), Now, state, scheduledAt: Now.AddHours(1));
        await Db.SaveChangesAsync();
        Time.Advance(TimeSpan.FromMinutes(5));

        var result = await Cancel()
            .ExecuteAsync(admin.Id, job.Id, Reason, CancellationToken.None);

        Assert.Equal(AdminActionOutcome.Done, result.Outcome);
        var saved = await NewContext().PublishJobs.SingleAsync();
        Assert.Equal(JobState.Cancelled, saved.State);
        Assert.Equal(Now, saved.UpdatedAt);
        var step = await NewContext().PublishEvents.SingleAsync();
        Assert.Equal((job.Id, JobState.Cancelled, CancelUploadCommand.EventMessage), (step.JobId, step.State, step.Message));
        var audit = await NewContext().AuditEvents.SingleAsync();
        Assert.Equal((AdminAuditActions.CancelledUpload, admin.Id, grace.Id), (audit.Action, audit.ActorUserId!.Value, audit.SubjectUserId!.Value));
        Assert.Contains(job.Id.ToString(), audit.Detail);
        Assert.EndsWith("reason: " + Reason, audit.Detail);
        var update = Assert.Single(_published);
        Assert.Equal((job.Id, grace.Id, JobState.Cancelled), (update.JobId, update.WorkspaceId, update.State));
    }

    [Theory]
    [InlineData(JobState.Uploading)]
    [InlineData(JobState.Published)]
    [InlineData(JobState.Cancelled)]
    public async Task CancelUpload_AlreadyStartedOrFinished_IsRefusedAndLeavesTheJobAlone(JobState state)
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var job = Db.AddJob(Db.AddAccount(admin, "ada", Now), Now, state);
        await Db.SaveChangesAsync();

        var result = await Cancel()
            .ExecuteAsync(admin.Id, job.Id, Reason, CancellationToken.None);

        Assert.Equal(AdminActionOutcome.Refused, result.Outcome);
        Assert.Equal(state, (await NewContext().PublishJobs.SingleAsync()).State);
        Assert.Empty(await NewContext().PublishEvents.ToListAsync());
        Assert.Empty(await NewContext().AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task CancelUpload_QueuedJobHeldByAWorkersLease_IsRefused()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var job = Db.AddJob(Db.AddAccount(admin, "ada", Now), Now, JobState.Queued);
        job.LeaseOwner = "worker-1";
        job.LeaseExpiresAt = Now.AddMinutes(1);
        await Db.SaveChangesAsync();

        var result = await Cancel()
            .ExecuteAsync(admin.Id, job.Id, Reason, CancellationToken.None);

        Assert.Equal(AdminActionOutcome.Refused, result.Outcome);
        Assert.Equal(JobState.Queued, (await NewContext().PublishJobs.SingleAsync()).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CancelUpload_WithoutAReason_IsRefusedAndChangesNothing(string? reason)
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var job = Db.AddJob(Db.AddAccount(admin, "ada", Now), Now, JobState.Scheduled, scheduledAt: Now.AddHours(1));
        await Db.SaveChangesAsync();

        var result = await Cancel().ExecuteAsync(admin.Id, job.Id, reason, CancellationToken.None);

        Assert.Equal((AdminActionOutcome.Refused, AdminActionReason.Missing), (result.Outcome, result.Message));
        Assert.Equal(JobState.Scheduled, (await NewContext().PublishJobs.SingleAsync()).State);
        Assert.Empty(await NewContext().PublishEvents.ToListAsync());
        Assert.Empty(await NewContext().AuditEvents.ToListAsync());
        Assert.Empty(_published);
    }

    [Fact]
    public async Task CancelUpload_LongReason_IsKeptInTheAuditDetailUpToTheLimit()
    {
        var admin = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var job = Db.AddJob(Db.AddAccount(admin, "ada", Now), Now, JobState.Queued);
        await Db.SaveChangesAsync();

        var result = await Cancel().ExecuteAsync(admin.Id, job.Id, "  " + new string('x', AdminActionReason.MaxLength + 50) + "  ", CancellationToken.None);

        Assert.Equal(AdminActionOutcome.Done, result.Outcome);
        var audit = await NewContext().AuditEvents.SingleAsync();
        Assert.EndsWith("reason: " + new string('x', AdminActionReason.MaxLength), audit.Detail);
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "Midx.Tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
