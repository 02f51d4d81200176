using FollowUpBot.Cards;
using FollowUpBot.Departments;
using FollowUpBot.Localization;
using FollowUpBot.Tests.Cards;

namespace FollowUpBot.Tests.Departments;

public sealed class DirectoryCardTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public void EveryPageOfALargeDirectoryIsAValidCardUnderTheSizeLimit(string locale)
    {
        // 200 departments of 40 contacts each, long names and addresses, every source.
        string[] sources = [ContactSources.File, ContactSources.Group, ContactSources.Attribute, ContactSources.Chat];
        var directory = new DepartmentDirectory([.. Enumerable.Range(1, 200).Select(d => new Department(
            $"市第{d}委员会办公室（综合协调与督查督办工作联络处）", [], [.. Enumerable.Range(1, 40).Select(c => new Contact($"{d:D8}-0000-0000-0000-{c:D12}", $"联系人{d}-{c}号（值班）")
            {
                Source = sources[c % 4] == ContactSources.File ? null : sources[c % 4],
                Upn = $"contact.person.{d}.{c}@city-government-department.example.gov.cn",
            })], null)
        { GroupId = d % 2 == 0 ? Guid.Empty.ToString() : null, DepartmentAttribute = d % 3 == 0 ? $"部门{d}" : null })]);
        var pages = (200 + DirectoryCard.DepartmentsPerPage - 1) / DirectoryCard.DepartmentsPerPage;

        for (var page = 0; page < pages; page++)
        {
            var card = DirectoryCard.Build(UiLocales.FromTag(locale), directory, page, "banner");
            var json = CardJson.ToJson(card);

            Assert.Empty(AdaptiveCardSchema.Errors(json));
            Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"page {page}: {CardJson.Size(card)} bytes");
        }
    }

    [Fact]
    public void TheCardShowsEachContactsSourceAndTheDepartmentsLinks()
    {
        var directory = new DepartmentDirectory(
        [
            new Department("财政局", [], [new Contact("a", "甲"), new Contact("b", "乙") { Source = ContactSources.Group, Upn = "yi@contoso.com" }], null) { GroupId = "g-1" },
            new Department("规划局", [], [new Contact("c", "丙") { Source = ContactSources.Attribute }, new Contact("d", "丁") { Source = ContactSources.Chat }], null) { DepartmentAttribute = "Planning" },
        ]);

        var json = CardJson.ToJson(DirectoryCard.Build(UiLocale.EnUS, directory, 0));

        Assert.Contains("Entra group: g-1", json, StringComparison.Ordinal);
        Assert.Contains("Users whose department is", json, StringComparison.Ordinal);
        Assert.Contains("Planning", json, StringComparison.Ordinal);
        Assert.Contains("yi@contoso.com · Entra group", json, StringComparison.Ordinal);
        Assert.Contains("a · file", json, StringComparison.Ordinal);
        Assert.Contains("c · department attribute", json, StringComparison.Ordinal);
        Assert.Contains("d · added in chat", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"财政局|b\"", json, StringComparison.Ordinal);
    }
}
