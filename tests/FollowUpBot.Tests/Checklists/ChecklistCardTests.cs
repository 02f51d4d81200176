using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Testing;
using FollowUpBot.Tests.Cards;

namespace FollowUpBot.Tests.Checklists;

public sealed class ChecklistCardTests
{
    private static readonly DateOnly MeetingDate = new(2026, 11, 20);

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void EveryDepartmentsChecklistOfTheSeedIsValidAndSmall(string locale)
    {
        var meeting = SeedMeeting();
        var departments = meeting.Items.SelectMany(i => i.Lead.Concat(i.Support)).Distinct().ToList();
        Assert.Contains("市委宣传部", departments);

        foreach (var department in departments)
        {
            var card = ChecklistCard.Build(new ChecklistView(meeting, department, UiLocales.FromTag(locale), MeetingDate));

            Assert.Empty(AdaptiveCardSchema.Errors(CardJson.ToJson(card)));
            Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"{department}: {CardJson.Size(card)} bytes");
        }
    }

    [Fact]
    public void ASixtyItemChecklistPagesAndEveryPageStaysUnderTheLimit()
    {
        var meeting = LargeMeeting(60);
        var pages = (60 + ChecklistCard.PageSize - 1) / ChecklistCard.PageSize;

        for (var page = 0; page < pages; page++)
        {
            var card = ChecklistCard.Build(new ChecklistView(meeting, "市发展改革委", UiLocale.ZhCN, MeetingDate, page, RefreshUserIds: [.. Enumerable.Range(0, 80).Select(i => $"29:user-{i}")]));
            var json = CardJson.ToJson(card);

            Assert.Empty(AdaptiveCardSchema.Errors(json));
            Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"page {page}: {CardJson.Size(card)} bytes");
            Assert.Contains(ChecklistVerbs.Refresh, json, StringComparison.Ordinal);
            Assert.Equal(60, card.Refresh!.UserIds!.Count);
        }
    }

    [Fact]
    public void LeadItemsComeBeforeSupportedOnesAndEachCarriesWhatTheReportNeeds()
    {
        var meeting = LargeMeeting(4) is var m
            ? m with { Items = [m.Items[0] with { Lead = ["市财政局"], Support = ["市发展改革委"] }, .. m.Items.Skip(1)] }
            : throw new InvalidOperationException();
        meeting = MeetingProjection.Normalize(meeting);

        var items = ChecklistCard.ItemsOf(meeting, "市发展改革委");
        var json = CardJson.ToJson(ChecklistCard.Build(new ChecklistView(meeting, "市发展改革委", UiLocale.EnUS, MeetingDate)));

        Assert.Equal(["i2", "i3", "i4", "i1"], items.Select(i => i.Id));
        Assert.Contains("\"meetingId\":\"m-large\"", json, StringComparison.Ordinal);
        Assert.Contains("\"itemId\":\"i1\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"v\":\"{ChecklistCard.VersionOf(meeting.Items[0])}\"", json, StringComparison.Ordinal);
        Assert.Contains(ChecklistVerbs.StatusInput("i1"), json, StringComparison.Ordinal);
    }

    [Fact]
    public void ItemsAreLeadThenSupportedEachByNumberWithTiesAndUnnumberedOnesInMeetingOrder()
    {
        var random = new Random(7);
        string[][] roles = [[], ["市发展改革委"], ["市财政局"], ["市财政局", "市发展改革委"]];
        for (var n = 0; n < 300; n++)
        {
            var meeting = new MeetingDocument
            {
                Id = "m",
                Items = [.. Enumerable.Range(0, random.Next(12)).Select(k => new MeetingItem
                {
                    Id = $"i{k}",
                    Task = "任务",
                    Number = random.Next(4) == 0 ? null : random.Next(6),
                    Lead = roles[random.Next(roles.Length)],
                    Support = roles[random.Next(roles.Length)],
                })],
            };
            var expected = meeting.Items
                .Where(i => i.Lead.Contains("市发展改革委") || i.Support.Contains("市发展改革委"))
                .OrderBy(i => i.Lead.Contains("市发展改革委") ? 0 : 1)
                .ThenBy(i => i.Number ?? int.MaxValue)
                .Select(i => i.Id);

            Assert.Equal(expected, ChecklistCard.ItemsOf(meeting, "市发展改革委").Select(i => i.Id));
        }
    }

    [Fact]
    public void TheVersionOfAnItemChangesWhenAReportIsApplied()
    {
        var meeting = MeetingProjection.Normalize(LargeMeeting(1));
        var before = ChecklistCard.VersionOf(meeting.Items[0]);
        var record = new ProgressRecord
        {
            MeetingId = meeting.Id,
            ItemId = "i1",
            Department = "市发展改革委",
            By = new Person("aad-1", "Megan"),
            At = DateTimeOffset.Parse("2026-11-21T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Status = ProgressStatus.InProgress,
            ConversationId = "a:1",
            ActivityId = "1",
        };

        var after = MeetingProjection.Apply(meeting.Items[0], "20261121T020000000Z-abc", record);

        Assert.NotEqual(before, ChecklistCard.VersionOf(after));
    }

    [Theory]
    [InlineData(-2, "attention")]
    [InlineData(2, "warning")]
    [InlineData(10, "default")]
    public void DueDatesAreLitRedWhenOverdueAndYellowWhenDueSoon(int daysFromToday, string color)
    {
        var (_, actual) = ChecklistCard.DueText(UiLocale.EnUS, MeetingDate.AddDays(daysFromToday), MeetingDate, ProgressStatus.InProgress);

        Assert.Equal(color, actual);
    }

    [Fact]
    public void ACardBuiltAgainAfterAReportReusesTheUntouchedBlocksAndWritesWhatAFreshCardWrites()
    {
        var meeting = LargeMeeting(10);
        var view = new ChecklistView(meeting, "市发展改革委", UiLocale.ZhCN, MeetingDate, Banner: "已保存");
        var before = ChecklistCard.Build(view);
        var report = new ProgressRecord
        {
            MeetingId = meeting.Id,
            ItemId = "i2",
            Kind = ProgressKind.Progress,
            Department = "市发展改革委",
            By = new Person("aad-1", "联络员"),
            At = new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero),
            Status = ProgressStatus.Blocked,
            Percent = 40,
            Note = "等待用地审批",
            ConversationId = "c1",
            ActivityId = "a1",
        };
        var after = ChecklistCard.Build(view with { Meeting = MeetingProjection.Apply(meeting, "20261121T010000000Z-u1", report) });

        // Title, department, banner, page line, then one block per item: item 1's block is the same object, item 2's is new.
        Assert.Same(before.Body[4], after.Body[4]);
        Assert.NotSame(before.Body[5], after.Body[5]);
        var json = CardJson.ToJson(after);
        Assert.Contains("等待用地审批", json, StringComparison.Ordinal);
        Assert.Empty(AdaptiveCardSchema.Errors(json));

        // Copies of the elements are not marked as reused, so they are written the ordinary way.
        var fresh = after with { Body = [.. after.Body.Select(e => e with { })] };
        Assert.Equal(CardJson.ToJson(fresh), json);
        Assert.Equal(CardJson.ToJson(before with { Body = [.. before.Body.Select(e => e with { })] }), CardJson.ToJson(before));
    }

    internal static MeetingDocument SeedMeeting()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt"));
        var directory = DepartmentDirectory.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "departments.json")));
        var directives = new DirectiveExtractor().Extract(text, MeetingDate);
        var draft = MeetingDraft.Create("m-seed", "市委党建工作领导小组会议", "tenant", new Person("org", "Organiser"), "Asia/Shanghai", MeetingDate, directives, new DepartmentMatcher(directory), DateTimeOffset.UnixEpoch);
        var number = 0;
        return MeetingProjection.Normalize(draft with
        {
            State = MeetingState.Published,
            Items = [.. draft.Items.Select(i => i with { Number = ++number, Due = i.Due ?? MeetingDate.AddDays(30) })],
        });
    }

    private static MeetingDocument LargeMeeting(int count)
    {
        const string Task = "牵头制定全市重点项目建设推进方案，明确责任分工和时间节点，按月调度项目进展，协调解决用地、资金、审批等方面的突出问题，确保年度投资目标任务全面完成";
        return MeetingProjection.Normalize(new MeetingDocument
        {
            Id = "m-large",
            Title = "2026年第四季度重点工作推进会",
            State = MeetingState.Published,
            TimeZone = "Asia/Shanghai",
            MeetingDate = MeetingDate,
            Items = [.. Enumerable.Range(1, count).Select(n => new MeetingItem
            {
                Id = $"i{n}",
                Number = n,
                Section = "二/（三）",
                Task = $"{Task}（第{n}项）",
                Lead = ["市发展改革委"],
                Support = ["市财政局", "市自然资源和规划局"],
                Due = MeetingDate.AddDays(n),
                DeadlineText = "12月31日前",
            })],
        });
    }
}
