using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// The clause rules for English minutes: "X will …", "X to …", "ACTION: X …", "Referred to X", "X was asked to …",
/// each directive running from its actor to the next directive's actor or the end of the sentence.
/// </summary>
internal sealed partial class EnglishClauses(string text, ExtractionPass pass)
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "No", "vs", "etc", "e.g", "i.e", "Inc", "Ltd", "Co", "Jr", "Sr", "Prof", "Cllr", "approx", "Dept", "Jan", "Feb",
        "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    };

    // Words after a handle that report or describe rather than start a task ("@tcr said …", "@frijol thinks …").
    private static readonly HashSet<string> NotTaskVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "thinks", "thought", "feels", "felt", "mentioned", "noted", "notes", "agrees", "disagrees", "wonders", "asks",
        "suggests", "reports", "explains", "likes", "prefers", "can", "could", "may", "might", "will", "would", "should", "shall", "must",
        "did", "does", "do", "forgot", "forgets", "wants", "hopes", "is", "are", "was", "were", "has", "have", "had", "and", "or", "to",
        "also", "the", "a", "an", "of", "in", "on", "for", "with",
    };

    // "MD: Early to mid May": a time word before "to" opens a range of dates, not a subject.
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "Early", "Late", "Mid", "Later", "Sometime", "Soon" };

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly System.Buffers.SearchValues<string> OwnerHints =
        System.Buffers.SearchValues.Create(["owner", "responsib", "assign", "lead", "action", "Who"], StringComparison.OrdinalIgnoreCase);

    // The sentence before on this line directed someone ("Mayor Lee directed staff not to …;"), so "and that … that staff
    // advise …" after it continues the direction.
    private bool _directed;

    // How many drafts this line produced, so an ACTION line with none still yields a candidate.
    private int _drafts;

    // The speaker of a transcript or minutes line ("Isaiah Langer: Sounds good. I will draft …"); null when none.
    private List<string>? _speaker;

    // The speaker's line is talk (initials, or I/we in it), where "X should …" is a suggestion.
    private bool _talking;

    // The drafts count when the current line started, so a closing "Action: Clerk" knows the line already assigned its task.
    private int _lineStartDrafts;

    public void ReadLine(int contentStart, int end, bool action)
    {
        var before = _drafts;
        _lineStartDrafts = before;

        // "- [x] …" is done; "- [ ] …" is a task list item whose text starts after the box.
        if (CheckBox().Match(text, contentStart, end - contentStart) is { Success: true } box)
        {
            if (box.Groups["done"].Success)
            {
                pass.Exclude(contentStart, end);
                return;
            }

            contentStart += box.Length;

            // An open box is a task; one that names its owner ("- [ ] Alex: update the roadmap", "- [ ] Update it @sam") is read as
            // an ACTION line is.
            action |= OwnedActionLine().IsMatch(text, contentStart) || TrailingMention().IsMatch(text.AsSpan(contentStart, end - contentStart));
        }

        // "Confirm the outreach channels and improve visibility. - Matt, Duncan, Hwang": the task first, its owners after a dash.
        // In brackets only in an action list: "Update on permissions (Dan)" in an agenda names who presents.
        if (OwnerSuffix().Match(text, contentStart, end - contentStart) is { Success: true } suffix && (action || !suffix.Groups["tail"].Success)
            && EnglishActors.IsListVerb(suffix.Groups["verb"].Value) && !MeetingProcedure().IsMatch(text.AsSpan(contentStart, suffix.Groups["names"].Index - contentStart))
            && EnglishActors.Split(suffix.Groups["names"].Value) is { } suffixOwners)
        {
            // "Circulate the budget to members (Treasurer)", "Send the minutes to the editor [AB]": the owner closes the line in brackets.
            Add(contentStart, contentStart, suffixOwners, end, taskEnd: suffix.Groups["tail"].Success ? suffix.Groups["tail"].Index : suffix.Groups["names"].Index);
            return;
        }

        // "- Clerk to write to Highways - done", "Order the bench (completed)": nothing left to follow up.
        if (DoneSuffix().IsMatch(text.AsSpan(contentStart, end - contentStart)))
        {
            pass.Exclude(contentStart, end);
            return;
        }

        // "ACTION, Doug S: Post a proposal … (carried over: … Doug needs to wait for Ryan …)": the owner before the colon owns the
        // whole line; a note about progress after it is not another task.
        // A lower-case word after the colon must be a task's verb ("Lucy: book the room", not "Lucy: secretary").
        if (action && OwnedActionLine().Match(text, contentStart, end - contentStart) is { Success: true } owned
            && (!owned.Groups["verb"].Success || EnglishActors.IsListVerb(owned.Groups["verb"].Value))
            && (EnglishActors.Split(owned.Groups["owner"].Value) ?? Handle(owned.Groups["owner"].Value) ?? InitialledName(owned.Groups["owner"].Value)) is not null)
        {
            ReadActionLine(contentStart, end);
            return;
        }

        var tag = SpeakerTag().Match(text, contentStart, end - contentStart);
        _speaker = tag.Success ? EnglishActors.Split(tag.Groups["name"].Value) : null;

        // A line that is someone talking — initials as in chat-style minutes ("RCA: …") or a speaker who says I/we — rather
        // than a topic label ("Highways: The Clerk should chase …").
        _talking = _speaker is not null && (Initials().IsMatch(tag.Groups["name"].ValueSpan) || FirstPersonWord().IsMatch(text.AsSpan(contentStart, end - contentStart)));
        var sentenceStart = contentStart;
        var previousSentence = contentStart;
        var depth = 0;
        for (var i = contentStart; i <= end; i++)
        {
            // A semicolon inside brackets ("(Owner: Priya; Due: 5/6)") does not end anything.
            if (i < end)
            {
                depth += text[i] == '(' ? 1 : text[i] == ')' && depth > 0 ? -1 : 0;
            }

            if (i < end && (depth > 0 || !IsSentenceEnd(i, end)))
            {
                continue;
            }

            if (i > sentenceStart)
            {
                ReadSentence(sentenceStart, i, previousSentence, contentStart);
                previousSentence = sentenceStart;
            }

            sentenceStart = i + 1;
        }

        if (action && _drafts == before)
        {
            ReadActionLine(contentStart, end);
        }
    }

    private void ReadActionLine(int contentStart, int end)
    {
        var content = text[contentStart..end];

        // "Create PR for minutes - already completed during meeting": nothing left to follow up.
        if (DoneNote().IsMatch(content))
        {
            pass.Exclude(contentStart, end);
            return;
        }

        var owner = Owner().Match(content);
        List<string>? lead = null;
        if (owner.Success)
        {
            lead = LeadingActors(owner.Groups["actor"].Value);
        }

        // "Update the release notes (@maria) - due 2025-03-01": a mention in brackets owns the item.
        if (lead is null && BracketedMentions().Match(content) is { Success: true } mentioned
            && EnglishActors.Split(mentioned.Groups["names"].Value) is { } mentions)
        {
            lead = mentions;
        }

        // "- [ ] Update the roadmap @sam": a handle closing an action line owns it.
        if (lead is null && TrailingMention().Match(content) is { Success: true } trailing && Handle(trailing.Groups["names"].Value.TrimStart('@')) is { } closing)
        {
            lead = closing;
        }

        // "ACTION: Ana Silva and the Data team: publish …" / "ACTION: Lisa Grant — notify …"
        // "**Karim:** Bounce the message …": Markdown bold around the owner (its colon inside or outside) is markup.
        var named = NamedAction().Match(content);
        var taskStart = contentStart;
        var namedOwner = !named.Success ? "" : content.AsSpan(named.Index).TrimStart().StartsWith(":**") ? content[..named.Index].TrimStart('*') : content[..named.Index];
        if (lead is null && named.Success && (EnglishActors.Split(namedOwner) ?? Handle(namedOwner) ?? InitialledName(namedOwner)) is { } actors)
        {
            lead = actors;
            taskStart = contentStart + named.Index + named.Length;
            while (taskStart < end && text[taskStart] is '*' or ' ')
            {
                taskStart++;
            }

            // "Owen Arnold: Andrei Savici: Add …": each name before a colon shares the item.
            while (NamedAction().Match(text, taskStart, end - taskStart) is { Success: true } next && next.Value.Trim().StartsWith(':')
                && text.AsSpan(taskStart, next.Index - taskStart).Trim().Count(' ') <= 3 && EnglishActors.Split(text[taskStart..next.Index]) is { } more)
            {
                lead.AddRange(more);
                taskStart = next.Index + next.Length;
            }
        }

        // "- @frijol send the PR to #team-members" / "- Ryan check the coverage reports" in an action list: a handle or a name
        // directly before the task's verb owns it.
        if (lead is null && LeadingOwner().Match(content) is { Success: true } leading && LeadingOwnerActors(leading, content) is { } leaders)
        {
            lead = leaders;
            taskStart = contentStart + leading.Groups["verb"].Index;
        }

        // ACTION lines with no owner are still actions: the organiser assigns them.
        var draft = pass.NewDraft(contentStart, taskStart, lead ?? [], english: true, rule: "en.ActionLine");
        draft.End = end;
        _drafts++;
    }

    /// <summary>
    /// The owner at the start of an action item: a handle ("@tcr explore …", its "@" dropped) before any verb that is not an
    /// auxiliary or a past form, or a name before a verb of action lists ("Ryan check …", not "Testing continues …").
    /// </summary>
    private static List<string>? LeadingOwnerActors(Match leading, string content)
    {
        var verb = leading.Groups["verb"].Value;
        if (leading.Groups["handle"].Success)
        {
            return NotTaskVerbs.Contains(verb) || verb.EndsWith("ed", StringComparison.Ordinal)
                ? null
                : [leading.Groups["handle"].Value];
        }

        // "New release 0.4.1 to be done": a noun phrase with its own verb later, not a name and an imperative.
        var rest = content.AsSpan(leading.Index + leading.Length);
        return (EnglishActors.IsListVerb(verb) || verb is "see") && !LaterFiniteVerb().IsMatch(rest) && leading.Groups["name"].Value is not ("New" or "Old" or "Final" or "First" or "Last" or "General" or "Other" or "Open")
            ? EnglishActors.Split(leading.Groups["name"].Value)
            : null;
    }

    /// <summary>
    /// A first name and a surname initial as the owner of an action line ("Paul I: Do further investigation …"): the "I" is an
    /// initial there, not the pronoun.
    /// </summary>
    private static List<string>? InitialledName(string owner) => InitialledNamePattern().IsMatch(owner.Trim()) ? [owner.Trim()] : null;

    /// <summary>A chat or repository handle as the owner of an action line ("mmccool: Clean up …").</summary>
    private static List<string>? Handle(string owner) => HandleName().IsMatch(owner.Trim()) ? [owner.Trim()] : null;

    /// <summary>
    /// One sentence, its forms tried in order: a speaker's commitment, then every modal ("X will …", "X to …", "X was asked
    /// to …"), then, when none assigned anything, "directed X to", an obliged passive with its agent, "resolved that X",
    /// a referral, and an owner note.
    /// </summary>
    private void ReadSentence(int start, int end, int previousSentence, int lineContentStart)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        // "Will you be opening new PRs today?", "Should the Clerk write to Highways?": a question asks, it assigns nothing.
        if (end < text.Length && text[end] == '?')
        {
            pass.Exclude(start, end);
            return;
        }

        var sentence = text[start..end];

        // "John was asked to draft the letter and has done so": an assignment reported together with its completion.
        if (sentence.Contains(" ha", StringComparison.Ordinal) && DoneClause().IsMatch(sentence))
        {
            pass.Exclude(start, end);
            return;
        }

        if (TrySpeakerCommitment(sentence, start, end, lineContentStart))
        {
            return;
        }

        // "All, please add your goals …", "RCA: Everyone, please review …", "Team: please send …": the one addressed owns it.
        if (sentence.Contains("lease ", StringComparison.Ordinal) && Vocative().Match(sentence) is { Success: true } vocative
            && IsAddressee(vocative.Groups["who"].Value) && !SpeakerSaysPlease(sentence, vocative)
            && EnglishActors.Split(vocative.Groups["who"].Value) is { } addressed)
        {
            Add(start + vocative.Groups["who"].Index, start + vocative.Index + vocative.Length, addressed, end);
            return;
        }

        var current = ReadModals(sentence, start, end)
            ?? DirectedOwner(sentence, start, end)
            ?? PassiveAgent(sentence, start, end)
            ?? ResolvedOwner(sentence, start, end)
            ?? ContinuedDirection(sentence, start, end);
        _directed = current is not null && DirectingVerb().IsMatch(sentence);

        var referred = sentence.Contains("eferred", StringComparison.Ordinal) ? Referred().Match(sentence) : Match.Empty;
        if (referred.Success && current is null && EnglishActors.Split(referred.Groups["actor"].Value) is { } to)
        {
            AddReferral(sentence, start, end, previousSentence, referred, to);
        }

        // "Referred the letter to the Planning Committee for a report", "REFERRED the issues … to Community Development": the
        // meeting sends a matter on, and the party it goes to owns it.
        if (current is null && !referred.Success && (sentence.Contains("eferred", StringComparison.Ordinal) || sentence.Contains("REFERRED", StringComparison.Ordinal))
            && ActiveReferral().Match(sentence) is { Success: true } sent && LeadingActors(sent.Groups["actor"].Value) is { } sentTo)
        {
            var what = sent.Groups["what"];
            Add(start + what.Index, start + what.Index, sentTo, end, taskEnd: start + what.Index + what.Length);
            return;
        }

        if (current is null && !referred.Success)
        {
            ReadOwnerNote(sentence, start, end, lineContentStart);
        }
    }

    private Draft Add(int start, int taskStart, List<string> lead, int end, int taskEnd = -1, [System.Runtime.CompilerServices.CallerMemberName] string rule = "")
    {
        var draft = pass.NewDraft(start, taskStart, lead, english: true, taskEnd, rule: "en." + rule);
        draft.End = end;
        _drafts++;
        return draft;
    }

    /// <summary>"**Bert**: Will send an email …", "Jory: will confirm …", a transcript's "I'll send …": the speaker owns it.</summary>
    private bool TrySpeakerCommitment(string sentence, int start, int end, int lineContentStart)
    {
        if (start == lineContentStart && SpeakerCommitment().Match(sentence) is { Success: true } spoken
            && EnglishActors.Split(spoken.Groups["name"].Value) is { } speakers)
        {
            Add(start + spoken.Groups["rest"].Index, start + spoken.Index + spoken.Length, speakers, end);
            return true;
        }

        // "Silona - to reach out …" / "Hwang - set up a mailing list": a name, a dash, then the task.
        if (start == lineContentStart && DashedOwner().Match(sentence) is { Success: true } dashed
            && DashedVerb(sentence, dashed.Length) && EnglishActors.Split(dashed.Groups["name"].Value) is { } owners)
        {
            Add(start, start + dashed.Length, owners, end);
            return true;
        }

        // A later sentence of the same speaker's line: "Isaiah Langer: Sounds good. I will draft the contract."
        if (_speaker is not null && start != lineContentStart && FirstPersonCommitment().Match(sentence) is { Success: true } promise)
        {
            Add(start, start + promise.Length, _speaker, end);
            return true;
        }

        return false;
    }

    /// <summary>
    /// "Jonathan: Please check the open PRs": one person's name, a colon and a capitalised "Please" is that person speaking to the
    /// meeting, as in minutes of speaker lines; "Team: please send …" and "All, please …" address the party named.
    /// </summary>
    private static bool SpeakerSaysPlease(string sentence, Match vocative)
    {
        var who = vocative.Groups["who"];
        var after = sentence.AsSpan(who.Index + who.Length).TrimStart('*');
        return after.StartsWith(": Please ", StringComparison.Ordinal) && !who.Value.Contains(' ', StringComparison.Ordinal)
            && !EnglishActors.IsCommonWord(who.Value) && who.Value is not ("All" or "Everyone" or "Everybody" or "Team" or "Staff" or "Members" or "Volunteers" or "Officers");
    }

    /// <summary>"Thanks, please …", "Again, please …", "Finally: please …" open a request to no one in particular.</summary>
    private static bool IsAddressee(string who) =>
        !(EnglishActors.IsCommonWord(who) || (!who.Contains(' ') && who.EndsWith("ly", StringComparison.Ordinal))
          || who is "Hi" or "Hello" or "Hey" or "Sorry" or "Again" or "However" or "Therefore" or "Otherwise" or "Meanwhile" or "Instead"
              or "Note" or "Reminder" or "Thank" or "Thank you" or "Sure" or "Right" or "Great" or "Fine" or "Good");

    /// <summary>"Silona - to reach out …", "Hwang - set up …" but not "JanusGraph - ongoing meetings …", "UIs - type explorer": a task after the dash.</summary>
    private static bool DashedVerb(string sentence, int taskStart)
    {
        var before = sentence.AsSpan(0, taskStart).TrimEnd();
        if (before.EndsWith(" to") || before.EndsWith(" To"))
        {
            return true;
        }

        var rest = sentence.AsSpan(taskStart);
        var word = rest[..(rest.IndexOfAny(' ', ',', '.') is var space and >= 0 ? space : rest.Length)];

        // "Al Smith – Speak with the sales team": a plan list may capitalise the verb after the dash.
        return EnglishActors.IsListVerb(word.ToString()) || (word.Length > 1 && char.IsUpper(word[0]) && EnglishActors.IsListVerb(word.ToString().ToLowerInvariant()));
    }

    /// <summary>A directive per modal with a subject that names parties; each ends where the next one's subject starts.</summary>
    private Draft? ReadModals(string sentence, int start, int end)
    {
        Draft? current = null;
        var searchFrom = 0;

        // "Council directed staff to examine …": the one directed owns the task, not "Council directed staff".
        var directedTo = -1;
        var directedMatch = DirectedOther().Match(sentence);
        if (directedMatch.Success)
        {
            directedTo = sentence.LastIndexOf(" to ", directedMatch.Index + directedMatch.Length - 1, StringComparison.Ordinal) + 1;
        }

        // Span matching: "to" alone occurs in most sentences, so this path must not allocate per match.
        foreach (var modal in Modal().EnumerateMatches(sentence))
        {
            if (modal.Index < searchFrom)
            {
                continue;
            }

            var infinitive = modal.Length == 2;

            // "should the need arise", "will the contractor be able to …": a modal before its subject is a condition or a question.
            if (!infinitive && FirstWordIsDeterminer(sentence.AsSpan(modal.Index + modal.Length)))
            {
                pass.Exclude(start + modal.Index, start + modal.Index + modal.Length);
                continue;
            }

            if (modal.Index == directedTo && LeadingActors(directedMatch.Groups["actor"].Value) is { } directedActors
                && directedMatch.Groups["actor"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8)
            {
                // "Paul Wolff, resident, asked Council to endorse the Commission's statement": the meeting body asked to
                // deliberate is the meeting's own business.
                if (AskedToDeliberate(sentence, directedMatch, modal.Index + modal.Length, directedActors))
                {
                    pass.Exclude(start + modal.Index, start + modal.Index + modal.Length);
                    searchFrom = modal.Index + modal.Length;
                    continue;
                }

                if (current is not null)
                {
                    current.End = start + TrimConnector(sentence, directedMatch.Index);
                }

                current = Add(start + directedMatch.Groups["actor"].Index, start + modal.Index + modal.Length, directedActors, end);
                searchFrom = modal.Index + modal.Length;
                continue;
            }

            // "Moved, seconded and voted 3-0 to have the CEO purchase a phone": the body votes to have someone do it, and that
            // someone owns the task.
            // "The board agreed to have …": the "to" may close a longer modal.
            var toAt = sentence.AsSpan(modal.Index, modal.Length).EndsWith(" to", StringComparison.Ordinal) || infinitive ? modal.Index + modal.Length - 2 : -1;
            if (toAt >= 0 && Causative().Match(sentence, toAt) is { Success: true } causative
                && Voted().IsMatch(sentence.AsSpan(searchFrom, toAt - searchFrom)) && LeadingActors(causative.Groups["actor"].Value) is { } caused)
            {
                if (current is not null)
                {
                    current.End = start + TrimConnector(sentence, modal.Index);
                }

                current = Add(start + causative.Groups["actor"].Index, start + causative.Index + causative.Length, caused, end);
                searchFrom = causative.Index + causative.Length;
                continue;
            }

            var subject = FindSubject(sentence, searchFrom, modal.Index, infinitive, out var subjectStart);
            if (subject is null && current is null && !infinitive && CarriedSubject(sentence, modal.Index) is { } carried)
            {
                (subject, subjectStart) = (carried, 0);
            }

            // "The Department is hereby directed to monitor …, and is further directed to submit …": a second direction to the
            // same party, with no subject of its own after "and".
            if (subject is null && current is not null && !infinitive && PassiveDirection().IsMatch(sentence.AsSpan(modal.Index, modal.Length))
                && sentence.AsSpan(searchFrom, modal.Index - searchFrom).TrimEnd().EndsWith(" and", StringComparison.Ordinal))
            {
                (subject, subjectStart) = ([.. current.Lead], modal.Index);
            }

            if (subject is null)
            {
                continue;
            }

            // Forms the rules reject on purpose are recorded, so the loose reading does not take them back
            // (docs/evaluation/extraction.md, round 9).
            if ((!infinitive && IsProcedure(sentence, modal.Index + modal.Length)) || IsBodyAgreement(sentence, modal.Index, subject)
                || IsBodyDeliberation(sentence, modal.Index + modal.Length, subject) || IsReported(sentence, subjectStart)
                || (!infinitive && Conditional().IsMatch(sentence.AsSpan(0, subjectStart)))
                || (infinitive && (Membership().IsMatch(sentence.AsSpan(modal.Index + modal.Length)) || NotInfinitive(sentence.AsSpan(modal.Index + modal.Length), subject)))

                // "The contractor is expected to complete the first phase in March" forecasts; "… are expected to complete it by May" obliges.
                || (sentence.AsSpan(modal.Index, modal.Length).EndsWith("expected to") && Forecast().IsMatch(sentence.AsSpan(modal.Index + modal.Length)))

                // "The Chairman agreed to permit discussion of …": the meeting's own procedure, whoever allows it.
                || InMeetingPermission().IsMatch(sentence.AsSpan(modal.Index + modal.Length))

                // "RCA: … The chair group should make a definitive list": in a speaker's line "should" is what the speaker suggests.
                || (_talking && sentence.AsSpan(modal.Index, modal.Length) is "should" or "could" or "might")

                // "would" assigns as reported agreement ("It was agreed that the Treasurer would circulate …") or as what minutes
                // record a named party taking on, opening the sentence ("The Clerk would arrange the handover"); "would like",
                // "would have" and a speaker's "would" wish or suppose.
                || (sentence.AsSpan(modal.Index, modal.Length).SequenceEqual("would") && !AgreedThat().IsMatch(sentence.AsSpan(0, subjectStart))
                    && (subjectStart > 0 || _speaker is not null || WouldHedge().IsMatch(sentence.AsSpan(modal.Index + modal.Length))))

                // "The contractor must have been delayed", "Staff should have sent it": a guess or a reproach about the past.
                || (!infinitive && PastModal().IsMatch(sentence.AsSpan(modal.Index)))

                // "The Mayor said he would try to ensure …": only an attempt promised.
                || (sentence.AsSpan(modal.Index, modal.Length).EndsWith(" would") && WouldHedge().IsMatch(sentence.AsSpan(modal.Index + modal.Length))))
            {
                pass.Exclude(start + modal.Index, start + modal.Index + modal.Length);
                continue;
            }

            if (current is not null)
            {
                current.End = start + TrimConnector(sentence, subjectStart);
            }

            current = Add(start + subjectStart, start + modal.Index + modal.Length, subject, end);
            searchFrom = modal.Index + modal.Length;
        }

        return current;
    }

    /// <summary>
    /// "Needs to be figured out", "Comparisons to existing Mantid need …", "Good to do user testing early": a "to" after a thing
    /// acted on (a passive follows), before an -ing word (a preposition, not an infinitive), or after a lone common word
    /// assigns no one.
    /// </summary>
    private static bool NotInfinitive(ReadOnlySpan<char> rest, List<string> subject)
    {
        rest = rest.TrimStart();
        if (PassiveParticiple().IsMatch(rest))
        {
            return true;
        }

        // "Costs to be met from Reserves": an irregular participle is a passive too; "Consent to agenda": "to" before the
        // meeting's own papers is a preposition.
        if (IrregularPassive().IsMatch(rest) || MeetingPapers().IsMatch(rest))
        {
            return true;
        }

        var word = rest[..(rest.IndexOfAny(' ', ',', '.') is var space and >= 0 ? space : rest.Length)];

        // "Access to the site …", "Changes to the constitution were approved": "to" before a determiner is a preposition.
        return Determiners.Contains(word.ToString()) || (word.Length >= 7 && word.EndsWith("ing", StringComparison.Ordinal))
            || (subject.Count == 1 && !subject[0].Contains(' ') && (EnglishActors.IsCommonWord(subject[0]) || EnglishActors.IsImperativeVerb(subject[0]) || EnglishActors.IsAbstractNoun(subject[0])));
    }

    /// <summary>"…, and Myles to move it", "…, and LF Creative to export it": one word, or two that both start with a capital.</summary>
    private static bool CapitalisedName(ReadOnlySpan<char> phrase)
    {
        var space = phrase.IndexOf(' ');
        return space < 0 || (phrase[(space + 1)..].IndexOf(' ') < 0 && char.IsUpper(phrase[0]) && space + 1 < phrase.Length && char.IsUpper(phrase[space + 1]));
    }

    /// <summary>"Tobie is at FOSDEM this week, but will be working on the draft": "but will" keeps the sentence's subject.</summary>
    private static List<string>? CarriedSubject(string sentence, int modalIndex)
    {
        var before = sentence.AsSpan(0, modalIndex).TrimEnd();
        if (!(before.EndsWith(", but") || before.EndsWith(" but") || before.EndsWith(" and")))
        {
            return null;
        }

        var verb = SubjectVerb().Match(sentence);
        return verb.Success && verb.Index + verb.Length < modalIndex ? EnglishActors.Split(verb.Groups["actor"].Value) : null;
    }

    /// <summary>"The Board directed the Superintendent to review …": the one directed is the actor.</summary>
    private Draft? DirectedOwner(string sentence, int start, int end) =>
        DirectedOther().Match(sentence) is { Success: true } directed && LeadingActors(directed.Groups["actor"].Value) is { } directedActors
            && directed.Groups["actor"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8
            && !AskedToDeliberate(sentence, directed, directed.Index + directed.Length, directedActors)
            ? Add(start + directed.Groups["actor"].Index, start + directed.Index + directed.Length, directedActors, end)
            : null;

    /// <summary>"All corrections should be made by the City Clerk": the agent of an obliged passive does the work.</summary>
    private Draft? PassiveAgent(string sentence, int start, int end)
    {
        if (!sentence.Contains(" by ", StringComparison.Ordinal))
        {
            return null;
        }

        if (PassiveBy().Match(sentence) is { Success: true } passive && !ReportingWord().IsMatch(sentence.AsSpan(0, passive.Index))
            && LeadingActors(passive.Groups["actor"].Value) is { } agents)
        {
            return Add(start, start, agents, end, taskEnd: start + passive.Index);
        }

        // "RESOLVED that an ad-hoc committee be appointed by the Executive Committee to …": a resolution's subjunctive passive
        // gives the work to its agent.
        return ResolvedPassiveBy().Match(sentence) is { Success: true } resolved
            && LeadingActors(resolved.Groups["actor"].Value) is { } resolvedAgents
            ? Add(start + resolved.Groups["what"].Index, start + resolved.Groups["what"].Index, resolvedAgents, end, taskEnd: start + resolved.Groups["what"].Index + resolved.Groups["what"].Length)
            : null;
    }

    /// <summary>"It was resolved that the Clerk report the potholes …": a subjunctive after a resolution assigns the work.</summary>
    private Draft? ResolvedOwner(string sentence, int start, int end)
    {
        // "That the Clerk write to …": a resolution's clause, with or without "RESOLVED" before it.
        var resolved = sentence.Contains(" that ", StringComparison.OrdinalIgnoreCase) || sentence.TrimStart().StartsWith("That ", StringComparison.Ordinal)
            ? ResolvedThat().Match(sentence)
            : Match.Empty;

        // "The Council requested Staff explore options for …": a request with a bare infinitive and no "that".
        if (!resolved.Success && sentence.Contains("request", StringComparison.Ordinal))
        {
            resolved = RequestedBare().Match(sentence);
        }

        // "BE IT RESOLVED THAT Council receives Memo …": the meeting body acting by the resolution assigns no one.
        return resolved.Success && LeadingActors(resolved.Groups["actor"].Value) is { } resolvedActors
            && !(resolvedActors.Count == 1 && MeetingBodies.Contains(resolvedActors[0]))
            ? Add(start + resolved.Groups["actor"].Index, start + resolved.Index + resolved.Length, resolvedActors, end)
            : null;
    }

    /// <summary>
    /// "…directed staff not to exceed the budget; and that if a special meeting is needed, that staff advise Councilmembers":
    /// after a direction, a clause "and that … that X &lt;verb&gt;" is one more thing directed.
    /// </summary>
    private Draft? ContinuedDirection(string sentence, int start, int end)
    {
        if (!_directed || !sentence.TrimStart().StartsWith("and that ", StringComparison.Ordinal))
        {
            return null;
        }

        Match? last = null;
        foreach (Match match in ContinuedThat().Matches(sentence))
        {
            last = match;
        }

        return last is not null && LeadingActors(last.Groups["actor"].Value) is { } actors
            ? Add(start + last.Index, start + last.Index + last.Length, actors, end)
            : null;
    }

    /// <summary>"Referred to X." usually closes the sentence that said what is referred.</summary>
    private void AddReferral(string sentence, int start, int end, int previousSentence, Match referred, List<string> to)
    {
        var from = referred.Index == 0 ? previousSentence : start;
        var referredWhat = sentence.AsSpan(0, referred.Index).TrimEnd();
        foreach (var auxiliary in (ReadOnlySpan<string>)[" was", " were", " is", " are", " has been", " have been"])
        {
            if (referredWhat.EndsWith(auxiliary, StringComparison.Ordinal))
            {
                referredWhat = referredWhat[..^auxiliary.Length];
                break;
            }
        }

        // The task of a referral is what was referred; when the sentence says nothing else, the referral itself.
        if (referredWhat.IsEmpty)
        {
            Add(from, start + referred.Index, to, end);
        }
        else
        {
            Add(from, start, to, end, taskEnd: start + referredWhat.Length);
        }
    }

    /// <summary>"(Owner: X)" names who does what the line said before it; a line that is only "Responsible: X" assigns the item above.</summary>
    private void ReadOwnerNote(string sentence, int start, int end, int lineContentStart)
    {
        // "bring that to the board (Kris volunteers)": the volunteer owns what the sentence says.
        if (sentence.Contains("volunteer", StringComparison.Ordinal) && Volunteers().Match(sentence) is { Success: true } volunteer
            && EnglishActors.Split(volunteer.Groups["actor"].Value) is { } volunteers)
        {
            Add(start, start, volunteers, end, taskEnd: start + volunteer.Index);
            return;
        }

        var owner = sentence.AsSpan().IndexOfAny(OwnerHints) >= 0 ? Owner().Match(sentence) : Match.Empty;
        if (!owner.Success || LeadingActors(owner.Groups["actor"].Value) is not { } owners)
        {
            return;
        }

        if (owner.Index == 0 && start == lineContentStart && owner.Length + 1 >= end - start)
        {
            // "Item: Refresh the signage" / "Owner: Lee": a labelled task on the line above, no directive by itself, is the owner's.
            if (!pass.AssignPrevious(owners) && LabelledTaskAbove(lineContentStart) is var (taskStart, taskEnd) && taskStart >= 0)
            {
                Add(taskStart, taskStart, owners, end, taskEnd: taskEnd);
            }

            return;
        }

        // "Clerk to write to the landowner. Action: Clerk": the note repeats the owner of the task its line already gave.
        if (owner.Index == 0 && owner.Length + 1 >= end - start && _drafts > _lineStartDrafts)
        {
            pass.AssignPrevious(owners);
            return;
        }

        Add(lineContentStart, lineContentStart, owners, end);
    }

    /// <summary>Where the task of a "Task: …" / "Item: …" / "What: …" line right above starts and ends; (-1, -1) when there is none.</summary>
    private (int Start, int End) LabelledTaskAbove(int lineStart)
    {
        var lineBreak = text.LastIndexOf('\n', Math.Max(0, lineStart - 1));
        if (lineBreak <= 0)
        {
            return (-1, -1);
        }

        var aboveStart = text.LastIndexOf('\n', lineBreak - 1) + 1;
        var above = LabelledTask().Match(text, aboveStart, lineBreak - aboveStart);
        return above.Success ? (above.Groups["task"].Index, aboveStart + text.AsSpan(aboveStart, lineBreak - aboveStart).TrimEnd().Length) : (-1, -1);
    }

    /// <summary>The longest run of leading words that names parties ("Procurement team" in "Procurement team, by Friday").</summary>
    private static List<string>? LeadingActors(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = Math.Min(words.Length, 8); count > 0; count--)
        {
            if (EnglishActors.Split(string.Join(' ', words, 0, count).TrimEnd(',', ';', '.', ')')) is { } actors)
            {
                return actors;
            }
        }

        return null;
    }

    private static List<string>? FindSubject(string sentence, int from, int modalIndex, bool infinitive, out int subjectStart)
    {
        // "It was agreed for the Clerk to write …", "… agreed to complete the form and for the Clerk to return it": "for X to"
        // right after the agreement, or joined to what was agreed, names who acts.
        if (infinitive && sentence.AsSpan(from, modalIndex - from).Contains(" for ", StringComparison.Ordinal)
            && AgreedFor().Match(sentence, from, modalIndex - from) is { Success: true } agreedFor
            && (agreedFor.Groups["agreed"].Success || AgreementWord().IsMatch(sentence.AsSpan(0, agreedFor.Index)))
            && EnglishActors.Split(agreedFor.Groups["actor"].Value) is { } forActors)
        {
            subjectStart = agreedFor.Groups["actor"].Index;
            return forActors;
        }

        // Try the widest subject first (Finance and HR will …), then narrower ones after clause boundaries; a heading run into
        // the sentence ("Staff Training The Treasurer to …") is not part of the subject.
        var opening = RunInHeadingEnd(sentence, from, modalIndex);
        var candidate = opening;
        var boundaries = SubjectBoundary().EnumerateMatches(sentence.AsSpan(opening, modalIndex - opening));
        while (true)
        {
            // "X to …" needs X at the start of the sentence or after a colon, or a short name after a comma ("…, Myles to move it").
            var before = sentence.AsSpan(0, candidate);
            var allowed = !infinitive || candidate == opening || before.EndsWith(": ") || before.EndsWith(":** ")
                || (DiscussionOpening().IsMatch(before) && sentence.AsSpan(candidate, modalIndex - candidate).Trim().Count(' ') <= 2) || before.EndsWith("(")
                || (before.EndsWith(", and ") && CapitalisedName(sentence.AsSpan(candidate, modalIndex - candidate).Trim()))
                || ((before.TrimEnd().EndsWith("–") || before.TrimEnd().EndsWith("—")) && sentence.AsSpan(candidate, modalIndex - candidate).Trim().Count(' ') <= 2)
                || (before.EndsWith(", ") && sentence.AsSpan(candidate, modalIndex - candidate).Trim().Count(' ') <= 2);
            if (allowed && modalIndex - candidate <= 90)
            {
                var raw = sentence.AsSpan(candidate, modalIndex - candidate);

                // "The Health Cluster, in coordination with …, will": the supporter between commas is not the subject.
                var aside = raw.IndexOf(", ");
                if (aside > 0 && SupportAside().IsMatch(raw[(aside + 2)..]))
                {
                    raw = raw[..aside];
                }

                // "*DS* will research …": emphasis around the name is markup; "Greg still needs to …": an adverb before the
                // modal is not part of the name.
                var trimmed = raw.Trim();
                foreach (var adverb in TrailingAdverb().EnumerateMatches(trimmed))
                {
                    trimmed = trimmed[..adverb.Index];
                }

                // "Eric Holk - will be helping with …": a dash between the name and the modal is minutes' shorthand.
                if (!infinitive && trimmed.Length > 3 && trimmed[^1] is '-' or '–' or '—' && trimmed[^2] == ' ')
                {
                    trimmed = trimmed[..^2].TrimEnd();
                }

                if (trimmed.Length > 2 && trimmed[0] is '*' or '_' && trimmed[^1] == trimmed[0])
                {
                    trimmed = trimmed.Trim(trimmed[0]);
                }

                // Cheap tests first: a subject is a few words without digits; most text before a "to" is not one.
                if (trimmed.Length > 0 && (char.IsLetter(trimmed[0]) || trimmed[0] == '@') && trimmed.Count(' ') <= 9 && trimmed.IndexOfAny(Digits) < 0
                    && !(infinitive && TimeWords.Contains(trimmed.ToString()))
                    && (EnglishActors.Split(trimmed.ToString()) ?? (InsideBrackets(sentence, candidate) ? EnglishActors.SplitHandles(trimmed.ToString()) : null)) is { } actors)
                {
                    subjectStart = candidate + (raw.Length - raw.TrimStart().Length);
                    return actors;
                }
            }

            if (!boundaries.MoveNext())
            {
                break;
            }

            var next = opening + boundaries.Current.Index + boundaries.Current.Length;

            // "A committee of parents and teachers will review …": an "and" inside an "of" phrase joins its nouns, so the
            // words after it are not the subject on their own.
            if (!OfPhraseAnd().IsMatch(sentence.AsSpan(candidate, next - candidate)))
            {
                candidate = next;
            }
            else if (!boundaries.MoveNext())
            {
                break;
            }
            else
            {
                candidate = opening + boundaries.Current.Index + boundaries.Current.Length;
            }
        }

        subjectStart = -1;
        return null;
    }

    /// <summary>
    /// "Community Grants Review The Treasurer to …": where flattened minutes run a heading into its first sentence, the
    /// subject starts at a capitalised "The" after two or more capitalised heading words; otherwise at <paramref name="from"/>.
    /// </summary>
    private static int RunInHeadingEnd(string sentence, int from, int modalIndex)
    {
        // "Landscaping- Forest will replace …": a topic word with a dash straight after it labels what follows.
        var dash = sentence.IndexOf("- ", from, modalIndex - from, StringComparison.Ordinal);
        if (dash > from && char.IsUpper(sentence[from]) && char.IsLetter(sentence[dash - 1]) && sentence.AsSpan(from, dash - from).IndexOf(' ') < 0
            && dash + 2 < modalIndex && char.IsUpper(sentence[dash + 2]))
        {
            return dash + 2;
        }

        // "Playground bin – ongoing MB to order …": a status word after the topic closes the heading; the subject follows it.
        if (StatusAfterTopic().Match(sentence, from, modalIndex - from) is { Success: true } status && status.Index > from)
        {
            return status.Index + status.Length;
        }

        // "Pat Testing of Fans Roy to discuss …": a title-case heading with a linking word, run into a one-name subject.
        if (TitleHeadingThenName(sentence, from, modalIndex) is var named and > 0)
        {
            return named;
        }

        var the = sentence.IndexOf(" The ", from, modalIndex - from, StringComparison.Ordinal);
        if (the <= from || sentence.AsSpan(the + 5, modalIndex - the - 5).Count(' ') > 4)
        {
            return from;
        }

        var words = 0;
        foreach (var word in sentence.AsSpan(from, the - from).Trim().Split(' '))
        {
            var w = sentence.AsSpan(from, the - from).Trim()[word];
            if (w.Length == 0 || !char.IsUpper(w[0]))
            {
                return from;
            }

            words++;
        }

        return words >= 2 ? the + 1 : from;
    }

    /// <summary>
    /// Where a heading such as "Pat Testing of Fans" (capitalised words and a lower-case of/and/for) runs into a subject of one
    /// capitalised name, the index of that name; 0 when the words before the modal are not that shape or already name a party.
    /// </summary>
    private static readonly HashSet<string> BodyNouns =
        ["Committee", "Council", "Board", "Group", "Team", "Department", "Office", "Trust", "Club", "Association", "Society", "Authority", "Company", "Centre", "Center", "Service", "Panel", "Forum"];

    private static int TitleHeadingThenName(string sentence, int from, int modalIndex)
    {
        var span = sentence.AsSpan(from, modalIndex - from).TrimEnd();
        var last = span.LastIndexOf(' ');
        if (last <= 0 || span.Count(' ') < 3 || span.Count(' ') > 7 || !TitleHeading().IsMatch(span[..last]))
        {
            return 0;
        }

        var name = span[(last + 1)..].ToString();
        return name.Length is >= 2 and <= 12 && char.IsUpper(name[0]) && name.Skip(1).All(char.IsLower) && !name.EndsWith('s')
            && !EnglishActors.IsCommonWord(name) && !BodyNouns.Contains(name) && EnglishActors.Split(name) is not null
            ? from + last + 1
            : 0;
    }

    /// <summary>
    /// "He said that the Council should agree …", "Members felt that the Parish Council should press …", "The Clerk reported that
    /// the contractor will start …": a modal clause that is what someone said, felt or reported is an opinion or a forecast, not
    /// an assignment (the speaker's own "said he would" is read by the modal list).
    /// </summary>
    private static bool IsReported(string sentence, int subjectStart) =>
        subjectStart > 0 && ReportingVerb().IsMatch(sentence.AsSpan(0, subjectStart));

    /// <summary>
    /// "The Council will consider the matter at its next meeting", "Council to endorse …", "The Board will vote on …": the meeting
    /// body deliberating is the meeting's own procedure, not a task for after it. A named body ("the Finance Committee") is not
    /// the meeting and keeps its task.
    /// </summary>
    private static bool IsBodyDeliberation(string sentence, int afterModal, List<string> subject) =>
        subject.Count == 1 && MeetingBodies.Contains(subject[0]) && Deliberation().IsMatch(sentence.AsSpan(afterModal));

    /// <summary>
    /// "A resident asked Council to endorse the Commission's desire to …": the body asked is the meeting, and what it is asked
    /// to do is deliberate. The verb is the one after the first "to" following the body.
    /// </summary>
    private static bool AskedToDeliberate(string sentence, Match directed, int afterModal, List<string> actors)
    {
        var actor = directed.Groups["actor"];
        var to = sentence.IndexOf(" to ", actor.Index, actor.Length, StringComparison.Ordinal);
        return IsBodyDeliberation(sentence, to >= 0 ? to + 4 : afterModal, actors);
    }

    /// <summary>"The group agreed to defer …": the meeting body deciding about its own work assigns no one.</summary>
    private static bool IsBodyAgreement(string sentence, int modalIndex, List<string> subject) =>
        subject.Count == 1 && MeetingBodies.Contains(subject[0]) && (sentence.AsSpan(modalIndex).StartsWith("agreed") || sentence.AsSpan(modalIndex).StartsWith("has agreed") || sentence.AsSpan(modalIndex).StartsWith("have agreed"))
        && !AgreedToOutwardWork(sentence.AsSpan(modalIndex));

    /// <summary>
    /// "The council also agreed to write to the Minister": a body that agrees to act outside the meeting (write, seek, contact)
    /// takes on a task; "The group agreed to defer …" or "… to support the plan" is only its decision.
    /// </summary>
    private static bool AgreedToOutwardWork(ReadOnlySpan<char> fromModal)
    {
        var to = fromModal.IndexOf("agreed to ");
        if (to < 0)
        {
            return false;
        }

        var rest = fromModal[(to + "agreed to ".Length)..];
        var word = rest[..(rest.IndexOfAny(' ', ',', '.') is var space and >= 0 ? space : rest.Length)];
        return OutwardVerbs.Contains(word.ToString());
    }

    private static readonly HashSet<string> OutwardVerbs = new(StringComparer.Ordinal)
    {
        "write", "send", "contact", "seek", "publish", "arrange", "obtain", "investigate", "prepare", "draft", "inform", "notify", "pay",
        "purchase", "buy", "commission", "appoint", "engage", "organise", "organize", "respond", "reply", "chase", "liaise", "circulate",
        "fund", "install", "repair", "replace", "order", "book", "invite", "approach", "lobby", "email", "phone", "produce", "issue",
        "undertake", "carry", "deal", "clear", "cut", "apply", "report", "survey", "advertise", "erect", "remove", "complete", "return",
        "forward", "submit", "sign", "provide",
    };

    private static bool FirstWordIsDeterminer(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        var word = rest[..(rest.IndexOfAny(' ', ',', '.') is var space and >= 0 ? space : rest.Length)].ToString();
        return Determiners.Contains(word) || word is "there" or "it" or "he" or "she" or "they" or "we" or "you" or "anyone";
    }

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "all", "any", "each", "every",
        "some", "no", "both", "date", "whom", "which", "what",
    };

    private static readonly HashSet<string> MeetingBodies = new(StringComparer.OrdinalIgnoreCase)
    {
        "group", "committee", "council", "board", "commission", "members", "participants", "attendees", "everyone", "all", "panel",
    };

    private static bool InsideBrackets(string sentence, int index) =>
        sentence.LastIndexOf('(', Math.Max(0, index - 1)) is var open and >= 0 && sentence.IndexOf(')', open) is var close && (close < 0 || close >= index);

    private static bool IsProcedure(string sentence, int afterModal)
    {
        var rest = sentence.AsSpan(afterModal).TrimStart();

        // "X will be reviewed" has X as the thing acted on; "the Committee will meet" is the meeting's own procedure.
        // "UCGE will likely not present", "The survey will probably close …": a hedged forecast, not a task.
        return (rest.StartsWith("be ") && !rest.StartsWith("be responsible") && PassiveParticiple().IsMatch(rest))
            || rest.StartsWith("likely ") || rest.StartsWith("probably ") || rest.StartsWith("possibly ") || rest.StartsWith("perhaps ")
            || (rest.StartsWith("meet") && !MeetWith().IsMatch(rest)) || rest.StartsWith("reconvene") || rest.StartsWith("adjourn") || rest.StartsWith("resume")
            || ((rest.StartsWith("begin") || rest.StartsWith("commence")) && !BeginWork().IsMatch(rest)) || rest.StartsWith("take place") || NonAgentive().IsMatch(rest)

            // "Assign roles: Ryan will facilitate, Mark will scribe": a role in the meeting itself, with nothing to do after it.
            || MeetingRole().IsMatch(rest);
    }

    private static int TrimConnector(string sentence, int index)
    {
        var head = sentence[..index].TrimEnd();
        foreach (var connector in new[] { " and then", ", and", " and", ",", ";", " while", " whereas", " but", " then" })
        {
            if (head.EndsWith(connector, StringComparison.Ordinal))
            {
                return head.Length - connector.Length;
            }
        }

        return head.Length;
    }

    private bool IsSentenceEnd(int i, int end)
    {
        var c = text[i];
        // "• Fuel rebate – Cr Smith asked … • Council to write …": a bullet inside a flattened line starts another item.
        if (c is '!' or '?' or ';' or '•')
        {
            return true;
        }

        if (c != '.' || (i + 1 < end && !char.IsWhiteSpace(text[i + 1])))
        {
            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, i - wordStart);
        return !(word.Length == 1 && char.IsUpper(word[0])) && !Abbreviations.Contains(word.ToString());
    }

    [GeneratedRegex(@"\b(?:(?:is|are) now responsible for|(?:is|are) being assigned (?:the )?(?:new )?(?:task|tasks|job|role|responsibility) of|will be responsible for|is responsible for|are responsible for|(?:is|are) required to|(?:has|have) agreed to|agreed to|undertook to|(?:(?:has|have)\s+)?(?<!\b(?:is|are|was|were|be|been|am|remains?|stays?)\s)committed to(?=\s+[a-z]+ing\b)|(?:is|are|am|was|were) going to|(?:is|are) supposed to|(?:has|have) volunteered to|volunteered to|said (?:he|she|they) (?:would|will)|(?:was|were|is|are|has been|have been|be)(?:,[^,.;]{1,40},)?(?: (?:hereby|further|also|now|being|again))* (?:asked|directed|requested|instructed|tasked|mandated|charged|authori[sz]ed|invited|reminded|urged|expected|required|enjoined|ordered) (?:to|with)|(?:directed|instructed|tasked) (?:to|with)|being (?:asked|directed|requested|instructed|tasked) to|(?:is|are) to|needs? to|(?:has|have) to|will|would|shall|must|should|to)(?=\s+(?:not\s+)?(?:[a-z]|ACTION\b))", RegexOptions.CultureInvariant)]
    private static partial Regex Modal();

    // "After discussion the council agreed to …": an opening phrase with no comma before the subject.
    [GeneratedRegex(@"(?:^(?:That|THAT)\s+(?=(?:the\s+)?[A-Z])|^(?:After|Following|Upon|On)\s+(?:(?:a|some|further|brief|lengthy|full|much)\s+)*(?:discussion|debate|consideration|deliberation|reflection)\s+(?=the\s|[A-Z])|,\s+(?:and|while|whereas|but|then|which)\s+|;\s*|:(?:\*\*)?\s+|,\s+|(?<=,\s*)(?:after|following|upon)\s+(?:(?:a|some|further|brief|lengthy|full|much)\s+)*(?:discussion|debate|consideration|deliberation)\s+(?=the\s|[A-Z])|(?<=\b(?:ended|closed|concluded|finished))\s+with\s+(?=(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s*$)|\s[–—]|\(\s*|\s+and\s+then\s+|\s+and\s+|\s+while\s+|\s+whereas\s+|\s+but\s+|\s+that\s+|\s+then\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectBoundary();

    // ", after discussion Clerk to write …": the opening phrase ends where the short subject starts.
    [GeneratedRegex(@"\b(?i:after|following|upon)\s+(?:(?:a|some|further|brief|lengthy|full|much)\s+)*(?:discussion|debate|consideration|deliberation)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex DiscussionOpening();

    [GeneratedRegex(@"\b[Rr]eferred\s+(?:back\s+)?to\s+(?<actor>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:and|&|of|for|the)\s+[A-Z][\w'’&.-]*|\s+[A-Z][\w'’&.-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Referred();

    [GeneratedRegex(@"(?:\b(?i:owners?|responsible|responsibility|assigned to|assignee|lead|action(?:ed)?\s+by|action)\s*[:：\-–—]\s*|\bWho\s*:\s*|[-–—(]\s*(?i:assigned\s+to)\s+)(?<actor>(?:the\s+)?[A-Z][\w'’&.-]*(?:,?\s+[\w'’&.-]+){0,7})", RegexOptions.CultureInvariant)]
    private static partial Regex Owner();

    [GeneratedRegex(@"\s*(?:[:：–—]|\s-)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NamedAction();

    // "It was proposed that Councillor Johnson would follow up …" reports the motion the meeting took up; "Cllr Earl proposed …" does not.
    [GeneratedRegex(@"(?:\b(?:agreed|resolved|decided|requested|asked|directed)|\b(?:[Ii]t|[Tt]his)\s+(?:was|is)\s+(?:proposed|suggested\s+and\s+agreed))\s+that\s+(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgreedThat();

    // What someone said, felt, suggested or reported, up to the subject of the clause they said it about.
    [GeneratedRegex(@"\b(?:said|says|stated|states|felt|feels|thought|thinks|believed|believes|suggested|suggests|recommended|recommends|argued|argues|noted|notes|observed|pointed\s+out|commented|comments|mentioned|mentions|explained|explains|reported|reports|advised|advises|hoped|hopes|warned|considered|wondered|confirmed|confirms|(?:was|were|is|are)\s+of\s+the\s+(?:view|opinion)|expressed\s+(?:the\s+)?(?:view|concern|hope))\b(?:\s+(?:that|whether|if|how|when|why))?(?:\s+(?:the|a|an))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingVerb();

    // "The Chair stated the position … was to support …, and matters … should be clarified by the Borough Council": a stated view.
    [GeneratedRegex(@"\b(?:of|for)\s+(?:the\s+)?[\w'’-]+\s+and\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex OfPhraseAnd();

    [GeneratedRegex(@"^(?:(?!\bby\b)[^;])*\b(?:in|during|over|later\s+in)\s+(?:(?:early|late|mid)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|winter|the\s+(?:coming|next|new)\b|next\b|[0-9]{4}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Forecast();

    [GeneratedRegex(@"\b(?:has|have|had)\s+(?:now\s+|since\s+|already\s+)?(?:done\s+so|been\s+done|been\s+completed|completed\s+(?:this|it|that|the\s+task))\b", RegexOptions.CultureInvariant)]
    private static partial Regex DoneClause();

    [GeneratedRegex(@"(?:(?:\s[-–—]\s*|\(\s*)(?:already\s+|now\s+)?(?:done|completed|complete|closed|finished)\s*\)?|\s(?-i:DONE|COMPLETED|CLOSED))\s*[.;]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DoneSuffix();

    [GeneratedRegex(@"\b(?:said|says|stated|states|felt|feels|thought|thinks|believed|suggested|recommended|argued|noted|pointed\s+out|commented|mentioned|explained|reported|advised|hoped|warned|wondered|reminded)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingWord();

    [GeneratedRegex(@"^\s*(?:not\s+)?(?:consider|discuss|debate|deliberate|vote|note|receive|endorse|revisit|return\s+to|take\s+up|review\s+(?:this|the\s+matter|the\s+item)|look\s+again|hold\s+(?:a|an|the)\s+(?:public\s+|special\s+)?(?:hearing|meeting|workshop|session))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Deliberation();

    // "would meet with the residents" is a task; "the Committee will meet on 9 August" is the meeting's own procedure.
    [GeneratedRegex(@"^meet\s+(?:with|the|a|an|residents|representatives|officers)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MeetWith();

    // "will begin inviting people", "will begin to draft": work started, not a meeting beginning.
    [GeneratedRegex(@"^(?:begin|commence)\s+(?:to\s+[a-z]|[a-z]{3,}ing\b|work\b)", RegexOptions.CultureInvariant)]
    private static partial Regex BeginWork();

    // Verbs whose subject undergoes the change rather than does work: "Revenue will grow", "The policy will take effect".
    [GeneratedRegex(@"^(?:not\s+)?(?:likely\s+)?(?:grow|increase|decrease|decline|rise|fall|remain|stay|expire|happen|occur|arrive|take effect|go live|receive|get|face|benefit|gain|lose|suffer|need\s+(?!to\b)[a-z]|cost|include|involve|comprise|consist|cover|last|mean|depend|open\s+(?:in|on|at|next|this|from)\b|continue\s+(?:until|through|till)\b|have\s+(?:some|more|no|any)\b|be\s+(?:retiring|leaving|stepping\s+down|standing\s+down|moving|away|absent|on\s+(?:leave|holiday|vacation))\b|be\b(?!\s+[a-z]+ing\b)(?!\s+in\s+(?:contact|touch|charge)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex NonAgentive();

    // "the creation of a Task Force to study …": after an article the word is a noun ("Task Force"), not a verb directing anyone.
    [GeneratedRegex(@"(?:\b[Ii]t\s+(?:is|will\s+be|shall\s+be|remains)\s+the\s+(?:sole\s+)?responsibility\s+of(?=\s)|(?<!\b(?:[Aa]n?|[Tt]he|of|[Tt]his|[Tt]hat|its|their|our|new)\s+)\b(?:[Dd]irect(?:ed|s)?|[Aa]sk(?:ed|s)?|[Rr]equest(?:ed|s)?|[Ii]nstruct(?:ed|s)?|[Tt]ask(?:ed)?|charged|assigned|[Aa]uthori[sz]e[ds]?|mandated|approved|[Aa]ppointed|DIRECTED|ASKED|REQUESTED|INSTRUCTED|TASKED|CHARGED|AUTHORI[SZ]ED|APPOINTED|(?:gave|gives|give|provided)\s+(?:direction|instructions?)\s+to))\s+(?:the\s+)?(?<actor>(?:[A-Z][\w'’&/.-]*|staff|(?:all|each|every)\s+[a-z]+|(?<=the\s+)[a-z]+)(?:\s+(?!to\b)[\w'’&/.-]+){0,7})(?:,\s+[A-Za-z][^,.;:]{2,40},)?\s+to\s+(?!be\s+(?:on|in|a|an|the|part|members?)\b)(?!(?:the|a|an|this|that|its|their|his|her)\b)(?=[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex DirectedOther();

    // "to have CEO purchase", "to have the Road Agent repair": a party named in capitals and the bare verb of what it is to do
    // (not "to have Bob's report", "to have been").
    [GeneratedRegex(@"\Gto\s+have\s+(?:the\s+)?(?<actor>[A-Z][\w&/.-]*(?:\s+[A-Z][\w&/.-]*){0,3})\s+(?!(?:been|had|done|made|seen|given|taken|it|them|the|a|an)\b)(?=[a-z]{3,}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Causative();

    // A vote or a decision of the meeting before it ("voted 3-0", "agreed", "It was moved and carried").
    [GeneratedRegex(@"\b(?:voted|agreed|decided|resolved|carried|approved|[Mm]otion)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Voted();

    [GeneratedRegex(@"^\**(?<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})\**\s*:\s*\**\s*(?<rest>(?:(?:Okay|OK|Ok|Sure|Yes|Yeah|Right|Fine|Sounds\s+good|Thanks|Will\s+do)[,.!]\s+)?(?:I\s+(?:will|shall|am\s+going\s+to)|I['’]ll|I['’]m\s+going\s+to|[Ww]ill|[Ii]s\s+going\s+to|[Gg]oing\s+to|[Tt]o)\s+(?!need\s+(?:a|an|the|some|more)\b)(?!(?:do|handle|take\s+care\s+of)\s+(?:that|this|it|so)\b)(?=[a-z]))", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerCommitment();

    [GeneratedRegex(@"\G\**(?<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2})(?:\**\s*:|:\*\*)\s", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerTag();

    [GeneratedRegex(@"^\**(?<name>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}(?:\s*(?:,|&|/|and)\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?){0,3})\**(?:\s+[-–—]|[–—])\s+(?:[Tt]o\s+)?(?!(?:have|has|had|is|are|was|were|been|be|will|would|should|shall|can|could|may|might|the|a|an|of|in|on|for|with|and|or|not|no|done|completed|approved|pending|n/a)\b)(?=[a-z]{2,}\b|[A-Z][a-z]+\s+(?!(?:of|and|or)\b)[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex DashedOwner();

    [GeneratedRegex(@"^@?[a-z][a-z0-9_.-]{1,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleName();

    [GeneratedRegex(@"^\s*(?:@(?<handle>[A-Za-z0-9][\w.-]{0,38})|(?<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s+(?<verb>[a-z][a-z-]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingOwner();

    // "if a decision is made to continue the Committee, the Senate should …": what is to be done only if something happens.
    [GeneratedRegex(@"(?:^|[;:]\s*)(?:[Ii]f|[Uu]nless|[Ii]n\s+case)\b[^;:]{3,160},\s*(?:then\s+)?(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"\b(?:to\s+be|is|are|was|were|has|have|had|will|would|should|needs?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LaterFiniteVerb();

    [GeneratedRegex(@"\G\**(?<owner>[\w@][\w'’.@-]*(?:\s[A-Z][\w'’.-]*){0,2})(?:\**\s*:|:\*\*)\s+(?!(?:The|A|An|This|That|These|Those|We|I|It|They|He|She|Our|Their|His|Her|No|Some|There|Will|Would|Should|Must|Shall)\b)(?:[A-Z][a-z]|(?=(?<verb>[a-z]{2,})\b))", RegexOptions.CultureInvariant)]
    private static partial Regex OwnedActionLine();

    [GeneratedRegex(@"(?:\s+(?:still|also|now|then|first|again|jointly|together))+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAdverb();

    [GeneratedRegex(@"^[A-Z][a-z]+\s[A-Z]\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex InitialledNamePattern();

    [GeneratedRegex(@"\G\[(?:\s|(?<done>[xX]))\]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex CheckBox();

    [GeneratedRegex(@"\((?<names>@[\w.-]+(?:\s*(?:,|and|&)\s*@[\w.-]+)*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedMentions();

    // "Approve the Agenda - Ben & Leonard": the meeting's own procedure, not a task for after it.
    [GeneratedRegex(@"\b(?i:agenda|minutes)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingProcedure();

    // "Ask Corty, Gisela, and Peg to be on the joint committee": a seat, not a task.
    [GeneratedRegex(@"^\s*(?:be\s+(?:on|in|part|a|an|the|members?)|serve\s+(?:on|as)|sit\s+on)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Membership();

    [GeneratedRegex(@"\G(?<verb>[A-Z][a-z]+)\b[^\n]*?(?:\.?\s+[-–—]\s+(?<names>[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){0,2}(?:\s*(?:,|&|\band\b)\s*[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){0,2}){0,5})|(?<tail>\s+[(\[])(?<names>[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){0,2}(?:\s*(?:,|&|\band\b)\s*[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){0,2}){0,5})[)\]]\.?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerSuffix();

    [GeneratedRegex(@"(?:\s[-–—]\s*|\()\s*(?:already\s+)?(?:done|completed|complete)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DoneNote();

    [GeneratedRegex(@"^(?<actor>[A-Z][\w'’.-]*(?:\s(?:and\s)?[A-Z][\w'’.-]*){0,3})\s+(?:is|are|was|were|has|have)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectVerb();

    [GeneratedRegex(@"\(\s*(?<actor>[A-Z][\w'’.-]*(?:\s(?:and|&)\s[A-Z][\w'’.-]*)?)\s+volunteer(?:s|ed)\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Volunteers();

    [GeneratedRegex(@"^(?:I\s+(?:will|shall|am\s+going\s+to)|I['’]ll|I['’]m\s+going\s+to)\s+(?!need\s+(?:a|an|the|some|more)\b)(?!(?:do|handle|take\s+care\s+of)\s+(?:that|this|it|so)\b)(?=[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonCommitment();

    [GeneratedRegex(@"\b(?:should|must|shall|will|is to|are to|to)\s+be\s+[a-z]+(?:ed|en|de|ne|t)\s+by\s+(?<actor>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})(?:\s+(?:during|before|within|by|in|on|at|next|this|no later than)\b[^,;]{0,30})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveBy();

    [GeneratedRegex(@"(?:\b(?:resolved|agreed|decided|requested|directed|(?:resolves|agrees|decides|requests|directs|instructs|requires)(?=\s+that\b)|(?<=\b(?:I|[Ww]e)\s+)ask|RESOLVED|Resolved|(?:RESOLUTION|Resolution)(?:\s*:?\s*(?:No\.?\s*)?\d[\d./-]*)?)|\b(?:[Mm]oved|MOVED)(?:\s+by\s+[^,;.]{2,40}?)?(?:,?\s*(?:and\s+)?(?:[Ss]econded|SECONDED)\s+by\s+[^,;.]{2,40}?)?,?|^\s*(?=That\s))\s*(?:[:–—-]\s*)?(?:that|That|THAT)\s+(?:the\s+)?(?<actor>staff\b|(?:all|each|every)\s+[a-z]+s?\b|[A-Z][\w'’&.-]*(?:\s+(?:and\s+(?:the\s+)?)?[A-Z][\w'’&.-]*){0,4})\s+(?!(?:is|was|were|are|has|had|have|be|been|would|will|should|shall|must|may|might|could|can|did|does|do|and|or)\b)(?=[a-z]+\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ResolvedThat();

    [GeneratedRegex(@"^(?:must|should|could|might)\s+(?:not\s+)?have\s+(?:been|[a-z]+(?:ed|en|wn|ne|ld|ght|ent))\b", RegexOptions.CultureInvariant)]
    private static partial Regex PastModal();

    [GeneratedRegex(@"\s(?<names>@[A-Za-z0-9][\w.-]*[A-Za-z0-9])\s*\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingMention();

    [GeneratedRegex(@"\G\s*(?:[-*•]\s+)?(?:\*\*)?(?i:task|item|action\s+item|what|objective|activity|deliverable)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(?<task>[A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledTask();

    [GeneratedRegex(@"\brequested\s+(?:the\s+)?(?<actor>Staff|staff|[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})\s+(?!(?:is|was|were|are|has|had|have|be|been|would|will|should|shall|must|may|might|could|can|did|does|do|and|or|of|for|to|on|in|at|by|with|about|from|that|the|a|an|if|whether|this|these|their|its|his|her)\b)(?=[a-z]+\b)", RegexOptions.CultureInvariant)]
    private static partial Regex RequestedBare();

    [GeneratedRegex(@"^(?:in (?:coordination|cooperation|co-operation|collaboration|partnership) with|with the (?:support|assistance|help) of|supported by|assisted by|together with|jointly with)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SupportAside();

    [GeneratedRegex(@"^be\s+\w+(?:ed|en)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveParticiple();

    [GeneratedRegex(@"^[A-Z]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Initials();

    [GeneratedRegex(@"\b(?:I|I['’]m|I['’]ll|I['’]d|[Ww]e|[Ww]e['’](?:re|ll|ve)|[Oo]ur|[Mm]y)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonWord();

    [GeneratedRegex(@"\s(?:[–—-]\s*)?(?:ongoing|on-going|pending|outstanding|in hand|in progress|carried forward)[.,;:]?\s+(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex StatusAfterTopic();

    [GeneratedRegex(@"^be\s+(?:met|paid|sent|held|kept|made|done|set|put|bought|brought|built|sold|spent|told|found|left|lost|cut|shut|laid|won)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IrregularPassive();

    [GeneratedRegex(@"^(?:the\s+)?(?:agenda|minutes)\s*[.;]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingPapers();

    [GeneratedRegex(@"^[A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|of|and|for))*\s+(?:of|for)\s+[A-Z][a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleHeading();

    [GeneratedRegex(@"^(?:facilitate|scribe|chair|moderate|take (?:the )?(?:minutes|notes))\s*[.;]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingRole();

    [GeneratedRegex(@"\bthat\s+(?:the\s+)?(?<actor>staff\b|[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})\s+(?!(?:is|was|were|are|has|had|have|be|been|would|will|should|shall|must|may|might|could|can|did|does|do|and|or)\b)(?=[a-z]+\b(?<!s\b))", RegexOptions.CultureInvariant)]
    private static partial Regex ContinuedThat();

    [GeneratedRegex(@"\b(?:directed|instructed|asked|requested|resolved|authori[sz]ed)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DirectingVerb();

    [GeneratedRegex(@"^(?:\**[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}\**\s*:\s*)?(?<who>[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?)\s*[,:]?\s*[Pp]lease\s+(?!note\b)(?=[a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Vocative();

    [GeneratedRegex(@"\b(?:[Rr]eferred|REFERRED)\s+(?<what>(?:the|this|that|these|those|its|their|all|a|an)\s+(?!(?:members?|councillors?|everyone|attendees|meeting)\b)[^;]{2,200}?)\s+to\s+(?<actor>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:and|&|of|for|the)\s+[A-Z][\w'’&.-]*|\s+[A-Z][\w'’&.-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex ActiveReferral();

    [GeneratedRegex(@"(?:\b(?<agreed>agreed|resolved|decided|arranged|AGREED|RESOLVED)\s+|\band\s+)for\s+(?<actor>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:and\s+)?[A-Z][\w'’&.-]*){0,3})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AgreedFor();

    [GeneratedRegex(@"\b(?:agreed|resolved|decided|arranged|AGREED|RESOLVED)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgreementWord();

    [GeneratedRegex(@"\b(?:directed|asked|requested|instructed|required|enjoined|ordered|tasked|charged)\s+(?:to|with)$", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveDirection();

    [GeneratedRegex(@"^\s*(?:permit|allow)\s+(?:(?:a|the|further|public|some|brief|open)\s+)*(?:discussion|debate|questions?|members\s+of\s+the\s+public|the\s+public|public\s+participation|the\s+item|a\s+variation|variation)\b", RegexOptions.CultureInvariant)]
    private static partial Regex InMeetingPermission();

    // "would like to", "would have liked", "would prefer": a wish or a supposition, not work taken on.
    [GeneratedRegex(@"^\s*(?:not\s+|also\s+)?(?:like|love|prefer|rather|welcome|appreciate|hope|wish|have|seem|appear|expect|imagine|think|suggest|support|need\s+(?!to\b)|try)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WouldHedge();

    [GeneratedRegex(@"\b(?i:resolved|agreed|decided|ordered|directed)\s*(?:[:–—-]\s*)?(?i:that)\s+(?<what>(?:(?!\bthat\b)[^;,:]){1,80}\s+be\s+[a-z]+(?:ed|en|t))\s+by\s+(?<actor>(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ResolvedPassiveBy();
}
