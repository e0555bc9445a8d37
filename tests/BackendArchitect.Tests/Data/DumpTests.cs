using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Data;

public class DumpTests
{
    [Fact]
    public void Dump()
    {
        var model = ScanEngine.Scan(Paths.Fixture("data", Environment.GetEnvironmentVariable("DUMP_CASE") ?? "shop"));
        var all = DataModelLines.Contexts(model).Concat(DataModelLines.Entities(model)).Concat(DataModelLines.Properties(model))
            .Concat(DataModelLines.Relationships(model)).Concat(DataModelLines.Indexes(model)).Concat(model.Diagnostics.Select(d => "diag " + d));
        File.WriteAllLines("/tmp/data-dump.txt", all);
    }
}
