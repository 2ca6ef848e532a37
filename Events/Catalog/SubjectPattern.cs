namespace Daarion.Events.Catalog;

/// <summary>NATS subject matching: tokens split by '.', '*' matches one token, a final '>' matches one or more.</summary>
public static class SubjectPattern
{
    public static bool Matches(string pattern, string subject)
    {
        var patternTokens = pattern.Split('.');
        var subjectTokens = subject.Split('.');
        for (var i = 0; i < patternTokens.Length; i++)
        {
            if (patternTokens[i] == ">")
                return i == patternTokens.Length - 1 && subjectTokens.Length > i;
            if (i >= subjectTokens.Length || (patternTokens[i] != "*" && patternTokens[i] != subjectTokens[i]))
                return false;
        }
        return patternTokens.Length == subjectTokens.Length;
    }
}
