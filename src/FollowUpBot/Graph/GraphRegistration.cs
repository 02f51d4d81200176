using FollowUpBot.Teams;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace FollowUpBot.Graph;

/// <summary>
/// Microsoft Graph with the bot's own identity: the SDK client, proactive installation of the app for contacts who never
/// opened it, and the directory sync from Entra ID groups and the users' <c>department</c> attribute.
/// </summary>
internal static class GraphRegistration
{
    public const string HttpClientName = "graph";

    public static IHostApplicationBuilder AddGraph(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<GraphOptions>, GraphOptionsSetup>();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidation>();
        services.AddOptions<DirectorySyncOptions>().BindConfiguration(DirectorySyncOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectorySyncOptions>, DirectorySyncOptionsValidation>();

        services.AddSingleton<IGraphTokenSource, BotGraphTokenSource>();
        services.AddSingleton<GraphAccessTokenProvider>();
        // No retry handler: a throttled call ends with its Retry-After and the caller says when to come back.
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            var authentication = new BaseBearerTokenAuthenticationProvider(sp.GetRequiredService<GraphAccessTokenProvider>());
            return new GraphServiceClient(http, authentication, options.BaseUrl.ToString().TrimEnd('/'));
        });
        services.AddSingleton<EntraClient>();
        services.AddSingleton<IPersonalChatProvisioner, TeamsAppInstaller>();
        services.AddSingleton<DirectorySynchronizer>();
        services.AddHostedService<DirectorySyncService>();
        services.AddTransient<IMessageHandler, Departments.DirectoryCommand>();
        services.AddTransient<ICardActionHandler, Departments.DirectoryActions>();
        return builder;
    }
}
