using BackendArchitect.Findings;

namespace BackendArchitect.Tests.Findings;

public sealed class FailOnTests
{
    private static FindingsReport With(params Severity[] severities) =>
        FindingsReport.Create(severities.Select((s, i) => new Finding("TST001", s, "m", "a.sql", i + 1)), [], []);

    [Theory]
    [InlineData(null, 0)]
    [InlineData(Severity.Error, 0)]
    [InlineData(Severity.Warning, 1)]
    [InlineData(Severity.Note, 1)]
    public void A_warning_fails_only_at_warning_or_below(Severity? threshold, int expected) =>
        Assert.Equal(expected, FailOn.ExitCode(With(Severity.Note, Severity.Warning), threshold));

    [Fact]
    public void A_clean_report_passes_every_threshold()
    {
        Assert.Equal(0, FailOn.ExitCode(With(), Severity.Note));
    }

    [Fact]
    public void An_error_fails_every_threshold()
    {
        Assert.All(FailOn.Values, v => Assert.Equal(1, FailOn.ExitCode(With(Severity.Error), FailOn.Parse(v))));
    }

    [Theory]
    [InlineData("error", Severity.Error)]
    [InlineData("WARNING", Severity.Warning)]
    [InlineData("note", Severity.Note)]
    [InlineData(null, null)]
    [InlineData("none", null)]
    public void Parse_reads_the_option_words(string? text, Severity? expected) =>
        Assert.Equal(expected, FailOn.Parse(text));
}
