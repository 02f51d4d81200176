using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FollowUpBot.Bulletins;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.IntegrationTests.Bulletins;

/// <summary>
/// <c>通报</c> through the Microsoft 365 Agents Playground as Teams: the organiser (the Playground's own user) gets
/// the preview card whose link downloads the .docx from the bot; Send to departments posts it to the contacts'
/// chats and records the deliveries; a department contact asking for it is refused.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BulletinThroughPlaygroundTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task TheOrganiserGetsThePreviewAndTheDocxAndSendsItWhileAContactIsRefused()
    {
        // 市财政局 → Megan (user-id-1), 市发展改革委 → Adele (user-id-2); the meeting's other departments are not in this directory.
        var directory = Path.Combine(Directory.CreateTempSubdirectory("followup-dir-").FullName, "departments.json");
        await File.WriteAllTextAsync(directory, """
            {"departments": [
              {"name": "市财政局", "aliases": [], "contacts": [{"aadObjectId": "00000000-0000-0000-0000-0000000000021", "name": "Megan Bowen"}], "channel": null},
              {"name": "市发展改革委", "aliases": [], "contacts": [{"aadObjectId": "00000000-0000-0000-0000-0000000000022", "name": "Adele Vance"}], "channel": null}
            ]}
            """);
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["FollowUp:PublicBaseUrl"] = "https://bot.example.test/",
            ["FollowUp:DirectoryPath"] = directory,
        });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        await BulletinFixture.StoreAsync(new MeetingLedger(new LocalBlobStore(bot.DataPath), TimeProvider.System, NullLogger<MeetingLedger>.Instance), playground.TenantId);
        var groupChat = playground.Config["groupChats"]![0]!["id"]!.ToString();

        // The contacts share the group chat with the bot: a mention there lets it learn who they are.
        await playground.SendAsync(groupChat, "help", fromUserId: "user-id-1", mentionBot: true);
        await playground.WaitForBotMessageAsync(m => m.ConversationId == groupChat);

        // The organiser asks in the personal chat: the preview card with totals, the red list and the signed link.
        await playground.SendAsync(playground.PersonalChatId, "通报");
        var preview = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && m.CardText.Contains(BulletinVerbs.Send, StringComparison.Ordinal));
        var card = preview.Cards.Single();
        var cardText = card.ToJsonString(Readable);
        Assert.Contains("2026年第四季度重点工作推进会", cardText, StringComparison.Ordinal);
        Assert.Contains("落实秋冬季大气污染防治", cardText, StringComparison.Ordinal);
        var link = new Uri(card["actions"]!.AsArray().Single(a => a!["type"]!.ToString() == "Action.OpenUrl")!["url"]!.ToString());
        Assert.Equal("bot.example.test", link.Host);
        Assert.StartsWith("/bulletins/m-q4/20261120-", link.AbsolutePath, StringComparison.Ordinal);

        // The link downloads the .docx from the bot (its public address is the test's socket here).
        using var http = new HttpClient();
        using var download = await http.GetAsync(new Uri(endpoint, link.PathAndQuery));
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(BulletinDocument.ContentType, download.Content.Headers.ContentType!.MediaType);
        await using (var stream = new MemoryStream(await download.Content.ReadAsByteArrayAsync()))
        using (var document = WordprocessingDocument.Open(stream, isEditable: false))
        {
            var title = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Single(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == BulletinDocument.TitleStyle);
            Assert.Contains("2026年第四季度重点工作推进会", title.InnerText, StringComparison.Ordinal);
        }

        // A tampered link opens nothing.
        using var forged = await http.GetAsync(new Uri(endpoint, link.PathAndQuery.Replace("m-q4", "m-q5", StringComparison.Ordinal)));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, forged.StatusCode);

        // Send reaches the contacts one to one.
        var data = card["actions"]!.AsArray().Single(a => a!["verb"]?.ToString() == BulletinVerbs.Send)!["data"]!.AsObject();
        var sendData = data.DeepClone().AsObject();
        sendData[BulletinCard.TitleInput] = "第十二期督办通报";
        var answer = await playground.InvokeAsync(playground.PersonalChatId, preview.MessageId!, BulletinVerbs.Send, sendData);
        Assert.Contains("第十二期督办通报", answer!.ToJsonString(Readable), StringComparison.Ordinal);
        var report = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && m.Text?.Contains("第十二期督办通报", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
        var received = playground.BotMessages().Where(m => m.ConversationId != playground.PersonalChatId && m.ConversationId != groupChat && m.CardText.Contains("第十二期督办通报", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(received);
        Assert.All(received, m => Assert.DoesNotContain(BulletinVerbs.Send, m.CardText, StringComparison.Ordinal));

        var issue = Directory.GetFiles(Path.Combine(bot.DataPath, "blobs", "bulletins", "m-q4"), "issue.json", SearchOption.AllDirectories).Single();
        var stored = JsonNode.Parse(await File.ReadAllTextAsync(issue))!;
        Assert.Equal("第十二期督办通报", stored["title"]!.ToString());
        var deliveries = stored["deliveries"]!.AsArray();
        Assert.Contains(deliveries, d => d!["department"]!.ToString() == "市财政局" && d["recipient"]!.ToString() == "00000000-0000-0000-0000-0000000000021");
        Assert.Contains(stored["undelivered"]!.AsArray(), u => u!["reason"]!.ToString() == "notInDirectory");
        Assert.Contains("市教育局", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADepartmentContactAskingForTheBulletinIsRefusedAndShownNothing()
    {
        // The Playground's own user is, this time, 市财政局's contact and not an organiser.
        var directory = Path.Combine(Directory.CreateTempSubdirectory("followup-dir-").FullName, "departments.json");
        await File.WriteAllTextAsync(directory, """
            {"departments": [
              {"name": "市财政局", "aliases": [], "contacts": [{"aadObjectId": "00000000-0000-0000-0000-0000000000020", "name": "Alex Wilber"}], "channel": null}
            ]}
            """);
        using var bot = new BotApplication(new Dictionary<string, string?>
        {
            ["FollowUp:PublicBaseUrl"] = "https://bot.example.test/",
            ["FollowUp:DirectoryPath"] = directory,
            ["FollowUp:Organisers:0"] = "00000000-0000-0000-0000-0000000000099",
        });
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);
        await BulletinFixture.StoreAsync(new MeetingLedger(new LocalBlobStore(bot.DataPath), TimeProvider.System, NullLogger<MeetingLedger>.Instance), playground.TenantId);

        await playground.SendAsync(playground.PersonalChatId, "通报");

        string[] refusals = [Texts.Get(UiLocale.ZhCN, "bulletin.notOrganiser"), Texts.Get(UiLocale.EnUS, "bulletin.notOrganiser")];
        var refusal = await playground.WaitForBotMessageAsync(m => m.ConversationId == playground.PersonalChatId && refusals.Contains(m.Text));
        Assert.Empty(refusal.Cards);
        Assert.DoesNotContain(playground.BotMessages(), m => (m.CardText + m.Text).Contains("/bulletins/", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(bot.DataPath, "blobs", "bulletins")));
    }
}
