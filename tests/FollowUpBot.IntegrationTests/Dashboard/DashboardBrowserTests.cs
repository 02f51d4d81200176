using System.Diagnostics;
using System.Text.Json.Nodes;
using FollowUpBot.Localization;
using FollowUpBot.Summaries;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpBot.IntegrationTests.Dashboard;

/// <summary>The dashboard as a reader meets it: served by the app on a real socket, opened in headless Chromium, screenshot kept.</summary>
[Trait("Category", "Integration")]
public sealed class DashboardBrowserTests
{
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task TheMeetingPageShowsChartsListsAndItemsAndIsReachableByKeyboard()
    {
        var (app, address) = await DashboardAccessTests.SeededOnSocketAsync();
        using var _ = app;
        var url = await SignedUrlAsync(app, address, "/dashboard/meetings/m-q4", UiLocale.ZhCN);

        var page = await BrowseAsync(url, "dashboard-meeting-zh-CN.png");

        Assert.Equal(200, page["status"]!.GetValue<int>());
        Assert.Equal("zh-CN", page["lang"]!.ToString());
        Assert.Equal("2026年第四季度重点工作推进会", page["h1"]!.ToString());
        var headings = page["headings"]!.AsArray().Select(h => h!.ToString()).ToList();
        Assert.Contains(headings, h => h.StartsWith(Texts.Get(UiLocale.ZhCN, "dashboard.chart"), StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith(Texts.Get(UiLocale.ZhCN, "summary.overdueList"), StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith(Texts.Get(UiLocale.ZhCN, "summary.dueSoonList"), StringComparison.Ordinal));
        var meeting = SummaryFixture.Meeting();
        var departments = meeting.Items.SelectMany(i => i.Lead.Select(d => (d, "lead")).Concat(i.Support.Select(d => (d, "support")))).Distinct().Count();
        Assert.Equal(departments, page["bars"]!.GetValue<int>());
        var text = page["main"]!.ToString();
        Assert.All(meeting.Items, item => Assert.Contains(item.Task, text, StringComparison.Ordinal));
        Assert.Contains("征收补偿需再协调一个月", text, StringComparison.Ordinal);
        var overdue = headings.Single(h => h.StartsWith(Texts.Get(UiLocale.ZhCN, "summary.overdueList"), StringComparison.Ordinal));
        var (records, today) = SummaryFixture.Progress();
        var closed = records.Where(r => r.Kind == Ledger.ProgressKind.CompletionApproval && r.Department is null).Select(r => r.ItemId).ToHashSet();
        var late = meeting.Items.Count(i => !closed.Contains(i.Id) && (records.LastOrDefault(r => r.ItemId == i.Id && r.Kind == Ledger.ProgressKind.ExtensionApproval)?.Due ?? i.Due) < today);
        Assert.EndsWith($"({late})", overdue, StringComparison.Ordinal);
        Assert.True(late > 0);
        Assert.Equal("A", page["firstFocus"]!["tag"]!.ToString());
        Assert.Equal("#main", page["firstFocus"]!["href"]!.ToString());
        Assert.Empty(page["problems"]!.AsArray());
        Assert.True(new FileInfo(Path.Combine(Artifacts, "dashboard-meeting-zh-CN.png")).Length > 10_000);
    }

    [Fact]
    public async Task AnItemPageListsItsWholeHistoryInEnglish()
    {
        var (app, address) = await DashboardAccessTests.SeededOnSocketAsync();
        using var _ = app;
        var url = await SignedUrlAsync(app, address, "/dashboard/meetings/m-q4/items/i5", UiLocale.EnUS);

        var page = await BrowseAsync(url, "dashboard-item-en-US.png");

        Assert.Equal(200, page["status"]!.GetValue<int>());
        Assert.Equal("en-US", page["lang"]!.ToString());
        var text = page["main"]!.ToString();
        var (records, _) = SummaryFixture.Progress();
        Assert.All(records.Where(r => r.ItemId == "i5"), r => Assert.Contains(SummaryCard.Time(r.At), text, StringComparison.Ordinal));
        Assert.Contains("extension granted to 2027-01-15", text, StringComparison.Ordinal);
        Assert.Empty(page["problems"]!.AsArray());
    }

    [Fact]
    public async Task WithoutCredentialsTheBrowserGetsTheSignInPageAndNoData()
    {
        var (app, address) = await DashboardAccessTests.SeededOnSocketAsync();
        using var _ = app;
        var url = new Uri(address, "/dashboard/meetings/m-q4?lang=zh-CN");

        var page = await BrowseAsync(url, "dashboard-signed-out.png");

        Assert.Equal(401, page["status"]!.GetValue<int>());
        Assert.DoesNotContain("市自然资源和规划局", page["main"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains(page["scripts"]!.AsArray(), s => s!.ToString().EndsWith("/dashboard/assets/dashboard.js", StringComparison.Ordinal));
        Assert.Contains(Texts.Get(UiLocale.ZhCN, "dashboard.unauthorised").Replace("**", string.Empty, StringComparison.Ordinal), page["main"]!.ToString(), StringComparison.Ordinal);

        // The only complaint is the page's own 401: outside Teams nothing else is loaded or blocked.
        Assert.All(page["problems"]!.AsArray(), p => Assert.Contains("401", p!.ToString(), StringComparison.Ordinal));
    }

    private static async Task<Uri> SignedUrlAsync(BotApplication app, Uri address, string path, UiLocale locale)
    {
        // The bot signs links for its public address; the test serves it on loopback, so the same query goes to the socket.
        var signed = await app.Services.GetRequiredService<SummaryLinks>().DashboardAsync(locale);
        return new Uri(address, path + signed!.Url.Query);
    }

    private static async Task<JsonObject> BrowseAsync(Uri url, string screenshot)
    {
        Directory.CreateDirectory(Artifacts);
        var script = Path.Combine(RepoPaths.Root, "tests", "FollowUpBot.IntegrationTests", "Dashboard", "browse.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(url.AbsoluteUri);
        start.ArgumentList.Add(Path.Combine(Artifacts, screenshot));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"browse.mjs failed ({process.ExitCode}): {await error}");
        return JsonNode.Parse((await output).Trim().Split('\n')[^1])!.AsObject();
    }
}
