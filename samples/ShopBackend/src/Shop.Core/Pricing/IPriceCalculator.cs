namespace Shop.Core.Pricing;

public interface IPriceCalculator
{
    PriceBreakdown Calculate(IReadOnlyCollection<PricedLine> lines, string currency, string? voucherCode);
}

public sealed record PricedLine(int ProductId, int Quantity, decimal UnitPrice);

public sealed record PriceBreakdown(decimal Subtotal, decimal Discount, decimal Tax, decimal Shipping, decimal Total, string Currency);
