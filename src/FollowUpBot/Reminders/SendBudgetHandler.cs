namespace FollowUpBot.Reminders;

/// <summary>
/// The last step of the reminders' connector client before the wire: each call (create conversation, send,
/// roster lookups) waits for this instance's share of its tenant's budget (<see cref="SendBudget"/>) right before
/// it goes out, and counts against it until its answer is in, so storage reads, token requests and slow
/// connections cannot bunch calls up at Teams. The tenant is the one the
/// sender names with <see cref="For"/> for the duration of its send.
/// </summary>
internal sealed class SendBudgetHandler(SendBudget budget) : DelegatingHandler
{
    private static readonly AsyncLocal<string?> CurrentTenant = new();

    /// <summary>Charges the calls made from here on, in this async flow, to <paramref name="tenantId"/>'s budget.</summary>
    public static void For(string tenantId) => CurrentTenant.Value = tenantId;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tenant = CurrentTenant.Value ?? throw new InvalidOperationException("A reminder connector call was made without naming the tenant whose budget it uses.");
        // The call counts against the budget from its start until a second after its answer (or failure).
        using var call = await budget.AcquireAsync(tenant, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
