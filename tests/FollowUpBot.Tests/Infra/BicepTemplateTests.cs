using System.Text.Json.Nodes;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Infra;

/// <summary>The CI check of infra/: the Bicep CLI compiles and lints the template and its parameters with nothing to report.</summary>
[Trait("Category", "Integration")]
public sealed class BicepTemplateTests
{
    private const string Template = "infra/main.bicep";
    private const string Parameters = "infra/main.bicepparam";

    [Fact]
    public async Task TemplateBuildsWithoutErrorsOrWarnings()
    {
        var run = await BicepCli.RunAsync(RepoPaths.Root, "build", Template, "--stdout");

        AssertClean(run);
        Assert.NotNull(JsonNode.Parse(run.Stdout)?["resources"]);
    }

    [Theory]
    [InlineData(Template)]
    [InlineData(Parameters)]
    public async Task LintReportsNothing(string file)
    {
        var run = await BicepCli.RunAsync(RepoPaths.Root, "lint", file);

        AssertClean(run);
    }

    [Fact]
    public async Task ParameterFileBuildsAgainstTheTemplate()
    {
        var run = await BicepCli.RunAsync(RepoPaths.Root, "build-params", Parameters, "--stdout");

        AssertClean(run);
        var parameters = JsonNode.Parse((string)JsonNode.Parse(run.Stdout)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal("SingleTenant", (string?)parameters["botAppType"]!["value"]);
        Assert.Empty(parameters["organisers"]!["value"]!.AsArray());
    }

    [Fact]
    public async Task CompiledTemplateHoldsTheHardeningTheDeploymentReliesOn()
    {
        var run = await BicepCli.RunAsync(RepoPaths.Root, "build", Template, "--stdout");
        AssertClean(run);
        var resources = JsonNode.Parse(run.Stdout)!["resources"]!.AsArray().Select(r => r!).ToList();
        JsonNode Single(string type) => Assert.Single(resources, r => (string?)r["type"] == type);

        var storage = Single("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        var blobs = Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        Assert.True((bool)blobs["isVersioningEnabled"]!);
        Assert.True((bool)blobs["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)blobs["containerDeleteRetentionPolicy"]!["enabled"]!);
        Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        // The reminder queue and the projection queue, each under its own name.
        var queues = resources.Where(r => (string?)r["type"] == "Microsoft.Storage/storageAccounts/queueServices/queues").Select(r => (string)r["name"]!).ToList();
        Assert.Equal(2, queues.Count);
        Assert.Contains(queues, q => q.Contains("parameters('queueName')", StringComparison.Ordinal));
        Assert.Contains(queues, q => q.Contains("parameters('projectionQueueName')", StringComparison.Ordinal));

        var variables = JsonNode.Parse(run.Stdout)!["variables"]!.AsObject();
        var roles = resources.Where(r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(r => Inline((string)r["properties"]!["roleDefinitionId"]!, variables)).ToList();
        Assert.Contains(roles, r => r.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", StringComparison.Ordinal)); // Storage Blob Data Contributor
        Assert.Contains(roles, r => r.Contains("974c5e8b-45b9-4653-ba55-5f855dd0fb88", StringComparison.Ordinal)); // Storage Queue Data Contributor

        var site = Single("Microsoft.Web/sites");
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        var config = site["properties"]!["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);

        // Every configuration key the app reads in Azure is set by the template.
        // (the settings are one union() expression; organisers and the secret come in through variables)
        var expression = (string)Single("Microsoft.Web/sites/config")["properties"]!;
        var settings = expression + string.Concat(variables.Where(v => expression.Contains($"variables('{v.Key}')", StringComparison.Ordinal)).Select(v => v.Value is JsonValue value ? value.GetValue<string>() : v.Value!.ToJsonString()));
        foreach (var key in new[]
        {
            "Bot__AppId", "Bot__AppType", "Bot__TenantId", "Bot__ClientSecret", "FollowUp__PublicBaseUrl", "FollowUp__Organisers__",
            "FollowUp__TimeZone", "FollowUp__DirectoryPath", "FollowUp__CalendarPath", "Storage__AccountUrl", "Storage__Container", "Storage__Queue", "Storage__ProjectionQueue", "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "FollowUp__TeamsAppCatalogId", "FollowUp__Directory__SyncInterval",
        })
        {
            Assert.Contains($"'{key}", settings, StringComparison.Ordinal);
        }

        var bot = Single("Microsoft.BotService/botServices")["properties"]!;
        Assert.Contains("/api/messages", (string?)bot["endpoint"], StringComparison.Ordinal);
        Assert.NotNull(bot["msaAppMSIResourceId"]);
        var channel = Single("Microsoft.BotService/botServices/channels");
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);

        var outputs = JsonNode.Parse(run.Stdout)!["outputs"]!.AsObject();
        Assert.True(outputs.ContainsKey("botEndpoint") && outputs.ContainsKey("appHostName"), string.Join(", ", outputs.Select(o => o.Key)));

        // The Graph application permissions an administrator must consent to are named by the template.
        Assert.Equal(["TeamsAppInstallation.ReadWriteSelfForUser.All", "User.Read.All", "GroupMember.Read.All"],
            outputs["graphApplicationPermissions"]!["value"]!.AsArray().Select(p => (string?)p));
        Assert.True(outputs.ContainsKey("identityPrincipalId"));
    }

    // Puts the values of simple string variables in place of variables('name') in an ARM expression.
    private static string Inline(string expression, JsonObject variables) =>
        variables.Where(v => v.Value is JsonValue value && value.TryGetValue<string>(out _))
            .Aggregate(expression, (e, v) => e.Replace($"variables('{v.Key}')", $"'{(string)v.Value!}'", StringComparison.Ordinal));

    private static void AssertClean(BicepRun run)
    {
        Assert.True(run.ExitCode == 0, $"bicep exited {run.ExitCode}:\n{run.Stderr}");
        Assert.True(run.Diagnostics.Count == 0, "bicep reported:\n" + string.Join("\n", run.Diagnostics));
        Assert.True(string.IsNullOrWhiteSpace(run.Stderr), "bicep wrote to stderr:\n" + run.Stderr);
    }
}
