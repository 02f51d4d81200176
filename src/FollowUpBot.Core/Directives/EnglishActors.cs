using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// Recognises the subject of an English minutes clause as an actor: names, capitalised units and roles
/// (City Attorney's Office, Staff, the Finance team), never pronouns or things (the meeting, the report).
/// </summary>
internal static partial class EnglishActors
{
    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal)
    {
        "staff", "team", "teams", "department", "departments", "office", "offices", "officer", "officers", "committee", "committees",
        "subcommittee", "unit", "units", "group", "groups", "lead", "leads", "head", "heads", "manager", "managers", "director",
        "directors", "member", "members", "representative", "representatives", "coordinator", "coordinators", "services", "division",
        "divisions", "board", "council", "secretariat", "agency", "agencies", "chair", "chairs", "secretary", "administrator",
        "administrators", "owner", "owners", "counsel", "clerk", "engineer", "engineers", "supervisor", "supervisors", "contractor",
        "contractors", "vendor", "vendors", "consultant", "consultants", "analyst", "analysts", "planner", "planners", "treasurer",
        "auditor", "auditors", "all", "each", "every", "both", "relevant", "respective", "project", "working", "task", "force",
        "legal", "finance", "procurement", "communications", "operations", "management", "leadership", "everyone's", "school",
        "schools", "principals", "teachers", "partners", "organisers", "organizers", "authority", "authorities", "panel",
        "directorate", "bureau", "ministry", "service", "desk", "support", "regional", "city", "county", "district", "area",
        "advisers", "advisors", "adviser", "advisor", "suppliers", "supplier", "providers", "lawyers", "solicitors", "trustees",
        "governors", "volunteers", "committees", "stakeholders", "everyone", "everybody", "participants", "attendees",
        "chairperson", "chairman", "chairwoman", "president", "vice-president", "vice-chair", "editor", "webmaster",
        // people a council or board sends work to ("ask the handyman to cut the area")
        "handyman", "caretaker", "groundsman", "groundskeeper", "gardener", "cleaner", "surveyor", "architect", "solicitor", "accountant",
        "warden", "wardens", "ranger", "verger", "steward", "stewards", "trustee", "councillor", "councillors", "superintendent", "principal",
        "headteacher", "inspector", "builder", "electrician", "plumber", "janitor", "custodian", "attorney", "landowner", "landlord",
        "lengthsman", "leader", "leaders",
        // memos address their readers by these ("All affected personnel are urged to …")
        "personnel", "employees", "employee", "workers", "vice-chairman", "vice-chairwoman", "vice-chairperson",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "and", "&", "of", "for", "the", "on", "de", "van", "von" };

    // Capitalised words that start sentences but are not parties.
    private static readonly HashSet<string> NotActors = new(StringComparer.OrdinalIgnoreCase)
    {
        "we", "i", "you", "it", "this", "that", "these", "those", "there", "they", "he", "she", "our", "us",
        "anyone", "nobody", "who", "which", "what", "if", "when", "meeting", "meetings", "minutes", "agenda", "item", "items", "motion",
        "report", "decision", "note", "discussion", "update", "next", "action", "actions", "work", "it's", "here", "today", "tomorrow",
        "plan", "plans", "budget", "project's", "one", "some", "any", "no", "not", "please", "also", "then", "after", "before", "once",
        "while", "following", "further", "phase", "construction", "implementation", "approval", "funding", "progress",
        // nouns that take "to" ("Call to order", "Motion to adopt") and minutes' participles ("Referred to", "Agreed to")
        "call", "motion", "vote", "proposal", "request", "failure", "attempt", "move", "need", "time", "way", "effort", "efforts",
        "commitment", "agreement", "intention", "permission", "recommendation", "resolution", "referred", "agreed", "resolved",
        "noted", "approved", "deferred", "decided", "tabled", "carried", "seconded", "moved", "proposed", "requested", "welcome",
        // headings and field labels of minutes ("Goal: to spark discussion", "Bias to action"), and documents
        "goal", "goals", "aim", "aims", "purpose", "objective", "objectives", "context", "background", "summary", "outcome",
        "outcomes", "result", "results", "status", "bias", "document", "documents", "consideration", "definition", "emphasis",
        "charge", "mandate", "mission", "scope", "vision", "question", "questions", "topic", "issue", "issues", "idea", "rationale",
        // "Nothing to report", "None to report": no one
        "nothing", "none", "something", "anything", "everything", "no-one", "noone", "someone", "somebody", "anybody",
        // dates are when, not who ("… should be set by January")
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        // adverbs that open a note ("Still need to talk with …", "Maybe to revisit …"), and places in a document
        "still", "just", "maybe", "perhaps", "probably", "possibly", "hopefully", "currently", "eventually", "finally", "ultimately",
        "really", "definitely", "certainly", "already", "soon", "later", "again", "instead", "otherwise", "meanwhile", "appendix",
        "annex",
    };

    // Verbs that open an imperative ("Direct the City Clerk to …", "Ask Mary to …", "Form a subcommittee to …"): a phrase
    // starting with one is a task or a motion's wording, never a party. Given names that are also verbs (Mark, Grant, Will)
    // are left out.
    private static readonly HashSet<string> ImperativeVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "direct", "ask", "request", "instruct", "authorize", "authorise", "task", "invite", "remind", "tell", "have", "let", "thank",
        "form", "rebuild", "build", "create", "establish", "publish", "gather", "confirm", "address", "share", "send", "review",
        "update", "prepare", "schedule", "define", "consider", "explore", "develop", "improve", "negotiate", "follow", "start",
        "make", "add", "set", "get", "contact", "draft", "finalize", "finalise", "submit", "organize", "organise", "arrange",
        "check", "identify", "investigate", "research", "write", "look", "find", "reach", "coordinate", "continue", "keep", "hold",
        "approve", "receive", "endorse", "refer", "adopt", "accept", "provide", "put", "bring", "ensure", "clarify", "educate",
        "discuss", "decide", "assign", "engage", "implement", "call", "email", "notify", "circulate", "distribute", "compile",
        "collect", "post", "open", "close", "move", "track", "test", "fix", "merge", "document", "announce", "present", "propose",
        "recommend", "evaluate", "assess", "determine", "obtain", "seek", "work", "try", "use", "help", "support", "join",
    };

    // More verbs of everyday action lists ("Require attendees to book tickets … — Lisha", "Phone the contractor — Tao"),
    // read only where a verb is expected: the first word of a task whose owner follows after a dash.
    private static readonly HashSet<string> ListVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "require", "phone", "ring", "book", "order", "print", "pay", "sign", "file", "buy", "purchase", "install", "replace", "repair",
        "clean", "inform", "attend", "upload", "register", "renew", "inspect", "cancel", "reply", "respond", "visit", "apply", "liaise",
        "enquire", "inquire", "report", "record", "list", "return", "deliver", "produce", "complete", "finish", "resolve", "raise",
        "plan", "design", "compose", "collate", "advertise", "source", "secure", "chase", "remove", "delete", "migrate", "release",
        "tag", "label", "sort", "agree", "invite", "remind", "follow-up", "followup", "draw", "set-up", "setup", "mail", "text",
        "ping", "talk", "speak", "catch", "touch", "loop", "verify", "validate", "prototype", "benchmark", "demo", "port", "refactor",
        "think", "rework", "rewrite", "edit", "proofread", "translate", "summarise", "summarize", "outline", "analyse", "analyze",
        "estimate", "price", "survey", "interview", "recruit", "hire", "onboard", "train", "deploy", "ship", "promote", "host",
        "lead", "run", "write-up", "chair", "facilitate", "moderate", "sponsor", "fund", "approach", "nominate", "canvass", "poll",
    };

    /// <summary>True when the word opens a task in an action list ("Require …", "Phone …" as well as "Send …").</summary>
    public static bool IsListVerb(string word) => ImperativeVerbs.Contains(word) || ListVerbs.Contains(word);

    public static bool IsActor(string phrase) => Split(phrase) is not null;

    /// <summary>
    /// "Requirements to enter …", "Improvements to the site …": one word with the ending of an abstract noun names a thing, not a
    /// party; roles with such endings (Management, Operations) are parties.
    /// </summary>
    public static bool IsAbstractNoun(string word) =>
        word.Length > 6 && !Roles.Contains(word.ToLowerInvariant()) && !Bodies.Contains(word) && AbstractEnding().IsMatch(word);

    // Parties whose names end like abstract nouns.
    private static readonly HashSet<string> Bodies = new(StringComparer.OrdinalIgnoreCase)
    {
        "commission", "conference", "convention", "federation", "association", "corporation", "administration", "foundation",
        "institution", "legislature", "presidency", "delegation", "congregation", "parliament", "government", "department",
        "secretariat", "municipality", "constituency", "agency", "presidents", "residents",
    };

    [GeneratedRegex(@"(?:ments?|tions?|sions?|ness|ities|ity|ances?|ences?|ures?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AbstractEnding();

    /// <summary>True when the word opens an imperative ("Address …", "Form …").</summary>
    public static bool IsImperativeVerb(string word) => ImperativeVerbs.Contains(word);

    /// <summary>
    /// Lower-case chat handles as owners inside minutes' brackets ("(akm and tommy to work off …)"); null when any part is an
    /// ordinary word ("(due to …)", "(ready to …)").
    /// </summary>
    public static List<string>? SplitHandles(string phrase)
    {
        var parts = phrase.Split([" and ", ", ", " & ", "/"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > 4)
        {
            return null;
        }

        foreach (var part in parts)
        {
            if (!HandleWord().IsMatch(part) || NotActors.Contains(part) || CommonWords.Contains(part))
            {
                return null;
            }
        }

        return [.. parts];
    }

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "whether", "if", "that", "which", "who", "whom", "what", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been",
        "has", "have", "had", "do", "does", "did", "can", "could", "may", "might", "would", "should", "shall", "will", "must", "to", "not",
    };

    // Lower-case words that come before "to" in brackets without naming anyone.
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "due", "up", "how", "ready", "back", "next", "according", "similar", "prior", "addition", "able", "unable", "going", "want",
        "wants", "need", "needs", "have", "has", "had", "used", "likely", "unlikely", "about", "order", "is", "are", "was", "were",
        "be", "been", "and", "or", "also", "only", "more", "less", "yet", "still", "now", "time", "way", "try", "trying", "where",
        "easy", "hard", "related", "relevant", "respect", "regard", "subject", "set", "come", "go", "willing", "free", "reply",
        "welcome", "thanks", "good", "great", "first", "last", "steps", "step", "moving", "agreed", "asked", "plan", "todo", "done",
        "added", "linked", "link", "pointer", "pointers", "ok", "okay", "yes", "maybe", "tbd", "n/a", "in", "flight", "progress",
        "important", "necessary", "nice", "better", "best", "worth", "useful", "helpful", "difficult", "possible", "needed", "required",
        "fine", "hoping", "happy", "sure", "keen", "fair",
    };

    /// <summary>True for a word that comes before "to" without naming anyone ("Good to do …", "Needs to …").</summary>
    public static bool IsCommonWord(string word) => CommonWords.Contains(word) || NotActors.Contains(word);

    [GeneratedRegex(@"^@?[a-z][a-z0-9_.-]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex HandleWord();

    [GeneratedRegex(@"^@[A-Za-z0-9][\w.-]{0,38}(?:/[\w.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    /// <summary>Splits "Finance and HR" or "Jane Smith, Tom Lee and the IT team" into actors; null when the phrase is not one.</summary>
    public static List<string>? Split(string phrase)
    {
        phrase = phrase.Trim();

        // "Mr. Alvarez, Director of Facilities," is one person and their title, not a list of two.
        var comma = phrase.IndexOf(", ", StringComparison.Ordinal);
        if (phrase.EndsWith(',') && comma > 0 && phrase.IndexOf(", ", comma + 2, StringComparison.Ordinal) < 0
            && !phrase.Contains(" and ", StringComparison.Ordinal) && !phrase.Contains(" & ", StringComparison.Ordinal))
        {
            phrase = phrase[..comma];
        }

        phrase = StripArticle(phrase.TrimEnd(',', ';', ':'));
        if (phrase.Length is 0 or > 90)
        {
            return null;
        }

        // "M/S/C to approve the budget" (moved, seconded, carried) records a motion; no one is asked to do anything.
        if (MotionShorthand().IsMatch(phrase))
        {
            return null;
        }

        // "The need to …" leaves the article alone before the modal; "His committee will …", "Their staff will …" name a party
        // only through a pronoun.
        var firstWord = phrase.AsSpan(0, phrase.IndexOf(' ') is var gap and > 0 ? gap : phrase.Length);
        if (firstWord is "The" or "the" or "A" or "An" or "His" or "his" or "Her" or "her" or "Their" or "their" or "Its" or "its")
        {
            return null;
        }

        // "Ben/Leonard": a slash between two capitalised names joins them; "District/Area Managers" shares its head noun and
        // stays one party.
        if (phrase.Contains('/') && !SharedHeadSlash().IsMatch(phrase))
        {
            phrase = SlashedNames().Replace(phrase, " and ");

            // "PB/JR to speak to …": minutes' initials joined by a slash are two people too.
            phrase = SlashedInitials().Replace(phrase, " and ");
        }

        var parts = new List<string>();
        foreach (var piece in phrase.Split([", and ", ", & ", ", "], StringSplitOptions.RemoveEmptyEntries))
        {
            var andParts = piece.Split([" and ", " & ", " or "], StringSplitOptions.RemoveEmptyEntries);
            if (andParts.Length == 2 && andParts[0].Trim().Split(' ').Length == 1 && EndsWithUnitNoun(andParts[1]))
            {
                // "Parks and Recreation Department" is one name.
                parts.Add(piece.Trim());
                continue;
            }

            parts.AddRange(andParts.Select(p => p.Trim()));
        }

        var result = new List<string>();
        foreach (var part in parts)
        {
            // "John Smith (JS)": the initials in brackets are not part of the name.
            var actor = StripArticle(StripInitials(part));
            if (!IsSingleActor(actor))
            {
                return null;
            }

            result.Add(actor);
        }

        return result.Count == 0 ? null : result;
    }

    // Conjunctions that open a subordinate clause ("As Continental are being asked to quote, the hedges will need …"); "AS" in
    // capitals is someone's initials.
    private static readonly HashSet<string> Subordinators = new(StringComparer.Ordinal)
    {
        "As", "as", "Since", "since", "Because", "because", "Although", "although", "Though", "though", "Unless", "unless",
        "Until", "until", "Whether", "whether", "Whereas", "whereas",
    };

    private static bool IsSingleActor(string actor)
    {
        // An @-mention always names a person or a team.
        if (Mention().IsMatch(actor))
        {
            return true;
        }

        var tokens = actor.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is 0 or > 7 || IsNotActorWord(tokens[0]) || IsNotActorWord(tokens[^1]) || Subordinators.Contains(tokens[0]))
        {
            return false;
        }

        // "Review Committee" is a name; "Review the roadmap", "Form a subcommittee" and "Ask Mary" are tasks.
        if (tokens.Length > 1 && ImperativeVerbs.Contains(tokens[0]) && !(EndsWithUnitNoun(actor) && char.IsUpper(tokens[1][0])))
        {
            return false;
        }

        var substantive = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i].TrimEnd(',');
            var possessive = token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("’s", StringComparison.Ordinal);
            var bare = possessive ? token[..^2] : token;

            // "David’s will be taking time off": a possessive with no noun after it names no one.
            if (possessive && i == tokens.Length - 1 && !Roles.Contains(token.ToLowerInvariant()))
            {
                return false;
            }

            // "LF/Steve Winslow", "District/Area Managers": a slash between capitalised words joins them into one party.
            if (bare.Contains('/') && SlashedWord().IsMatch(bare))
            {
                substantive = true;
                continue;
            }

            if (bare.Length == 0 || bare.Any(c => c is ':' or ';' or '(' or ')' or '"' or '“' or '”' or '/' or '?' or '!'))
            {
                return false;
            }

            // "Chair of this Ad-Hoc Committee", "Secretary of each board": a determiner after "of" belongs to the name.
            if (i > 0 && i < tokens.Length - 1 && tokens[i - 1] == "of" && bare is "this" or "that" or "each" or "its" or "their" or "our" or "every")
            {
                continue;
            }

            if (Connectors.Contains(bare))
            {
                if (i == 0 || i == tokens.Length - 1)
                {
                    return false;
                }

                continue;
            }

            if (IsNotActorWord(bare) && i > 0)
            {
                return false;
            }

            // "All affected personnel": after a quantifier, a participle before the role modifies it.
            if (i > 0 && i < tokens.Length - 1 && tokens[0] is "All" or "all" or "Each" or "each" or "Every" or "every" && bare.All(char.IsLower)
                && !ClauseWords.Contains(bare) && Roles.Contains(tokens[^1].TrimEnd(',')))
            {
                continue;
            }

            // "The TSC discussed whether the project …": a past-tense word after a name is its verb, and a clause word is no modifier.
            if (i > 0 && bare.All(char.IsLower) && ((bare.EndsWith("ed", StringComparison.Ordinal) && char.IsUpper(tokens[i - 1][0])) || ClauseWords.Contains(bare)))
            {
                return false;
            }

            // A lower-case modifier is fine when the phrase ends on a role: "external advisers", "line managers".
            if (i < tokens.Length - 1 && i < 3 && bare.All(char.IsLower) && Roles.Contains(tokens[^1].TrimEnd(',')))
            {
                continue;
            }

            if (char.IsUpper(bare[0]) && !bare.Any(char.IsDigit))
            {
                substantive = true;
                continue;
            }

            // "All trustees", "Each school": a quantifier makes the plural noun after it a class of parties.
            if (i == 1 && tokens[0] is "All" or "all" or "Each" or "each" or "Every" or "every" && bare.All(char.IsLower)
                && (Roles.Contains(bare) || (bare.EndsWith('s') && tokens[0] is "All" or "all")))
            {
                substantive = true;
                continue;
            }

            if (Roles.Contains(bare))
            {
                // "project", "working", "task" modify a head ("project team", "working group"); alone they name no one.
                substantive |= bare is not ("all" or "each" or "every" or "both" or "relevant" or "respective" or "project" or "working" or "task" or "area" or "regional" or "desk");
                continue;
            }

            if (bare.Length <= 3 && bare.All(c => char.IsUpper(c) || c == '.'))
            {
                substantive = true;
                continue;
            }

            return false;
        }

        return substantive;
    }

    // An acronym (IT, HR) is a unit even when it spells a pronoun.
    // Board summaries write their verbs in capitals ("REQUESTED Community Development to …"): a word that long is no acronym.
    private static bool IsNotActorWord(string token) => !(token.Length is >= 2 and <= 4 && token.All(char.IsUpper)) && NotActors.Contains(token);

    private static bool EndsWithUnitNoun(string phrase)
    {
        var last = phrase.Trim().Split(' ')[^1];
        return last is "Department" or "Office" or "Division" or "Committee" or "Commission" or "Authority" or "Agency" or "Services" or "Bureau" or "Board" or "Council" or "Directorate"
            or "teams" or "Teams" or "groups" or "Groups";
    }

    private static string StripInitials(string phrase)
    {
        var open = phrase.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && phrase.EndsWith(')') ? phrase[..open] : phrase;
    }

    private static string StripArticle(string phrase)
    {
        // "And the TSC will have to decide …": a sentence-opening conjunction is not part of the party.
        foreach (var conjunction in (ReadOnlySpan<string>)["And ", "But ", "So ", "Also ", "Then "])
        {
            if (phrase.StartsWith(conjunction, StringComparison.Ordinal))
            {
                phrase = phrase[conjunction.Length..].TrimStart();
                break;
            }
        }

        return phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? phrase[4..].TrimStart() : phrase;
    }

    // M/S/C, M/S/P, M/S, MSC, MSP, M-S-C: moved, seconded, carried (passed, unanimous).
    [GeneratedRegex(@"^(?:M\s*/\s*S(?:\s*/\s*[CPU])?|M-S(?:-[CPU])?|MS[CP]|MSCU)$", RegexOptions.CultureInvariant)]
    private static partial Regex MotionShorthand();

    [GeneratedRegex(@"^(?:[A-Z][A-Za-z]*/)+[A-Z][A-Za-z]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlashedWord();

    // "District/Area Managers", "Parks/Highways Department": the word after the slashed pair is the head both share.
    [GeneratedRegex(@"\b[A-Z][a-z]+/[A-Z][a-z]+\s+(?i:managers?|officers?|departments?|teams?|staff|committees?|leads?|heads?|coordinators?|directors?|supervisors?|representatives?|office|offices|units?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SharedHeadSlash();

    // "Ben/Leonard", "Nick / Naomi / Joe".
    [GeneratedRegex(@"(?<=\b[A-Z][a-z]+)\s*/\s*(?=[A-Z][a-z]+\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SlashedNames();

    [GeneratedRegex(@"(?<=\b[A-Z]{2,3})/(?=[A-Z]{2,3}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SlashedInitials();
}
