using System.Collections.Immutable;
using BackendArchitect.Model;

namespace BackendArchitect.CSharp.Data;

/// <summary>EF Core DbContexts and the entity model from conventions, annotations and fluent configuration.</summary>
public static class EfModelReader
{
    public static (ImmutableArray<DataContext> Contexts, ImmutableArray<Entity> Entities) Read(CSharpCorpus corpus, ICollection<Diagnostic> diagnostics) => ([], []);
}
