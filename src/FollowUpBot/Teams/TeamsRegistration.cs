using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace FollowUpBot.Teams;

/// <summary>The Teams protocol edge: inbound authentication, <c>/api/messages</c>, the connector client and conversation references.</summary>
internal static class TeamsRegistration
{
    public static IHostApplicationBuilder AddTeamsProtocol(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<BotOptions>, BotOptionsSetup>();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidation>();
        services.AddSingleton<BotTokenValidator>();
        services.AddHttpClient(BotTokenValidator.MetadataClient, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<MsalBotTokenProvider>();
        services.AddSingleton<IBotTokenProvider>(sp => sp.GetRequiredService<MsalBotTokenProvider>());
        services.AddSingleton<ConversationReferenceStore>();
        // These hold the typed connector HttpClient, so they are transient, never captured by a singleton.
        services.AddSingleton<RosterRefreshTimes>();
        services.AddTransient<RosterService>();
        services.AddTransient<ProactiveMessenger>();
        services.AddTransient<IConversationEventHandler, RosterOnMembershipChange>();
        services.AddScoped<ActivityRouter>();

        services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName)
            .AddResilienceHandler("connector", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // PROTOCOL.md §4: retry 429 (after Retry-After), 412, 502, 503 and 504; no other 4xx.
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutException } => true,
                        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
                        _ => false,
                    }),
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(30));
            });
        return builder;
    }

    public static IEndpointRouteBuilder MapTeamsProtocol(this IEndpointRouteBuilder endpoints) => endpoints.MapBotMessages();
}
