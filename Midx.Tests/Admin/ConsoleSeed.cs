using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>
/// A month of realistic activity in a running app's database: creators with linked accounts (one needing reconnect,
/// one with failing refreshes), uploads in every state with status histories and consent records, failures with
/// TikTok and Midx codes, worker heartbeats and audit events. Every account carries token values that must never
/// appear anywhere in the console: <see cref="SecretValues"/>.
/// </summary>
internal sealed class ConsoleSeed
{
    public const string AccessPlaintext = "act.PLAINTEXT-ACCESS-5e1f0c9a7b";
    public const string RefreshPlaintext = "rft.PLAINTEXT-REFRESH-c2d4e6f8a0";
    public const string AccessCipher = "CfDJ8-ACCESS-CIPHERTEXT-91b3d5f7";
    public const string RefreshCipher = "CfDJ8-REFRESH-CIPHERTEXT-4a6c8e0f";
    public const string UploadUrlSecret = "upload_token=UPLOAD-URL-SECRET-77aa";
    public const string InvitationTokenHash = "INVITATION-TOKEN-HASH-3b5d7f9e1a2c4e6f";

    public static readonly string[] SecretValues = [AccessPlaintext, RefreshPlaintext, AccessCipher, RefreshCipher, UploadUrlSecret, InvitationTokenHash];

    private static readonly (string Name, string Email, string Username)[] Creators =
    [
        ("Grace Hopper", "grace@sandbox.midx.test", "gracebakes"),
        ("Alan Turing", "alan@sandbox.midx.test", "alan.runs"),
        ("Katherine Johnson", "katherine@studio.test", "kj.orbits"),
        ("Margaret Hamilton", "margaret@studio.test", "apollo.margaret"),
        ("Tim Berners-Lee", "tim@web.test", "tbl.links"),
        ("Radia Perlman", "radia@net.test", "spanning.radia"),
        ("Linus Torvalds", "linus@kernel.test", "penguin.diaries"),
        ("Barbara Liskov", "barbara@mit.test", "liskov.subs"),
    ];

    private static readonly string[] Files =
        ["sourdough-timelapse.mp4", "morning-run.mov", "launch-day.mp4", "studio-tour.webm", "q-and-a.mp4", "recipe-01.mp4"];

    private static readonly (string Code, string Message)[] Failures =
    [
        ("spam_risk_text", "TikTok judged the caption to be spam."),
        ("duration_check_failed", "The video is longer than this creator may post (60 s)."),
        ("spam_risk_too_many_pending_share", "The creator already has 5 drafts waiting in their TikTok inbox."),
        ("upload_expired", "TikTok's upload URL expired before all chunks were sent."),
        ("internal", "TikTok had an internal problem while processing the video."),
    ];

    public Guid GraceId { get; private set; }
    public Guid FailedJobId { get; private set; }
    public Guid ScheduledJobId { get; private set; }
    public Guid PublishedJobId { get; private set; }

    /// <summary>Katherine's shared workspace: four members, her account and its posts, a pending and an expired invitation.</summary>
    public Guid StudioWorkspaceId { get; private set; }

    public static async Task<ConsoleSeed> AddToAsync(MidxAppFactory app, DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        var seed = new ConsoleSeed();
        await seed.FillAsync(db, now);
        return seed;
    }

    private async Task FillAsync(MidxDbContext db, DateTime now)
    {
        var random = new Random(7);
        var accounts = new List<TikTokAccount>();
        for (var i = 0; i < Creators.Length; i++)
        {
            var (name, email, username) = Creators[i];
            var existing = await db.Users.SingleOrDefaultAsync(u => u.Email == email);
            var user = existing ?? new User
            {
                GoogleSubject = "seed-" + username,
                Email = email,
                Name = name,
                CreatedAt = now.AddDays(-40 + i * 3),
                LastSeenAt = now.AddHours(-i * 5),
            };
            if (existing is null)
            {
                db.AddPerson(user);
            }

            user.IsDisabled = i == 7;
            var account = new TikTokAccount
            {
                UserId = user.Id,
                WorkspaceId = user.Id,
                OpenId = $"-000{i}OpenIdFromTikTok{i}",
                UnionId = $"union-{i}",
                Username = username,
                DisplayName = name,
                GrantedScopes = "user.info.basic,video.publish,video.upload",
                ConnectedAt = user.CreatedAt.AddMinutes(10),
                LastSeenAt = now.AddHours(-i),
                AccessTokenCipher = AccessCipher + i,
                AccessTokenExpiresAt = now.AddHours(20),
                RefreshTokenCipher = RefreshCipher + i,
                RefreshTokenExpiresAt = now.AddDays(300),
                LastRefreshedAt = now.AddHours(-4),
                TokenState = i == 3 ? TokenState.NeedsReconnect : TokenState.Active,
                TokenProblem = i == 3 ? "TikTok refused the refresh token (invalid_grant); the creator must reconnect." : null,
                RefreshFailures = i == 5 ? 3 : 0,
            };
            db.TikTokAccounts.Add(account);
            accounts.Add(account);
            if (i == 0)
            {
                GraceId = user.Id;
            }

            db.AuditEvents.Add(new AuditEvent { At = user.CreatedAt, Action = "account.signed-in", ActorUserId = user.Id, SubjectUserId = user.Id, Detail = "first sign-in" });
            db.AuditEvents.Add(new AuditEvent { At = account.ConnectedAt, Action = "tiktok.linked", ActorUserId = user.Id, SubjectUserId = user.Id, Detail = "@" + username });
        }

        AddWorkspaces(db, accounts, now);

        for (var day = 29; day >= 0; day--)
        {
            var perDay = 2 + random.Next(5) + (day < 7 ? 2 : 0);
            for (var n = 0; n < perDay; n++)
            {
                var account = accounts[random.Next(accounts.Count)];
                var created = now.Date.AddDays(-day).AddHours(7 + random.Next(14)).AddMinutes(random.Next(60));
                if (created > now)
                {
                    created = now.AddMinutes(-random.Next(5, 90));
                }

                var roll = random.Next(100);
                var state = roll < 62 ? JobState.Published : roll < 72 ? JobState.SentToInbox : roll < 90 ? JobState.Failed : JobState.Cancelled;
                AddJob(db, account, created, state, random, state == JobState.Failed ? Failures[random.Next(Failures.Length)] : null);
            }
        }

        var grace = accounts[0];
        FailedJobId = AddJob(db, grace, now.AddMinutes(-25), JobState.Failed, random, Failures[0]).Id;
        PublishedJobId = AddJob(db, grace, now.AddMinutes(-50), JobState.Published, random, null).Id;
        ScheduledJobId = AddJob(db, grace, now.AddMinutes(-15), JobState.Scheduled, random, null, scheduledAt: now.AddHours(6)).Id;
        AddJob(db, accounts[1], now.AddMinutes(-3), JobState.Uploading, random, null);
        AddJob(db, accounts[2], now.AddMinutes(-2), JobState.Queued, random, null);

        db.WorkerHeartbeats.AddRange(
            new WorkerHeartbeat { Id = "PublishWorker@web-1", Worker = "PublishWorker", Instance = "web-1", LastBeatAt = now.AddSeconds(-8), Interval = TimeSpan.FromSeconds(33), Detail = "2 jobs in flight" },
            new WorkerHeartbeat { Id = "MediaSweepWorker@web-1", Worker = "MediaSweepWorker", Instance = "web-1", LastBeatAt = now.AddMinutes(-25), Interval = TimeSpan.FromHours(1), Detail = "Last sweep deleted 0 files" },
            new WorkerHeartbeat { Id = "TokenRefresher@web-1", Worker = "TokenRefresher", Instance = "web-1", LastBeatAt = now.AddMinutes(-4), Interval = TimeSpan.FromSeconds(30), Detail = "1 refresh failing" },
            new WorkerHeartbeat { Id = "RetentionWorker@web-1", Worker = "RetentionWorker", Instance = "web-1", LastBeatAt = now.AddHours(-3), Interval = TimeSpan.FromDays(1) });
        await db.SaveChangesAsync();
    }

    /// <summary>Two shared workspaces beside everyone's personal one; Katherine's account (and so its posts) moves into hers.</summary>
    private void AddWorkspaces(MidxDbContext db, List<TikTokAccount> accounts, DateTime now)
    {
        var users = db.ChangeTracker.Entries<User>().Select(e => e.Entity).ToDictionary(u => u.Email);
        var (grace, alan, katherine, margaret) =
            (users["grace@sandbox.midx.test"], users["alan@sandbox.midx.test"], users["katherine@studio.test"], users["margaret@studio.test"]);

        var studio = db.AddWorkspace("Orbit Studio", katherine, now.AddDays(-20));
        db.AddMember(studio, margaret, WorkspaceRole.Publisher, now.AddDays(-19));
        db.AddMember(studio, grace, WorkspaceRole.Editor, now.AddDays(-12));
        db.AddMember(studio, alan, WorkspaceRole.Viewer, now.AddDays(-6));
        db.AddInvitation(studio, "new.hire@studio.test", katherine, now.AddDays(-1), WorkspaceRole.Editor, InvitationTokenHash);
        db.AddInvitation(studio, "late@studio.test", margaret, now.AddDays(-10), WorkspaceRole.Viewer, expiresAt: now.AddDays(-3));
        accounts[2].In(studio);
        StudioWorkspaceId = studio.Id;

        var bakery = db.AddWorkspace("Night Shift Bakery", grace, now.AddDays(-2), inboxDraftsOnly: true);
        db.AddInvitation(bakery, "baker@web.test", grace, now.AddHours(-5), WorkspaceRole.Publisher);
    }

    private static PublishJob AddJob(
        MidxDbContext db, TikTokAccount account, DateTime created, JobState state, Random random, (string Code, string Message)? failure,
        DateTime? scheduledAt = null)
    {
        var mode = state == JobState.SentToInbox || random.Next(5) == 0 ? PublishMode.Inbox : PublishMode.Direct;
        var fromUrl = random.Next(6) == 0;
        var job = new PublishJob
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(created)),
            UserId = account.UserId,
            WorkspaceId = account.WorkspaceId,
            TikTokAccountId = account.Id,
            Mode = mode,
            Source = fromUrl ? VideoSource.Url : VideoSource.File,
            FileName = fromUrl ? null : Files[random.Next(Files.Length)],
            SourceUrl = fromUrl ? "https://media.studio.test/uploads/launch-day.mp4" : null,
            FileSize = 4_000_000 + random.Next(180_000_000),
            MimeType = "video/mp4",
            DurationMs = 8_000 + random.Next(50_000),
            Caption = "Behind the scenes of this week's bake #sourdough #breadtok",
            PrivacyLevel = mode == PublishMode.Direct ? "PUBLIC_TO_EVERYONE" : null,
            DisableDuet = random.Next(3) == 0,
            CoverTimestampMs = 1_500,
            BrandOrganicToggle = random.Next(8) == 0,
            ScheduledAt = scheduledAt,
            State = state,
            CreatedAt = created,
            UpdatedAt = created,
            SubmissionKey = Guid.NewGuid().ToString("N"),
            UploadUrl = "https://open-upload.tiktokapis.test/video/?" + UploadUrlSecret,
            MediaPath = "/var/midx/media/" + Guid.NewGuid().ToString("N"),
        };
        db.PublishJobs.Add(job);
        db.ConsentRecords.Add(new ConsentRecord
        {
            JobId = job.Id,
            UserId = account.UserId!.Value,
            AgreedAt = created,
            CreatorNickname = account.DisplayName ?? "Creator",
            CreatorUsername = account.Username,
            DeclarationText = "By posting, you agree to TikTok's Music Usage Confirmation.",
            ShownJson = """{"privacy_options":["PUBLIC_TO_EVERYONE","MUTUAL_FOLLOW_FRIENDS","SELF_ONLY"],"comment_disabled":false,"max_video_post_duration_sec":600,"commercial_content":"off"}""",
        });

        var at = created;
        void Step(JobState s, TimeSpan after, string? tiktok = null, string? message = null, string? code = null, string? log = null, long? bytes = null)
        {
            at += after;
            db.PublishEvents.Add(new PublishEvent { JobId = job.Id, At = at, State = s, TikTokStatus = tiktok, Message = message, ErrorCode = code, LogId = log, BytesUploaded = bytes });
        }

        Step(scheduledAt is null ? JobState.Queued : JobState.Scheduled, TimeSpan.Zero);
        if (state is JobState.Scheduled or JobState.Queued)
        {
            return job;
        }

        if (state == JobState.Cancelled)
        {
            Step(JobState.Cancelled, TimeSpan.FromMinutes(3), message: "Cancelled by the creator.");
            job.UpdatedAt = at;
            job.CompletedAt = at;
            return job;
        }

        Step(JobState.Initializing, TimeSpan.FromSeconds(2));
        Step(JobState.Uploading, TimeSpan.FromSeconds(1), "PROCESSING_UPLOAD", bytes: job.FileSize / 2);
        if (state == JobState.Uploading)
        {
            job.UpdatedAt = at;
            return job;
        }

        Step(JobState.Processing, TimeSpan.FromSeconds(9 + random.Next(40)), "PROCESSING_UPLOAD", bytes: job.FileSize);
        job.PublishId = "v_pub_file~v2-1." + random.NextInt64(1_000_000_000, 9_999_999_999);
        job.BytesUploaded = job.FileSize;
        var log = "2026112209" + random.NextInt64(100_000_000, 999_999_999) + "CB9319E1FB";
        if (failure is { } f)
        {
            Step(JobState.Failed, TimeSpan.FromSeconds(20 + random.Next(60)), "FAILED", f.Message, f.Code, log);
            job.ErrorCode = f.Code;
            job.ErrorMessage = f.Message;
            job.ErrorLogId = log;
            job.TikTokStatus = "FAILED";
        }
        else if (state == JobState.SentToInbox)
        {
            Step(JobState.SentToInbox, TimeSpan.FromSeconds(25 + random.Next(40)), "SEND_TO_USER_INBOX", "Sent to the creator's TikTok inbox.");
            job.TikTokStatus = "SEND_TO_USER_INBOX";
        }
        else
        {
            Step(JobState.Published, TimeSpan.FromSeconds(25 + random.Next(90)), "PUBLISH_COMPLETE", "Published on TikTok.");
            job.TikTokStatus = "PUBLISH_COMPLETE";
            job.PublicPostId = random.NextInt64(7_000_000_000_000_000_000, 7_400_000_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        job.UpdatedAt = at;
            job.CompletedAt = at;
        return job;
    }
}
