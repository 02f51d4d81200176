using System.Diagnostics;
using System.Text.Json.Nodes;
using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Help;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Cards;

/// <summary>
/// Every card the organiser flow sends, rendered as a person sees it: the official Adaptive Cards renderer (npm
/// <c>adaptivecards</c>) in headless Chromium, with a screenshot of each kept as a test artifact.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CardRenderingTests
{
    private static readonly DateOnly MeetingDate = new(2026, 11, 20);

    [Fact]
    public async Task EveryCardRendersWithItsTextInBothLanguages()
    {
        var meeting = SeedMeeting();
        var departments = new[] { "市委宣传部", "市融媒体中心", "市委组织部", "市纪委监委", "市委党建工作领导小组办公室" };
        var cards = new Dictionary<string, (AdaptiveCard Card, string Expect)>();
        foreach (var locale in new[] { UiLocale.ZhCN, UiLocale.EnUS })
        {
            var tag = locale.Tag();
            cards[$"help-{tag}"] = (HelpCard.Build(locale), Texts.Get(locale, "help.title"));
            cards[$"import-{tag}"] = (ImportCard.Build(locale, MeetingDate, "Asia/Shanghai"), Texts.Get(locale, "import.title"));
            var draft = meeting with { State = MeetingState.Draft, PublishedAt = null };
            cards[$"review-{tag}"] = (ReviewCard.Build(new ReviewView(draft, departments, locale)), "制定会议精神宣传实施方案");
            cards[$"review-edit-{tag}"] = (ReviewCard.Build(new ReviewView(draft, departments, locale, Mode: ReviewMode.Edit, ModeArgument: draft.Items[1].Id)), Texts.Get(locale, "review.leadPick"));
            cards[$"checklist-{tag}"] = (ChecklistCard.Build(new ChecklistView(meeting, "市委组织部", locale, MeetingDate)), "市委组织部");
        }

        var folder = Directory.CreateTempSubdirectory("followup-cards-").FullName;
        foreach (var (name, (card, _)) in cards)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), CardJson.ToJson(card));
        }

        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts", "cards");
        var rendered = await RenderAsync(folder, artifacts);

        foreach (var (name, (_, expect)) in cards)
        {
            var result = Assert.Single(rendered, r => r["name"]!.ToString() == name + ".json");
            Assert.True(result["height"]!.GetValue<int>() > 40, $"{name} rendered {result["height"]} px high");
            Assert.Contains(expect, result["text"]!.ToString(), StringComparison.Ordinal);
            Assert.Empty(result["warnings"]!.AsArray());
            Assert.True(new FileInfo(Path.Combine(artifacts, name + ".png")).Length > 1000, $"{name}: no screenshot");
        }
    }

    private static async Task<List<JsonNode>> RenderAsync(string cards, string output)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "tools", "render-cards.mjs"));
        start.ArgumentList.Add(cards);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"render-cards.mjs failed: {await stderr}");
        return [.. (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];
    }

    private static MeetingDocument SeedMeeting()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        var directory = DepartmentDirectory.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "departments.json")));
        var draft = MeetingDraft.Create("m-seed", "市委党建工作领导小组会议", "tenant", new Person("org", "Organiser"), "Asia/Shanghai", MeetingDate,
            new DirectiveExtractor().Extract(text, MeetingDate), new DepartmentMatcher(directory), DateTimeOffset.UnixEpoch);
        var number = 0;
        return MeetingProjection.Normalize(draft with
        {
            State = MeetingState.Published,
            PublishedAt = DateTimeOffset.UnixEpoch,
            Items = [.. draft.Items.Select(i => i with { Number = ++number, Due = i.Due ?? MeetingDate.AddDays(10 * number - 20) })],
        });
    }
}
