using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Api.Data.Entities;

namespace Shop.Api.Data.Configurations;

public sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.IsActive).HasDefaultValue(true);
        builder.Property(p => p.UpdatedAt).HasDefaultValueSql("now()");
    }
}
