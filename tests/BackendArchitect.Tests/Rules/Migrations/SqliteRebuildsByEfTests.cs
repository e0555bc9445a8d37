using BackendArchitect.Findings;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Rules.Migrations;

/// <summary>
/// EF Core's SQLite provider performs the table rebuild itself for operations SQLite's ALTER TABLE cannot
/// do, so those are notes about the copy, not errors saying the statement fails; SQL written by hand still is.
/// </summary>
public sealed class SqliteRebuildsByEfTests
{
    [Fact]
    public void Operations_ef_rebuilds_are_notes_and_hand_written_sql_is_an_error()
    {
        var result = DbLintEngine.Lint([Paths.Fixture("rules", "ef", "sqlite-rebuilds-by-ef")], null, new LintOptions());

        var actual = result.Findings.Where(f => f.Code == "MIG014").Select(f => $"{f.Line} {f.Severity}").ToArray();
        Assert.Equal(["12 Note", "19 Note", "34 Error"], actual);
        Assert.StartsWith("EF Core's SQLite provider rebuilds table Notes for AddForeignKey", result.Findings.First(f => f.Line == 12).Message);
    }
}
