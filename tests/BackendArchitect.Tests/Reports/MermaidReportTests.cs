using System.Text.RegularExpressions;
using BackendArchitect.Model;
using BackendArchitect.Reports;

namespace BackendArchitect.Tests.Reports;

/// <summary>The Mermaid output: structure, sanitized identifiers, edges and the ER diagram.</summary>
public sealed partial class MermaidReportTests
{
    private static readonly string Flowchart = MermaidReport.Flowchart(SampleModel.Create());

    private static readonly string Er = MermaidReport.EntityDiagram(SampleModel.Create())!;

    [Fact]
    public void Each_diagram_is_a_text_of_its_own()
    {
        Assert.StartsWith("flowchart LR\n", Flowchart);
        Assert.DoesNotContain("erDiagram", Flowchart);
        Assert.StartsWith("erDiagram\n", Er);
        Assert.EndsWith("\n", Er);
    }

    [Fact]
    public void Node_identifiers_are_sanitized_and_labels_quoted()
    {
        foreach (var line in Flowchart.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            Assert.Matches(NodeOrEdge(), line);
        }

        Assert.Contains("    svc_Orders_Api[\"Orders.Api\"]\n", Flowchart);
        Assert.Contains("    db_Shop_Db_Context[(\"Shop-Db.Context (SqlServer)\")]\n", Flowchart);
    }

    [Fact]
    public void Services_point_to_their_data_stores_caches_buses_and_hosts()
    {
        Assert.Contains("svc_Orders_Api --> db_Shop_Db_Context", Flowchart);
        Assert.Contains("svc_Orders_Api --> cache_Redis", Flowchart);
        Assert.Contains("svc_Orders_Api --> bus_RabbitMQ", Flowchart);
        Assert.Contains("svc_Orders_Api -->|\"payments\"| ext_payments_example_com", Flowchart);
        Assert.Contains("ext_payments_example_com([\"payments.example.com\"])", Flowchart);
    }

    [Fact]
    public void Compose_services_are_drawn_by_kind_and_joined_by_depends_on()
    {
        Assert.Contains("compose_db[(\"db (postgres:16)\")]", Flowchart);
        Assert.Contains("compose_cache[(\"cache (redis:7)\")]", Flowchart);
        Assert.Contains("svc_Orders_Api -.-> compose_db", Flowchart);
        Assert.Contains("svc_Orders_Api -.-> compose_cache", Flowchart);
        Assert.DoesNotContain("compose_orders_api", Flowchart);
    }

    [Fact]
    public void Er_diagram_types_properties_marks_keys_and_draws_each_relationship_once()
    {
        Assert.Contains("    Order {\n        Guid Id PK\n        int CustomerId FK\n        decimal Total\n        List_string Tags\n    }\n", Er);
        Assert.Contains("        int Id PK\n", Er);
        Assert.Single(Regex.Matches(Er, @"Customer \|\|--o\{ Order"));
        Assert.Contains("Customer ||--o{ Order : \"Orders\"", Er);
    }

    [Fact]
    public void Without_entities_there_is_no_er_diagram()
    {
        var model = SampleModel.Create() with { Entities = [] };
        Assert.Null(MermaidReport.EntityDiagram(model));
        Assert.Empty(MermaidReport.EntityDiagramParts(model));
    }

    [Fact]
    public void An_empty_model_still_gives_a_valid_flowchart()
    {
        Assert.Equal("flowchart LR\n    empty[\"no services found\"]\n", MermaidReport.Flowchart(new SystemModel { Root = "/x" }));
    }

    [Fact]
    public void Identifiers_that_start_with_a_digit_or_hold_symbols_are_made_safe()
    {
        Assert.Equal("_3rd_party_api", MermaidText.Id("3rd-party api"));
        Assert.Equal("_", MermaidText.Id(""));
        Assert.Equal("\"a #quot;b#quot; #lt;c#gt; #35;1\"", MermaidText.Label("a \"b\" <c> #1"));
        Assert.Equal("end_", MermaidText.EntityId("end"));
        Assert.Equal("Class_", MermaidText.EntityId("Class"));
        Assert.Equal("Ending", MermaidText.EntityId("Ending"));
    }

    [Fact]
    public void Hostile_names_give_safe_identifiers_escaped_labels_and_no_reserved_entity_names()
    {
        string[] parts = [MermaidReport.Flowchart(SampleModel.Hostile()), MermaidReport.EntityDiagram(SampleModel.Hostile())!];
        var output = parts[0] + parts[1];
        foreach (var line in parts[0].Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            Assert.Matches(NodeOrEdge(), line);
        }

        foreach (var line in parts[1].Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            Assert.Matches(ErLine(), line);
        }

        Assert.Contains("svc_My__Svc___x___y___z___p___1_[\"My #quot;Svc#quot; #lt;x#gt; [y] {z} |p| #35;1;\"]", output);
        Assert.Contains("        Dictionary_string_int _1st PK\n        byteArray Data\n        List_Foo_Bar Id PK\n        int EndId FK\n", output);
        Assert.Contains("    end_\n", output);
        Assert.Contains("Other_Thing ||--|| end_ : \"End\"", output);
        Assert.Single(Regex.Matches(output, @"Other_Thing \}o--o\{ Tag"));
        Assert.Contains("compose_mq{{\"mq (rabbitmq:3)\"}}", output);
    }

    private static Entity Table(string name, string? context, string folder, params Relationship[] relationships) =>
        new(name, context, null, [new EntityProperty("Id", "int", false, null, null)], ["Id"], [.. relationships], [], $"src/Api/Models/{folder}/{name}.cs", 1);

    private static SystemModel Tables(int count, Func<int, string?> context, Func<int, string> folder) => new()
    {
        Root = "/x",
        Entities = [.. Enumerable.Range(0, count).Select(i => Table($"T{i:00}", context(i), folder(i), i == 1 ? [new Relationship("T00", "T00", "many-to-one", ["T00Id"], true, null)] : []))],
    };

    [Fact]
    public void Below_the_threshold_the_er_diagram_is_one_part()
    {
        var parts = MermaidReport.EntityDiagramParts(Tables(MermaidReport.SplitThreshold - 1, i => i % 2 == 0 ? "A" : "B", _ => "M"));

        Assert.Equal("", Assert.Single(parts).Part);
    }

    [Fact]
    public void From_the_threshold_on_each_context_is_a_part_and_reached_entities_of_others_are_named_only()
    {
        var parts = MermaidReport.EntityDiagramParts(Tables(MermaidReport.SplitThreshold, i => i % 2 == 0 ? "A" : "B", _ => "M"));

        Assert.Equal(["A", "B"], parts.Select(p => p.Part));
        var b = parts[1].Diagram;
        Assert.StartsWith("erDiagram\n    T01 {\n", b);
        Assert.Contains("\n    T00\n", b);
        Assert.DoesNotContain("T00 {", b);
        Assert.Contains("T00 ||--o{ T01 : \"T00\"", b);
        Assert.DoesNotContain("T02", b);
    }

    [Fact]
    public void With_one_context_a_large_model_is_split_by_folder_below_the_common_one()
    {
        var parts = MermaidReport.EntityDiagramParts(Tables(30, _ => "Db", i => i < 10 ? "Vault" : "Auth/Sso"));

        Assert.Equal(["Auth/Sso", "Vault"], parts.Select(p => p.Part));
    }

    [Fact]
    public void A_large_model_with_nothing_to_split_by_stays_whole()
    {
        Assert.Equal("", Assert.Single(MermaidReport.EntityDiagramParts(Tables(30, _ => "Db", _ => "M"))).Part);
    }

    [GeneratedRegex(@"^    ([A-Za-z0-9_]+ \{|\}|[A-Za-z0-9_]+|    [A-Za-z_][A-Za-z0-9_]* [A-Za-z0-9_]+( PK| FK| PK, FK)?|[A-Za-z0-9_]+ (\|\||\|o|\}o)--(o\{|\|\||o\|) [A-Za-z0-9_]+ : ""[^""]*"")$")]
    private static partial Regex ErLine();

    [GeneratedRegex(@"^    ([A-Za-z0-9_]+(\[|\(|\{\{).*|[A-Za-z0-9_]+ (-->|-\.->)(\|""[^""]*""\|)? [A-Za-z0-9_]+)$")]
    private static partial Regex NodeOrEdge();
}
