using AngleSharp.Html.Parser;

namespace Midx.Tests.Support;

/// <summary>Posts a page's form the way a browser would: with the antiforgery token the page rendered for it.</summary>
public static class AntiforgeryForms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The token of the form posting to <paramref name="action"/> (or of any form when null) in <paramref name="html"/>.</summary>
    public static string Token(string html, string? action = null)
    {
        var scope = action is null ? "" : $"form[action='{action}'] ";
        return new HtmlParser().ParseDocument(html).QuerySelector($"{scope}input[name={TokenField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The page has no antiforgery token for {action ?? "any form"}.");
    }

    /// <summary>GETs <paramref name="page"/>, then POSTs <paramref name="fields"/> with its token to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = Token(await client.GetStringAsync(page), action);
        var content = new FormUrlEncodedContent([new(TokenField, token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(action, content);
    }

    /// <summary>
    /// POSTs a form that only exists once a dialog is open on <paramref name="page"/> (a disconnect, a deletion): the
    /// circuit renders it with the page's own antiforgery token, so the token of any form on the page is the one it carries.
    /// </summary>
    public static async Task<HttpResponseMessage> PostDialogFormAsync(
        this HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = Token(await client.GetStringAsync(page));
        var content = new FormUrlEncodedContent([new(TokenField, token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(action, content);
    }
}
