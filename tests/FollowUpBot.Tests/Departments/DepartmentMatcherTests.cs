using FollowUpBot.Departments;

namespace FollowUpBot.Tests.Departments;

public sealed class DepartmentMatcherTests
{
    private static DepartmentMatcher Matcher() =>
        new(DepartmentDirectory.Parse(File.ReadAllText(Testing.RepoPaths.Fixture("departments/directory.json"))));

    [Fact]
    public void TheDirectoryFileLoadsContactsAndChannels()
    {
        var directory = DepartmentDirectory.Parse(File.ReadAllText(Testing.RepoPaths.Fixture("departments/directory.json")));

        Assert.Equal(3, directory.Departments.Count);
        Assert.Equal("李宣", directory.Departments[0].Contacts.Single().Name);
        Assert.Equal(new ChannelRef("19:team", "19:channel"), directory.Departments[1].Channel);
        Assert.Empty(directory.Departments[2].Aliases.Except(["Department of Public Works", "DPW"]));
    }

    [Fact]
    public void ACanonicalNameMatchesExactly()
    {
        var match = Matcher().Match("市委宣传部");

        Assert.Equal(DepartmentMatchKind.Exact, match.Kind);
        Assert.Equal("市委宣传部", match.Department?.Name);
    }

    [Fact]
    public void AnAliasMapsToItsDepartment()
    {
        var match = Matcher().Match("宣传部门");

        Assert.Equal(DepartmentMatchKind.Alias, match.Kind);
        Assert.Equal("市委宣传部", match.Department?.Name);
    }

    [Theory]
    [InlineData("各级党委(党组)")]
    [InlineData("各级党委（ 党组 ）")]
    [InlineData("public works")]
    [InlineData("the Department of Public Works")]
    public void BracketWidthWhitespaceAndCaseDoNotMatter(string phrase)
    {
        var match = Matcher().Match(phrase);

        Assert.Equal(DepartmentMatchKind.Normalized, match.Kind);
        Assert.NotNull(match.Department);
    }

    [Fact]
    public void AnUnknownActorIsKeptVerbatimAndFlagged()
    {
        var match = Matcher().Match("市消防救援支队");

        Assert.False(match.IsKnown);
        Assert.Equal(DepartmentMatchKind.Unknown, match.Kind);
        Assert.Equal("市消防救援支队", match.Phrase);
    }

    [Fact]
    public void ADirectoryWithoutDepartmentsIsRefused()
    {
        Assert.Throws<FormatException>(() => DepartmentDirectory.Parse("""{"teams": []}"""));
        Assert.Throws<FormatException>(() => DepartmentDirectory.Parse("""{"departments": [{"name": ""}]}"""));
    }
}
