using BackendArchitect.Findings;
using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Sql.Sources;

/// <summary>
/// The model snapshot is compared with the replayed migrations; a difference is drift only when EF would
/// really build another schema. Owned types (in the owner's table and in their own), the default schema
/// and optional reference-type properties used to come out as drift although the two agree.
/// </summary>
public sealed class EfSnapshotDriftTests
{
    [Fact]
    public void Owned_types_the_default_schema_and_optional_reference_properties_are_not_drift()
    {
        var result = DbLintEngine.Lint([Paths.Fixture("migrations", "ef-owned-types")], null, new LintOptions());

        var drift = result.Diagnostics.Where(d => d.Message.StartsWith("EF model drift", StringComparison.Ordinal)).Select(d => d.Message).ToArray();

        // The one real difference of the fixture: a property the migrations never add.
        Assert.Equal(["EF model drift: column ordering.buyers.Note is in the model snapshot but the migrations never add it"], drift);
    }
}
