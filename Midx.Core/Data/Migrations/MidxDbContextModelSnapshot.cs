using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Midx.Core.Data.Migrations;

[DbContext(typeof(MidxDbContext))]
public sealed class MidxDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.14");

        modelBuilder.Entity("Midx.Core.Accounts.User", b =>
            {
                b.Property<Guid>("Id")
                    .ValueGeneratedNever();

                b.Property<string>("AvatarUrl")
                    .HasMaxLength(2048);

                b.Property<DateTime>("CreatedAt");

                b.Property<string>("Email")
                    .IsRequired()
                    .HasMaxLength(320);

                b.Property<string>("GoogleSubject")
                    .IsRequired()
                    .HasMaxLength(255);

                b.Property<bool>("IsAdmin");

                b.Property<bool>("IsDisabled");

                b.Property<DateTime>("LastSeenAt");

                b.Property<string>("Name")
                    .IsRequired()
                    .HasMaxLength(200);

                b.Property<string>("SecurityStamp")
                    .IsRequired()
                    .HasMaxLength(64);

                b.HasKey("Id");

                b.HasIndex("Email");

                b.HasIndex("GoogleSubject")
                    .IsUnique();

                b.ToTable("Users");
            });

        modelBuilder.Entity("Midx.Core.Admin.AuditEvent", b =>
            {
                b.Property<Guid>("Id")
                    .ValueGeneratedNever();

                b.Property<string>("Action")
                    .IsRequired()
                    .HasMaxLength(64);

                b.Property<Guid?>("ActorUserId");

                b.Property<DateTime>("At");

                b.Property<string>("Detail")
                    .HasMaxLength(1000);

                b.Property<Guid?>("SubjectUserId");

                b.HasKey("Id");

                b.HasIndex("At");

                b.HasIndex("Action", "At");

                b.HasIndex("ActorUserId", "At");

                b.HasIndex("SubjectUserId", "At");

                b.ToTable("AuditEvents");
            });

        modelBuilder.Entity("Midx.Core.Admin.WorkerHeartbeat", b =>
            {
                b.Property<string>("Id")
                    .ValueGeneratedNever()
                    .IsRequired()
                    .HasMaxLength(200);

                b.Property<string>("Detail")
                    .HasMaxLength(500);

                b.Property<string>("Instance")
                    .IsRequired()
                    .HasMaxLength(100);

                b.Property<DateTime>("LastBeatAt");

                b.Property<string>("Worker")
                    .IsRequired()
                    .HasMaxLength(100);

                b.HasKey("Id");

                b.ToTable("WorkerHeartbeats");
            });

        modelBuilder.Entity("Midx.Core.Data.DataProtectionKey", b =>
            {
                b.Property<Guid>("Id")
                    .ValueGeneratedNever();

                b.Property<string>("FriendlyName")
                    .IsRequired()
                    .HasMaxLength(200);

                b.Property<string>("Xml")
                    .IsRequired();

                b.HasKey("Id");

                b.ToTable("DataProtectionKeys");
            });

        modelBuilder.Entity("Midx.Core.Publishing.ConsentRecord", b =>
            {
                b.Property<Guid>("Id")
                    .ValueGeneratedNever();

                b.Property<DateTime>("AgreedAt");

                b.Property<string>("CreatorNickname")
                    .IsRequired()
                    .HasMaxLength(200);

                b.Property<string>("CreatorUsername")
                    .HasMaxLength(100);

                b.Property<string>("DeclarationText")
                    .IsRequired()
                    .HasMaxLength(1000);

                b.Property<Guid>("JobId");

                b.Property<string>("ShownJson")
                    .IsRequired();

                b.Property<Guid>("UserId");

                b.HasKey("Id");

                b.HasIndex("JobId")
                    .IsUnique();

                b.HasIndex("UserId");

                b.ToTable("ConsentRecords");
            });

        modelBuilder.Entity("Midx.Core.Publishing.PublishEvent", b =>
            {
                b.Property<Guid>("Id")
                    .ValueGeneratedNever();

                b.Property<DateTime>("At");

                b.Property<long?>("BytesUploaded");

                b.Property<string>("ErrorCode")
                    .HasMaxLength(100);

                b.Property<Guid>("JobId");

                b.Property<string>("LogId")
                    .HasMaxLength(100);

                b.Property<string>("Message")
                    .HasMaxLength(1000);

                b.Property<string>("State")
                    .IsRequired()
                    .HasMaxLength(32);

                b.Property<string>("TikTokStatus")
                    .HasMaxLength(64);

                b.HasKey("Id");

                b.HasIndex("At");

                b.HasIndex("JobId", "At");

                b.ToTable("PublishEvents");
            });

        modelBuilder.Entity("Midx.Core.Publishing.PublishJob", b =>
            {
                b.Property<Guid>("Id")
                    .ValueGeneratedNever();

                b.Property<bool>("BrandContentToggle");

                b.Property<bool>("BrandOrganicToggle");

                b.Property<long>("BytesUploaded");

                b.Property<string>("Caption")
                    .IsRequired()
                    .HasMaxLength(2200);

                b.Property<DateTime?>("CompletedAt");

                b.Property<int?>("CoverTimestampMs");

                b.Property<DateTime>("CreatedAt");

                b.Property<bool>("DisableComment");

                b.Property<bool>("DisableDuet");

                b.Property<bool>("DisableStitch");

                b.Property<int?>("DurationMs");

                b.Property<string>("ErrorCode")
                    .HasMaxLength(100);

                b.Property<string>("ErrorLogId")
                    .HasMaxLength(100);

                b.Property<string>("ErrorMessage")
                    .HasMaxLength(1000);

                b.Property<string>("FileName")
                    .HasMaxLength(255);

                b.Property<long>("FileSize");

                b.Property<DateTime?>("InitStartedAt");

                b.Property<bool>("IsAigc");

                b.Property<DateTime?>("LeaseExpiresAt");

                b.Property<string>("LeaseOwner")
                    .HasMaxLength(100);

                b.Property<string>("MediaPath")
                    .HasMaxLength(1024);

                b.Property<string>("MimeType")
                    .HasMaxLength(100);

                b.Property<string>("Mode")
                    .IsRequired()
                    .HasMaxLength(16);

                b.Property<DateTime?>("NextPollAt");

                b.Property<string>("PrivacyLevel")
                    .HasMaxLength(64);

                b.Property<string>("PublicPostId")
                    .HasMaxLength(64);

                b.Property<string>("PublishId")
                    .HasMaxLength(128);

                b.Property<Guid?>("RetryOfJobId");

                b.Property<DateTime?>("ScheduledAt");

                b.Property<string>("Source")
                    .IsRequired()
                    .HasMaxLength(16);

                b.Property<string>("SourceUrl")
                    .HasMaxLength(2048);

                b.Property<string>("State")
                    .IsConcurrencyToken()
                    .IsRequired()
                    .HasMaxLength(32);

                b.Property<string>("SubmissionKey")
                    .IsRequired()
                    .HasMaxLength(64);

                b.Property<Guid?>("TikTokAccountId");

                b.Property<string>("TikTokStatus")
                    .HasMaxLength(64);

                b.Property<DateTime>("UpdatedAt");

                b.Property<string>("UploadUrl")
                    .HasMaxLength(2048);

                b.Property<Guid>("UserId");

                b.HasKey("Id");

                b.HasIndex("ErrorCode");

                b.HasIndex("TikTokAccountId");

                b.HasIndex("CreatedAt", "Id");

                b.HasIndex("ErrorCode", "CreatedAt");

                b.HasIndex("State", "CreatedAt");

                b.HasIndex("State", "ScheduledAt");

                b.HasIndex("State", "UpdatedAt");

                b.HasIndex("TikTokAccountId", "CreatedAt");

                b.HasIndex("UserId", "CreatedAt");

                b.HasIndex("UserId", "SubmissionKey")
                    .IsUnique();

                b.ToTable("PublishJobs");
            });

        modelBuilder.Entity("Midx.Core.TikTok.OAuthLinkState", b =>
            {
                b.Property<string>("Id")
                    .ValueGeneratedNever()
                    .IsRequired()
                    .HasMaxLength(128);

                b.Property<string>("CodeVerifier")
                    .IsRequired()
                    .HasMaxLength(128);

                b.Property<DateTime>("CreatedAt");

                b.Property<DateTime>("ExpiresAt");

                b.Property<Guid>("UserId");

                b.HasKey("Id");

                b.HasIndex("ExpiresAt");

                b.HasIndex("UserId");

                b.ToTable("OAuthLinkStates");
            });

        modelBuilder.Entity("Midx.Core.TikTok.TikTokAccount", b =>
            {
                b.Property<Guid>("Id")
                    .ValueGeneratedNever();

                b.Property<string>("AccessTokenCipher");

                b.Property<DateTime?>("AccessTokenExpiresAt");

                b.Property<string>("AvatarUrl")
                    .HasMaxLength(2048);

                b.Property<DateTime>("ConnectedAt");

                b.Property<string>("DisplayName")
                    .HasMaxLength(200);

                b.Property<string>("GrantedScopes")
                    .IsRequired()
                    .HasMaxLength(500);

                b.Property<DateTime?>("LastRefreshedAt");

                b.Property<DateTime>("LastSeenAt");

                b.Property<DateTime?>("NextRefreshAttemptAt");

                b.Property<DateTime?>("NextStatusPollAt");

                b.Property<string>("OpenId")
                    .IsRequired()
                    .HasMaxLength(128);

                b.Property<int>("RefreshFailures");

                b.Property<string>("RefreshTokenCipher");

                b.Property<DateTime?>("RefreshTokenExpiresAt");

                b.Property<string>("TokenProblem")
                    .HasMaxLength(500);

                b.Property<string>("TokenState")
                    .IsRequired()
                    .HasMaxLength(32);

                b.Property<string>("UnionId")
                    .HasMaxLength(128);

                b.Property<Guid>("UserId");

                b.Property<string>("Username")
                    .HasMaxLength(100);

                b.HasKey("Id");

                b.HasIndex("OpenId")
                    .IsUnique();

                b.HasIndex("UserId");

                b.HasIndex("TokenState", "AccessTokenExpiresAt");

                b.HasIndex("TokenState", "RefreshFailures");

                b.ToTable("TikTokAccounts");
            });

        modelBuilder.Entity("Midx.Core.Publishing.ConsentRecord", b =>
            {
                b.HasOne("Midx.Core.Publishing.PublishJob", null)
                    .WithMany()
                    .HasForeignKey("JobId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();

            });

        modelBuilder.Entity("Midx.Core.Publishing.PublishEvent", b =>
            {
                b.HasOne("Midx.Core.Publishing.PublishJob", null)
                    .WithMany()
                    .HasForeignKey("JobId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();

            });

        modelBuilder.Entity("Midx.Core.Publishing.PublishJob", b =>
            {
                b.HasOne("Midx.Core.TikTok.TikTokAccount", null)
                    .WithMany()
                    .HasForeignKey("TikTokAccountId")
                    .OnDelete(DeleteBehavior.SetNull);

                b.HasOne("Midx.Core.Accounts.User", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();

            });

        modelBuilder.Entity("Midx.Core.TikTok.OAuthLinkState", b =>
            {
                b.HasOne("Midx.Core.Accounts.User", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();

            });

        modelBuilder.Entity("Midx.Core.TikTok.TikTokAccount", b =>
            {
                b.HasOne("Midx.Core.Accounts.User", null)
                    .WithMany()
                    .HasForeignKey("UserId")
                    .OnDelete(DeleteBehavior.Cascade)
                    .IsRequired();

            });
    }
}
