using BackendArchitect.Scanning;
using BackendArchitect.Tests.Support;

namespace BackendArchitect.Tests.Data;

/// <summary>Broken and odd EF code gives partial results, never an exception.</summary>
public class EfModelRobustnessTests
{
    [Fact]
    public void BrokenContextCodeStillYieldsTheContextAndItsReadableEntities()
    {
        using var dir = new TempDirectory();
        dir.Write("Broken.cs", """
            using Microsoft.EntityFrameworkCore;

            public class BrokenContext : DbContext
            {
                public DbSet<> Nothing { get; set; }
                public DbSet<Widget> Widgets { get; set; }
                public DbSet<Missing> Missing { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Widget>(b =>
                    {
                        b.HasKey();
                        b.Property().HasMaxLength("x");
                        b.HasIndex(x => x.).IsUnique(
                        b.HasOne<>().WithMany(
                    });
                    modelBuilder.Entity<Widget>().HasOne(w => w.Parent).WithOne(p => p.Child).HasForeignKey<Widget>();
                }
            }

            public class Widget : Widget
            {
                public int Id { get; set; }
                public Widget? Parent { get; set; }
                public Widget? Child { get; set; }
                public string Name { get; set
            }
            """);

        var model = ScanEngine.Scan(dir.Path);

        var context = Assert.Single(model.DataContexts);
        Assert.Equal("BrokenContext", context.Name);
        var widget = Assert.Single(model.Entities);
        Assert.Equal("Widget", widget.Name);
        Assert.Equal("Id", Assert.Single(widget.Key));
        Assert.Contains(model.Diagnostics, d => d.Message.Contains("entity Missing of BrokenContext is not declared", StringComparison.Ordinal));
        Assert.Contains(model.Diagnostics, d => d.Message.Contains("database provider of BrokenContext not found", StringComparison.Ordinal));
        Assert.Null(context.Provider);
    }

    [Fact]
    public void ContextDerivingFromItselfAndCyclicBaseClassesTerminate()
    {
        using var dir = new TempDirectory();
        dir.Write("Cycle.cs", """
            public class A : B { public DbSet<C> Cs { get; set; } }
            public class B : A { }
            public class C : D { public int Id { get; set; } public C Next { get; set; } }
            public class D : C { }
            """);

        var model = ScanEngine.Scan(dir.Path);

        Assert.Empty(model.DataContexts);
        Assert.Empty(model.Entities);
    }
}
