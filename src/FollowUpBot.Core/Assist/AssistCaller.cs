using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace FollowUpBot.Assist;

/// <summary>How one call to the model ended.</summary>
internal enum AssistOutcome
{
    /// <summary>The assist is off: nothing was sent.</summary>
    Off,

    /// <summary>Nothing to ask (the rules decided everything).</summary>
    Skipped,

    /// <summary>The model answered; the answer still has to pass validation.</summary>
    Answered,

    /// <summary>The answer was not the JSON the schema asks for.</summary>
    Malformed,

    /// <summary>No answer within the budget; the call was abandoned.</summary>
    TimedOut,

    /// <summary>The endpoint refused or failed (429, 5xx, network, authentication).</summary>
    Failed,
}

/// <summary>The raw answer of one call: its text when <see cref="Outcome"/> is <see cref="AssistOutcome.Answered"/>.</summary>
internal sealed record AssistAnswer(AssistOutcome Outcome, string? Text, int? Status, TimeSpan Elapsed)
{
    public static AssistAnswer Off { get; } = new(AssistOutcome.Off, null, null, TimeSpan.Zero);

    public static AssistAnswer Skipped { get; } = new(AssistOutcome.Skipped, null, null, TimeSpan.Zero);
}

/// <summary>Builds the <see cref="IChatClient"/> for <see cref="AssistOptions"/>: null when the assist is off.</summary>
internal static class AssistChatClient
{
    /// <summary>The Entra scope of Azure OpenAI (Cognitive Services) for managed identity.</summary>
    public const string AzureScope = "https://cognitiveservices.azure.com/.default";

    public static IChatClient? Create(AssistOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return null;
        }

        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = AssistEndpoints.BaseUrl(new Uri(options.Endpoint!.Trim())),
            // One try: with a 5 s budget a retry after backoff would only arrive too late.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout + options.Timeout,
        };
        ChatClient chat;
        if (string.IsNullOrWhiteSpace(options.Key))
        {
            // The OpenAI library marks its token-policy constructor as evaluation-only (OPENAI001); it is the documented way to
            // reach Azure OpenAI's v1 API with Entra ID tokens, and Azure.AI.OpenAI 2.1.0 is built against OpenAI 2.1.
#pragma warning disable OPENAI001
            chat = new ChatClient(options.Model, new BearerTokenPolicy(credential ?? new DefaultAzureCredential(), AzureScope), clientOptions);
#pragma warning restore OPENAI001
        }
        else
        {
            chat = new ChatClient(options.Model, new ApiKeyCredential(options.Key.Trim()), clientOptions);
        }

        return chat.AsIChatClient();
    }
}

/// <summary>
/// One budgeted question to the model with a JSON-schema answer. The budget is a cancellation on the injected
/// <see cref="TimeProvider"/>; whatever goes wrong, the caller gets an outcome, never an exception (except its own
/// cancellation), and the rules' answer stands. The key never reaches this class or its log lines.
/// </summary>
internal sealed partial class AssistCaller(IChatClient? client, AssistOptions options, TimeProvider time, ILogger<AssistCaller> logger)
{
    public bool Enabled => client is not null;

    public AssistOptions Options => options;

    public async Task<AssistAnswer> AskAsync(string purpose, IReadOnlyList<AIChatMessage> messages, JsonElement schema, CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            return AssistAnswer.Off;
        }

        var started = time.GetTimestamp();
        using var budget = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        var chatOptions = new ChatOptions
        {
            Temperature = 0,
            ResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(schema, purpose, "Suggestions that quote the given text exactly."),
        };
        AssistAnswer answer;
        try
        {
            // WaitAsync: the budget holds even if a transport ignored the token.
            var response = await client.GetResponseAsync(messages, chatOptions, linked.Token).WaitAsync(linked.Token).ConfigureAwait(false);
            answer = new AssistAnswer(AssistOutcome.Answered, response.Text, 200, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            answer = new AssistAnswer(AssistOutcome.TimedOut, null, null, time.GetElapsedTime(started));
        }
        catch (ClientResultException e)
        {
            answer = new AssistAnswer(AssistOutcome.Failed, null, e.Status, time.GetElapsedTime(started));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The assist is optional: any failure (network, authentication, an unreadable response) leaves the rules' answer.
            LogCallError(logger, purpose, e.GetType().Name);
            answer = new AssistAnswer(AssistOutcome.Failed, null, null, time.GetElapsedTime(started));
        }

        LogCall(logger, purpose, answer.Outcome, answer.Status ?? 0, (long)answer.Elapsed.TotalMilliseconds);
        return answer;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "AI assist {Purpose}: {Outcome} (HTTP {Status}) in {ElapsedMs} ms.")]
    private static partial void LogCall(ILogger logger, string purpose, AssistOutcome outcome, int status, long elapsedMs);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "AI assist {Purpose} failed with {ErrorType}; the rules' answer stands.")]
    private static partial void LogCallError(ILogger logger, string purpose, string errorType);
}
