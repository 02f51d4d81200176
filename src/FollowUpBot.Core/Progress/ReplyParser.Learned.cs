using System.Globalization;

namespace FollowUpBot.Progress;

/// <summary>
/// When the rules and the learned classifier (<see cref="ReplyClassifier"/>) meet. The rules decide whenever
/// they are sure; the classifier speaks where they found no status, may replace a status the rules were unsure
/// of, and makes the bot ask (confidence below <see cref="ConfirmBelow"/>) when it finds the rules' reading
/// unlikely. A status only the classifier read is always confirmed with the picker: it is a best guess.
/// </summary>
/// <param name="MinEvidence">Known features a reply needs before the classifier's reading counts ("ok", "谢谢" have too few).</param>
/// <param name="SpeakAbove">Where the rules found nothing, the classifier's status counts from this probability.</param>
/// <param name="SwitchAbove">An unsure rules status gives way to a different classifier status this probable.</param>
/// <param name="DoubtBelow">A sure rules status the classifier gives less than this probability is asked about.</param>
/// <param name="Cap">The highest confidence of a status the classifier decided: below <see cref="ReplyParser.ConfirmBelow"/>, so the bot asks.</param>
/// <param name="NotStartedDoubtBelow">As <paramref name="DoubtBelow"/> for a rules "not started"; negative: the same as <paramref name="DoubtBelow"/>.</param>
/// <param name="CompletionDoubtBelow">As <paramref name="DoubtBelow"/> for a rules completion request; negative: the same as <paramref name="DoubtBelow"/>.</param>
internal sealed record ReplyLearnedPolicy(int MinEvidence, double SpeakAbove, double SwitchAbove, double DoubtBelow, double Cap, double NotStartedDoubtBelow = -1, double CompletionDoubtBelow = -1)
{
    /// <summary>The policy chosen by leave-one-batch-out over the public batches (docs/evaluation/replies.md).</summary>
    /// <remarks>
    /// Round 7, leave-one-batch-out over batches 1-10: a classifier at least 0.95 sure replaces an unsure rules status (only
    /// the picker's pre-filled guess changes: the status stays unsure), which read 7 more of 1,247 rows right with the same
    /// confident-wrong count (0.9: 5 more; 0.8: none; 0.5: 20 fewer); a rules "not started" is doubted below 0.2 and a completion request below 0.4 (other statuses
    /// below 0.1), which stored 10 fewer wrong statuses without asking (53 -> 43) for 48 more right readings sent to the picker.
    /// </remarks>
    public static ReplyLearnedPolicy Chosen { get; } = new(MinEvidence: 4, SpeakAbove: 0.3, SwitchAbove: 0.95, DoubtBelow: 0.1, Cap: 0.65, NotStartedDoubtBelow: 0.2, CompletionDoubtBelow: 0.4);

    /// <summary>Below which probability of the classifier a sure rules status is asked about.</summary>
    public double DoubtFor(ReplyStatus status) => status switch
    {
        ReplyStatus.NotStarted when NotStartedDoubtBelow >= 0 => NotStartedDoubtBelow,
        ReplyStatus.CompletionRequested when CompletionDoubtBelow >= 0 => CompletionDoubtBelow,
        _ => DoubtBelow,
    };
}

internal static partial class ReplyParser
{
    /// <summary>
    /// A status the rules are sure of but the classifier finds unlikely gets this confidence at most: the bot asks.
    /// </summary>
    public const double DoubtedConfidence = 0.6;

    /// <summary>How the rules' reading and the classifier's meet; pure, so cross-validation can replay it.</summary>
    public static (ReplyStatus? Status, double Confidence, bool Learned) Combine(
        ReplyStatus? rules,
        double confidence,
        ReplyPrediction prediction,
        ReadOnlySpan<double> probabilities,
        ReplyLearnedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (prediction.Evidence < policy.MinEvidence)
        {
            return (rules, confidence, false);
        }

        var guess = Math.Round(Math.Min(prediction.Probability, policy.Cap), 2);
        if (rules is not { } status)
        {
            return prediction.Probability >= policy.SpeakAbove ? (prediction.Status, guess, true) : (null, 0, false);
        }

        if (prediction.Status == status)
        {
            return (rules, confidence, false);
        }

        if (confidence < ConfirmBelow && prediction.Probability >= policy.SwitchAbove)
        {
            return (prediction.Status, guess, true);
        }

        return probabilities[(int)status] < policy.DoubtFor(status)
            ? (rules, Math.Min(confidence, DoubtedConfidence), false)
            : (rules, confidence, false);
    }

    private static Decision Learned(Decision rules, string folded, List<Cue> cues, ReplyClassifier? classifier, ReplyLearnedPolicy policy, List<ReplyEvidence> evidence)
    {
        // A bare acknowledgment says nothing of the work: no learned guess is offered for it.
        if (classifier is null || (rules.Status is null && ReplyCues.IsAcknowledgment(folded)))
        {
            return rules;
        }

        Span<double> probabilities = stackalloc double[ReplyClassifier.Classes];
        var prediction = classifier.Predict(folded, cues, probabilities);
        var (status, confidence, learned) = Combine(rules.Status, rules.Confidence, prediction, probabilities, policy);
        if (learned)
        {
            var words = string.Join(", ", prediction.Deciding);
            evidence.Add(new ReplyEvidence(words, string.Create(
                CultureInfo.InvariantCulture,
                $"learned reading: {prediction.Status.ToContractName()} ({prediction.Probability:0.00}){(rules.Status is { } was ? $" over the rules' unsure {was.ToContractName()}" : string.Empty)}: the bot asks to confirm")));
            return new Decision(status, confidence, prediction.Deciding) { Learned = true };
        }

        if (rules.Status is { } kept && confidence < rules.Confidence)
        {
            evidence.Add(new ReplyEvidence(string.Empty, string.Create(
                CultureInfo.InvariantCulture,
                $"the learned reading ({prediction.Status.ToContractName()} {prediction.Probability:0.00}) finds {kept.ToContractName()} unlikely: the bot asks to confirm")));
            return rules with { Confidence = confidence };
        }

        return rules;
    }
}
