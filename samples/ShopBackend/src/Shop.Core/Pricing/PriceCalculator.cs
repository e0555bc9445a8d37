using Microsoft.Extensions.Logging;

namespace Shop.Core.Pricing;

public sealed class PriceCalculator : IPriceCalculator
{
    private const decimal FreeShippingThreshold = 75m;
    private const decimal FlatShipping = 4.95m;

    private static readonly IReadOnlyDictionary<string, decimal> TaxRates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = 0.21m,
        ["GBP"] = 0.20m,
        ["USD"] = 0.0m,
    };

    private readonly IVoucherCatalog _vouchers;
    private readonly ILogger<PriceCalculator> _logger;

    public PriceCalculator(IVoucherCatalog vouchers, ILogger<PriceCalculator> logger)
    {
        _vouchers = vouchers;
        _logger = logger;
    }

    public PriceBreakdown Calculate(IReadOnlyCollection<PricedLine> lines, string currency, string? voucherCode)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("An order needs at least one line.", nameof(lines));
        }

        var subtotal = lines.Sum(l => l.UnitPrice * l.Quantity);
        var discount = 0m;

        if (!string.IsNullOrWhiteSpace(voucherCode))
        {
            var voucher = _vouchers.Find(voucherCode);
            if (voucher is null || voucher.ExpiresAt < DateTime.UtcNow)
            {
                _logger.LogInformation("Voucher {VoucherCode} rejected", voucherCode);
            }
            else
            {
                discount = voucher.IsPercentage
                    ? Math.Round(subtotal * voucher.Value / 100m, 2, MidpointRounding.ToEven)
                    : Math.Min(voucher.Value, subtotal);
            }
        }

        var taxable = subtotal - discount;
        var rate = TaxRates.TryGetValue(currency, out var r) ? r : 0m;
        var tax = Math.Round(taxable * rate, 2, MidpointRounding.ToEven);
        var shipping = taxable >= FreeShippingThreshold ? 0m : FlatShipping;

        return new PriceBreakdown(subtotal, discount, tax, shipping, taxable + tax + shipping, currency.ToUpperInvariant());
    }
}
