using BackendArchitect.Model;

namespace BackendArchitect.Tests.Data;

/// <summary>One line per data-model fact, so a test compares sets and a failure shows only the differing facts.</summary>
public static class DataModelLines
{
    public static IReadOnlyList<string> Contexts(SystemModel model) =>
        [.. model.DataContexts.Select(c =>
            $"context {c.Name} service={c.Service ?? "-"} provider={c.Provider ?? "-"} at={c.File}:{c.Line} sets={string.Join(',', c.Sets.Select(s => s.Name + ":" + s.Entity))}")];

    public static IReadOnlyList<string> Entities(SystemModel model) =>
        [.. model.Entities.Select(e => $"entity {e.Context}.{e.Name} table={e.Table ?? "-"} key={string.Join(',', e.Key)} at={e.File}:{e.Line}")];

    public static IReadOnlyList<string> Properties(SystemModel model) =>
        [.. model.Entities.SelectMany(e => e.Properties.Select(p =>
            $"property {e.Context}.{e.Name}.{p.Name} {p.Type}{(p.Nullable ? " null" : "")}{(p.MaxLength is { } m ? $" max={m}" : "")}{(p.Column is { } c ? $" column={c}" : "")}"))];

    public static IReadOnlyList<string> Relationships(SystemModel model) =>
        [.. model.Entities.SelectMany(e => e.Relationships.Select(r =>
            $"relationship {e.Context}.{e.Name}.{r.Navigation} -> {r.Target} {r.Kind} fk={string.Join(',', r.ForeignKey)} required={Describe(r.Required)} delete={r.DeleteBehavior ?? "-"}"))];

    public static IReadOnlyList<string> Indexes(SystemModel model) =>
        [.. model.Entities.SelectMany(e => e.Indexes.Select(i =>
            $"index {e.Context}.{e.Name} ({string.Join(',', i.Properties)}){(i.Unique ? " unique" : "")}{(i.Name is { } n ? $" name={n}" : "")}"))];

    private static string Describe(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "-",
    };
}
