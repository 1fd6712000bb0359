using System.Reflection;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Midx.App.Publishing;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>
/// The compose page's video picker over bunit's JavaScript interop standing in for js/video-upload.js: what it refuses
/// before a byte is sent, what it asks the module to send and where, and how it reads the module's reports
/// (OnUploadProgress, OnUploadChecking, OnUploadFinished) into a summary or the problem the page shows.
/// </summary>
public sealed class ComposeVideoPickerTests : MudBlazorTestContext
{
    private const string ModulePath = "./js/video-upload.js";

    private const int MaxDurationSec = 60;

    private static readonly Guid AccountId = Guid.Parse("0b7a4e8e-52f4-4d8c-9a61-3f1f2a7e9c01");

    private static readonly UploadEndpoints.UploadResponse Stored = new(
        "5f0c7d2e9b8a4c6d8e1f2a3b4c5d6e7f", "clip.mp4", 9582, "video/mp4", 12300, "/uploads/5f0c7d2e9b8a4c6d8e1f2a3b4c5d6e7f");

    private readonly ComposeDraft _draft = new();
    private readonly List<string?> _problems = [];
    private readonly BunitJSModuleInterop _module;
    private int _changes;

    public ComposeVideoPickerTests()
    {
        _module = Context.JSInterop.SetupModule(ModulePath);
        _module.SetupVoid("send", _ => true).SetVoidResult();
        _module.SetupVoid("abort", _ => true).SetVoidResult();
    }

    [Fact]
    public void Render_SaysTheCreatorsLongestVideoAndNothingIsUnderWay()
    {
        var cut = RenderPicker();

        Assert.Contains("at most 60 seconds long for this account", Text(cut.Find("[data-source-file]")));
        Assert.False(cut.Find("input[type=file][data-upload-input]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-upload-status]"));
        Assert.Empty(cut.FindAll("[data-upload-summary]"));
    }

    [Fact]
    public void PickAnEmptyFile_IsRefusedWithoutSending()
    {
        var cut = RenderPicker();

        Pick(cut, "empty.mp4", size: 0, durationSeconds: null);

        Assert.Equal([VideoErrors.Empty.Message], _problems);
        Assert.Empty(SendCalls());
        Assert.Empty(cut.FindAll("[data-upload-status]"));
    }

    [Fact]
    public void PickAFileTooLongForTheCreator_IsRefusedWithBothLengthsWithoutSending()
    {
        var cut = RenderPicker();

        Pick(cut, "long.mp4", size: 9582, durationSeconds: 90.2);

        Assert.Equal([VideoErrors.TooLong(TimeSpan.FromSeconds(90.2), MaxDurationSec).Message], _problems);
        Assert.Empty(SendCalls());
    }

    [Fact]
    public void PickAFileOverTheSizeLimit_IsRefusedWithoutSending()
    {
        var cut = RenderPicker();

        Pick(cut, "huge.mp4", size: VideoLimits.MaxBytes + 1, durationSeconds: 30);

        Assert.Equal([VideoErrors.TooLarge.Message], _problems);
        Assert.Empty(SendCalls());
    }

    [Fact]
    public void ARefusal_IsShownAsTheProblemThePageHandsBack()
    {
        var cut = RenderPicker();
        Pick(cut, "empty.mp4", size: 0, durationSeconds: null);

        Redraw(cut);

        Assert.Equal(VideoErrors.Empty.Message, Text(cut.Find("[data-upload-error]")));
    }

    [Fact]
    public void PickAGoodFile_SendsItToTheAccountsUploadEndpointWithTheAntiforgeryToken()
    {
        var cut = RenderPicker();

        // Half a second over is the browser's rounding, not a longer video.
        Pick(cut, "clip.mp4", size: 9582, durationSeconds: MaxDurationSec + 0.4);

        var send = Assert.Single(SendCalls());
        Assert.IsType<ElementReference>(send.Arguments[0]);
        Assert.Equal(UploadEndpoints.FormAction(AccountId), send.Arguments[1]);
        Assert.Equal(AntiforgeryToken, send.Arguments[2]);
        Assert.IsType<DotNetObjectReference<ComposeVideoPicker>>(send.Arguments[3]);
        Assert.Equal([null], _problems);
        Assert.True(_changes > 0);
        Assert.Equal("clip.mp4", Text(cut.Find("[data-upload-name]")));
        Assert.Equal("0 bytes of 9.4 KB (0%)", Text(cut.Find("[data-upload-progress-text]")));
        Assert.True(cut.Find("[data-upload-input]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Progress_ThenChecking_AreShownAsTheModuleReportsThem()
    {
        var cut = RenderPicker();
        Pick(cut, "clip.mp4", size: 9582, durationSeconds: 12.3);

        await cut.InvokeAsync(() => cut.Instance.OnUploadProgress(4791, 9582));

        Assert.Equal("4.7 KB of 9.4 KB (50%)", Text(cut.Find("[data-upload-progress-text]")));
        Assert.Equal("50", cut.Find("[data-upload-progress]").GetAttribute("data-value"));

        await cut.InvokeAsync(() => cut.Instance.OnUploadChecking());

        Assert.Equal("Checking the video…", Text(cut.Find("[data-upload-progress-text]")));
    }

    [Fact]
    public async Task Finished201_KeepsTheStoredVideoInTheDraftAndSummarisesIt()
    {
        var cut = RenderPicker();
        Pick(cut, "clip.mp4", size: 9582, durationSeconds: 12.3);

        await cut.InvokeAsync(() => cut.Instance.OnUploadFinished(201, JsonSerializer.Serialize(Stored, JsonSerializerOptions.Web)));

        Assert.Equal(Stored, _draft.Video);
        Assert.Equal([null, null], _problems);
        Redraw(cut);
        Assert.Empty(cut.FindAll("[data-upload-error]"));
        Assert.Equal("clip.mp4 · 9.4 KB · 13 seconds", Text(cut.Find("[data-upload-summary]")));
        Assert.Equal(Stored.Id, cut.Find("input[data-upload-id]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-upload-status]"));
        Assert.False(cut.Find("[data-upload-input]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(-1, "upload_cancelled")]
    [InlineData(0, "upload_connection_lost")]
    public async Task FinishedWithoutAnAnswer_ReportsCancelOrBrokenConnection(int status, string code)
    {
        var cut = RenderPicker();
        Pick(cut, "clip.mp4", size: 9582, durationSeconds: 12.3);

        await cut.InvokeAsync(() => cut.Instance.OnUploadFinished(status, null));

        var expected = status == -1 ? ErrorCatalog.UploadCancelled : ErrorCatalog.UploadConnectionLost;
        Assert.Equal(code, expected.Value);
        Assert.Equal(expected.Message, _problems.Last());
        Assert.Null(_draft.Video);
        Redraw(cut);
        Assert.Equal(expected.Message, Text(cut.Find("[data-upload-error]")));
        Assert.Empty(cut.FindAll("[data-upload-status]"));
        Assert.Empty(cut.FindAll("[data-upload-summary]"));
    }

    [Fact]
    public async Task Finished422_ShowsTheEndpointsOwnWords()
    {
        var cut = RenderPicker();
        Pick(cut, "notes.mp4", size: 9582, durationSeconds: null);
        var refusal = new PublishingError(ErrorCatalog.NotAVideo, "This file is a PDF renamed to .mp4. " + ErrorCatalog.NotAVideo.ToDo);
        var body = JsonSerializer.Serialize(refusal, JsonSerializerOptions.Web);
        Assert.Contains("\"code\":\"not_a_video\"", body);

        await cut.InvokeAsync(() => cut.Instance.OnUploadFinished(422, body));

        Assert.Equal(refusal.Message, _problems.Last());
        Assert.Null(_draft.Video);
        Redraw(cut);
        Assert.Equal(refusal.Message, Text(cut.Find("[data-upload-error]")));
    }

    [Theory]
    [InlineData(502, "<html><body>Bad gateway</body></html>")]
    [InlineData(201, "not json")]
    [InlineData(500, null)]
    public async Task FinishedWithAnAnswerItCannotRead_SaysTheUploadDidNotWork(int status, string? body)
    {
        var cut = RenderPicker();
        Pick(cut, "clip.mp4", size: 9582, durationSeconds: 12.3);

        await cut.InvokeAsync(() => cut.Instance.OnUploadFinished(status, body));

        Assert.Equal(ErrorCatalog.UploadFailed.Message, _problems.Last());
        Assert.Null(_draft.Video);
    }

    [Fact]
    public void CancelUpload_AsksTheModuleToAbortThatInput()
    {
        var cut = RenderPicker();
        Pick(cut, "clip.mp4", size: 9582, durationSeconds: 12.3);

        cut.FindAll("[data-upload-status] button").Single(b => Text(b) == "Cancel upload").Click();

        var abort = Assert.Single(Context.JSInterop.Invocations, i => i.Identifier == "abort");
        Assert.Equal(SendCalls().Single().Arguments[0], abort.Arguments[0]);
    }

    [Fact]
    public void PickNothing_ChangesNothing()
    {
        var cut = RenderPicker();
        SetupInspect(null);

        cut.Find("[data-upload-input]").Change("");

        Assert.Empty(_problems);
        Assert.Empty(SendCalls());
    }

    private IRenderedComponent<ComposeVideoPicker> RenderPicker() => Render<ComposeVideoPicker>(p => p
        .Add(x => x.Draft, _draft)
        .Add(x => x.AccountId, AccountId)
        .Add(x => x.MaxDurationSec, MaxDurationSec)
        .Add(x => x.Errors, new Dictionary<string, string>())
        .Add(x => x.ProblemChanged, problem => _problems.Add(problem))
        .Add(x => x.Changed, () => _changes++));

    /// <summary>
    /// What ComposePage does with the picker's reports: it hands the last problem back (<c>@bind-Problem</c>) and redraws
    /// on <c>Changed</c>, which is what shows a finished upload (OnUploadFinished does not redraw the picker itself).
    /// </summary>
    private void Redraw(IRenderedComponent<ComposeVideoPicker> cut) => cut.Render(p => p.Add(x => x.Problem, _problems.LastOrDefault()));

    /// <summary>Picks a file as the browser would report it through the module's <c>inspect</c>.</summary>
    private void Pick(IRenderedComponent<ComposeVideoPicker> cut, string name, long size, double? durationSeconds)
    {
        SetupInspect(new { name, size, type = "video/mp4", durationSeconds });
        cut.Find("[data-upload-input]").Change(@"C:\fakepath\" + name);
    }

    private List<JSRuntimeInvocation> SendCalls() => Context.JSInterop.Invocations.Where(i => i.Identifier == "send").ToList();

    /// <summary>
    /// Plans <c>inspect</c>'s answer. The picker reads it into its own private record, so the planned result is that
    /// type, read from the same JSON the module's object would be.
    /// </summary>
    private void SetupInspect(object? file)
    {
        var picked = typeof(ComposeVideoPicker).GetNestedType("PickedFile", BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("ComposeVideoPicker no longer reads inspect into PickedFile.");
        var result = file is null ? null : JsonSerializer.Deserialize(JsonSerializer.Serialize(file), picked, JsonSerializerOptions.Web);
        var setup = typeof(BunitJSInteropSetupExtensions).GetMethods()
            .Single(m => m.Name == nameof(BunitJSInteropSetupExtensions.Setup) && m.GetParameters() is [_, { ParameterType: var id }, { ParameterType: var matcher }]
                && id == typeof(string) && matcher == typeof(InvocationMatcher))
            .MakeGenericMethod(picked);
        var handler = setup.Invoke(null, [_module, "inspect", (InvocationMatcher)(_ => true)])!;
        handler.GetType().GetMethod("SetResult")!.Invoke(handler, [result]);
    }
}
