-- Fills a migrated Midx SQLite database with the admin console's scale target: 100,000 users with one linked
-- TikTok account each, 1,000,000 publish jobs over the past year, each with a 4-step status history (4,000,000
-- events), and 200,000 audit events. Set-based INSERT ... SELECT from recursive CTEs: no row crosses a process boundary.
-- Formats follow EF Core's SQLite mapping: GUIDs as upper-case text, timestamps as 'yyyy-MM-dd HH:mm:ss', enums by name.
PRAGMA synchronous = OFF;
PRAGMA temp_store = MEMORY;
PRAGMA cache_size = -262144;

CREATE TEMP TABLE bench_now AS SELECT unixepoch('now') AS t;

BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO Users (Id, GoogleSubject, Email, Name, AvatarUrl, IsAdmin, IsDisabled, SecurityStamp, CreatedAt, LastSeenAt)
SELECT printf('00000001-0000-7000-8000-%012X', i), 'bench-' || i, 'user' || i || '@bench.test', 'Bench Creator ' || i, NULL,
       0, i % 500 = 0, lower(hex(randomblob(16))),
       datetime((SELECT t FROM bench_now) - 400 * 86400 + i * 300, 'unixepoch'),
       datetime((SELECT t FROM bench_now) - (i % 30) * 86400, 'unixepoch')
FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO TikTokAccounts (Id, UserId, OpenId, UnionId, Username, DisplayName, AvatarUrl, GrantedScopes, ConnectedAt, LastSeenAt,
                            AccessTokenCipher, AccessTokenExpiresAt, RefreshTokenCipher, RefreshTokenExpiresAt, TokenState,
                            TokenProblem, LastRefreshedAt, RefreshFailures, NextRefreshAttemptAt)
SELECT printf('00000002-0000-7000-8000-%012X', i), printf('00000001-0000-7000-8000-%012X', i), 'open-' || i, 'union-' || i,
       'creator' || i, 'Creator ' || i, NULL, 'user.info.basic,video.publish,video.upload',
       datetime((SELECT t FROM bench_now) - 390 * 86400 + i * 300, 'unixepoch'),
       datetime((SELECT t FROM bench_now) - (i % 30) * 86400, 'unixepoch'),
       'bench-not-a-real-ciphertext', datetime((SELECT t FROM bench_now) + 3600 * (i % 24) - 3600, 'unixepoch'),
       'bench-not-a-real-ciphertext', datetime((SELECT t FROM bench_now) + 300 * 86400, 'unixepoch'),
       CASE WHEN i % 200 = 0 THEN 'NeedsReconnect' ELSE 'Active' END,
       CASE WHEN i % 200 = 0 THEN 'TikTok refused the refresh token (invalid_grant).' END,
       datetime((SELECT t FROM bench_now) - 4 * 3600, 'unixepoch'), CASE WHEN i % 150 = 0 THEN 2 ELSE 0 END, NULL
FROM n;
COMMIT;

-- Job n (1 = newest) was created n * 31.5 s ago, so a million jobs span a year; about 2,700 a day.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000),
j AS (
  SELECT i, (i * 7919) % 100000 + 1 AS u, (SELECT t FROM bench_now) - i * 31 - i / 2 AS created,
         CASE WHEN i <= 40 THEN 'Queued' WHEN i <= 80 THEN 'Scheduled'
              WHEN i % 100 < 70 THEN 'Published' WHEN i % 100 < 80 THEN 'SentToInbox'
              WHEN i % 100 < 92 THEN 'Failed' ELSE 'Cancelled' END AS state
  FROM n)
INSERT INTO PublishJobs (Id, UserId, TikTokAccountId, Mode, Source, FileName, FileSize, MimeType, MediaPath, SourceUrl, DurationMs,
                         Caption, PrivacyLevel, DisableComment, DisableDuet, DisableStitch, CoverTimestampMs, BrandContentToggle,
                         BrandOrganicToggle, IsAigc, ScheduledAt, State, CreatedAt, UpdatedAt, CompletedAt, InitStartedAt, PublishId,
                         UploadUrl, BytesUploaded, TikTokStatus, PublicPostId, NextPollAt, ErrorCode, ErrorMessage, ErrorLogId,
                         LeaseOwner, LeaseExpiresAt, RetryOfJobId, SubmissionKey)
SELECT printf('00000003-0000-7000-8000-%012X', i), printf('00000001-0000-7000-8000-%012X', u), printf('00000002-0000-7000-8000-%012X', u),
       CASE WHEN i % 100 BETWEEN 70 AND 79 THEN 'Inbox' ELSE 'Direct' END,
       CASE WHEN i % 7 = 0 THEN 'Url' ELSE 'File' END,
       CASE WHEN i % 7 = 0 THEN NULL ELSE 'video-' || i || '.mp4' END, 5000000 + (i % 997) * 100000, 'video/mp4', NULL,
       CASE WHEN i % 7 = 0 THEN 'https://media.bench.test/' || i || '.mp4' END, 15000 + i % 45000,
       'Bench caption ' || i, 'PUBLIC_TO_EVERYONE', 0, i % 3 = 0, 0, 1000, 0, i % 9 = 0, 0,
       CASE WHEN state = 'Scheduled' THEN datetime((SELECT t FROM bench_now) + i * 600, 'unixepoch') END,
       state, datetime(created, 'unixepoch'), datetime(created + 95, 'unixepoch'),
       CASE WHEN state IN ('Queued', 'Scheduled') THEN NULL ELSE datetime(created + 95, 'unixepoch') END,
       NULL, CASE WHEN state IN ('Queued', 'Scheduled') THEN NULL ELSE 'v_pub_file~v2-1.' || i END, NULL, 0,
       NULL, NULL, NULL,
       CASE WHEN state = 'Failed' THEN
         CASE (i / 100) % 6 WHEN 0 THEN 'spam_risk_text' WHEN 1 THEN 'duration_check_failed' WHEN 2 THEN 'internal'
                            WHEN 3 THEN 'upload_expired' WHEN 4 THEN 'spam_risk_too_many_posts' ELSE 'picture_size_check_failed' END END,
       CASE WHEN state = 'Failed' THEN 'TikTok said no (bench).' END,
       CASE WHEN state = 'Failed' THEN '20261122' || printf('%012d', i) END,
       NULL, NULL, NULL, 'bench-' || i
FROM j;
COMMIT;

BEGIN;
WITH RECURSIVE k(step) AS (SELECT 0 UNION ALL SELECT step + 1 FROM k WHERE step < 3)
INSERT INTO PublishEvents (Id, JobId, At, State, TikTokStatus, BytesUploaded, Message, ErrorCode, LogId)
SELECT printf('00000004-0000-7000-%04X-%012X', k.step, j.rowid),
       j.Id, datetime(unixepoch(j.CreatedAt) + k.step * 30, 'unixepoch'),
       CASE k.step WHEN 0 THEN 'Queued' WHEN 1 THEN 'Initializing' WHEN 2 THEN 'Uploading' ELSE j.State END,
       NULL, NULL, NULL, CASE WHEN k.step = 3 THEN j.ErrorCode END, CASE WHEN k.step = 3 THEN j.ErrorLogId END
FROM PublishJobs j CROSS JOIN k
WHERE j.SubmissionKey LIKE 'bench-%' AND (j.State NOT IN ('Queued', 'Scheduled') OR k.step = 0);
COMMIT;

BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO AuditEvents (Id, At, ActorUserId, SubjectUserId, Action, Detail)
SELECT printf('00000005-0000-7000-8000-%012X', i), datetime((SELECT t FROM bench_now) - i * 38, 'unixepoch'),
       printf('00000001-0000-7000-8000-%012X', (i * 31) % 100000 + 1), printf('00000001-0000-7000-8000-%012X', (i * 31) % 100000 + 1),
       CASE i % 4 WHEN 0 THEN 'account.signed-in' WHEN 1 THEN 'tiktok.linked' WHEN 2 THEN 'publish.requested' ELSE 'account.signed-out' END, NULL
FROM n;
COMMIT;

INSERT OR REPLACE INTO WorkerHeartbeats (Id, Worker, Instance, LastBeatAt, Detail)
VALUES ('PublishWorker@bench', 'PublishWorker', 'bench', datetime('now'), NULL);
ANALYZE;
