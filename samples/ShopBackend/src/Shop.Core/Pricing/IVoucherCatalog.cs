namespace Shop.Core.Pricing;

public interface IVoucherCatalog
{
    Voucher? Find(string code);
}

public sealed record Voucher(string Code, decimal Value, bool IsPercentage, DateTime ExpiresAt);

public sealed class InMemoryVoucherCatalog : IVoucherCatalog
{
    private readonly Dictionary<string, Voucher> _vouchers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WELCOME10"] = new Voucher("WELCOME10", 10m, IsPercentage: true, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        ["SHIPFREE"] = new Voucher("SHIPFREE", 4.95m, IsPercentage: false, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
    };

    public Voucher? Find(string code) => _vouchers.GetValueOrDefault(code);
}
