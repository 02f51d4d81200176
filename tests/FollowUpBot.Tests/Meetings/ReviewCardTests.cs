using FollowUpBot.Cards;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Tests.Cards;
using FollowUpBot.Tests.Checklists;

namespace FollowUpBot.Tests.Meetings;

public sealed class ReviewCardTests
{
    private static readonly string[] Departments = [.. Enumerable.Range(1, 80).Select(i => $"市第{i}委办局")];

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void EveryFormOfTheSeedReviewCardIsValidAndSmall(string locale)
    {
        var draft = ChecklistCardTests.SeedMeeting() with { State = MeetingState.Draft };
        var ui = UiLocales.FromTag(locale);
        foreach (var (mode, argument) in new (ReviewMode, string?)[]
        {
            (ReviewMode.List, null), (ReviewMode.Edit, draft.Items[0].Id), (ReviewMode.Add, null),
            (ReviewMode.Map, "全市上下"), (ReviewMode.Policy, null), (ReviewMode.Meta, null),
        })
        {
            var card = ReviewCard.Build(new ReviewView(draft, Departments, ui, Mode: mode, ModeArgument: argument, PolicyDefaults: new ReminderPolicy { Cron = "0 9 * * 1", DaysBeforeDue = 3 }));

            Assert.Empty(AdaptiveCardSchema.Errors(CardJson.ToJson(card)));
            Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"{mode}: {CardJson.Size(card)} bytes");
        }
    }

    [Fact]
    public void ASixtyItemDraftPagesWithEveryPageUnderTheLimit()
    {
        var seed = ChecklistCardTests.SeedMeeting();
        var items = Enumerable.Range(0, 60).Select(n => seed.Items[n % seed.Items.Count] with { Id = $"i{n + 1}", Number = null }).ToList();
        var draft = seed with { State = MeetingState.Draft, Items = items };

        for (var page = 0; page < 60 / ReviewCard.PageSize + 1; page++)
        {
            var card = ReviewCard.Build(new ReviewView(draft, Departments, UiLocale.ZhCN, page, ReviewMode.Edit, $"i{page * ReviewCard.PageSize + 1}"));

            Assert.Empty(AdaptiveCardSchema.Errors(CardJson.ToJson(card)));
            Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"page {page}: {CardJson.Size(card)} bytes");
        }
    }

    [Fact]
    public void UnknownActorsAreFlaggedWithAWayToMapThem()
    {
        var draft = ChecklistCardTests.SeedMeeting() with { State = MeetingState.Draft };
        var json = CardJson.ToJson(ReviewCard.Build(new ReviewView(draft, Departments, UiLocale.ZhCN)));

        Assert.Contains("⚠ 全市上下", json, StringComparison.Ordinal);
        Assert.Contains("\"actor\":\"全市上下\"", json, StringComparison.Ordinal);
        Assert.Contains(ReviewVerbs.Publish, json, StringComparison.Ordinal);
    }

    [Fact]
    public void APublishedMeetingOffersNoEditing()
    {
        var published = ChecklistCardTests.SeedMeeting();
        var json = CardJson.ToJson(ReviewCard.Build(new ReviewView(published, Departments, UiLocale.EnUS)));

        Assert.DoesNotContain(ReviewVerbs.DropItem, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewVerbs.Publish, json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheImportCardIsValid()
    {
        var card = ImportCard.Build(UiLocale.ZhCN, new DateOnly(2026, 11, 26), "Europe/Paris");

        Assert.Empty(AdaptiveCardSchema.Errors(CardJson.ToJson(card)));
        Assert.Contains("Europe/Paris", CardJson.ToJson(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "未指定牵头单位（4 项）", "删除全部未指定项")]
    [InlineData("en-US", "Unassigned (4): no lead department yet", "Drop all unassigned")]
    public void UnassignedItemsAreGroupedUnderOneHeadingWithDropAll(string locale, string heading, string dropAll)
    {
        var seed = ChecklistCardTests.SeedMeeting();
        var candidates = Enumerable.Range(1, 3).Select(n => new MeetingItem { Id = $"c{n}", Task = $"候选事项{n}", Lead = [], Support = [] });
        var draft = seed with { State = MeetingState.Draft, Items = [.. seed.Items, .. candidates] };

        var card = ReviewCard.Build(new ReviewView(draft, Departments, UiLocales.FromTag(locale), Page: 0));
        var json = CardJson.ToJson(card);

        Assert.Empty(AdaptiveCardSchema.Errors(json));
        // The seed's draft has one subjectless candidate of its own; three more were added.
        Assert.Contains(heading, json, StringComparison.Ordinal);
        var needDepartment = draft.Items.Count(i => i.Lead.Count == 0 || i.UnknownActors.Count > 0);
        Assert.Contains(Texts.Format(UiLocales.FromTag(locale), "review.summary", draft.Items.Count, needDepartment), json, StringComparison.Ordinal);
        Assert.True(needDepartment >= 4);
        Assert.Contains(dropAll, json, StringComparison.Ordinal);
        Assert.Contains(ReviewVerbs.DropUnassigned, json, StringComparison.Ordinal);
        // Three candidates are shown in full, the fourth is only counted.
        Assert.Contains("候选事项2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("候选事项3", json, StringComparison.Ordinal);

        // The candidates are shown once, on the first page after its items that have a lead, not on every page.
        var second = CardJson.ToJson(ReviewCard.Build(new ReviewView(draft, Departments, UiLocales.FromTag(locale), Page: 1)));
        Assert.DoesNotContain(ReviewVerbs.DropUnassigned, second, StringComparison.Ordinal);
    }

    [Fact]
    public void ADraftWithOnlyAssignedItemsHasNoUnassignedGroup()
    {
        var seed = ChecklistCardTests.SeedMeeting();
        var draft = seed with { State = MeetingState.Draft, Items = [.. seed.Items.Where(i => i.Lead.Count > 0)] };

        var json = CardJson.ToJson(ReviewCard.Build(new ReviewView(draft, Departments, UiLocale.EnUS)));

        Assert.DoesNotContain(ReviewVerbs.DropUnassigned, json, StringComparison.Ordinal);
    }

    [Fact]
    public void HundredsOfCandidatesStillFitInOneCard()
    {
        var seed = ChecklistCardTests.SeedMeeting();
        var candidates = Enumerable.Range(1, 300).Select(n => new MeetingItem { Id = $"c{n}", Task = new string('要', 200), Lead = [], Support = [], Source = new string('源', 600) });
        var draft = seed with { State = MeetingState.Draft, Items = [.. candidates] };

        var card = ReviewCard.Build(new ReviewView(draft, Departments, UiLocale.ZhCN));

        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"{CardJson.Size(card)} bytes");
        Assert.Contains("300", CardJson.ToJson(card), StringComparison.Ordinal);
    }
}
