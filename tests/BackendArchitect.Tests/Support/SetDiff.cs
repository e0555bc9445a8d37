namespace BackendArchitect.Tests.Support;

/// <summary>Asserts two sets of lines are equal and shows only the differing lines when not.</summary>
public static class SetDiff
{
    public static void AssertSame(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual, string what)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return;
        }

        var message = $"{what} differ.\n"
            + (missing.Count > 0 ? "Expected but not found:\n  " + string.Join("\n  ", missing) + "\n" : "")
            + (extra.Count > 0 ? "Found but not expected:\n  " + string.Join("\n  ", extra) + "\n" : "");
        Assert.Fail(message);
    }
}
