namespace Shop.Core.Orders;

public static class OrderRules
{
    public const int MaxLinesPerOrder = 50;
    public const int MaxQuantityPerLine = 99;

    public static IReadOnlyList<string> Validate(IReadOnlyCollection<(int ProductId, int Quantity)> lines)
    {
        var errors = new List<string>();
        if (lines.Count == 0)
        {
            errors.Add("The order has no lines.");
        }

        if (lines.Count > MaxLinesPerOrder)
        {
            errors.Add($"An order can have at most {MaxLinesPerOrder} lines.");
        }

        foreach (var (productId, quantity) in lines)
        {
            if (quantity is < 1 or > MaxQuantityPerLine)
            {
                errors.Add($"Quantity for product {productId} must be between 1 and {MaxQuantityPerLine}.");
            }
        }

        if (lines.GroupBy(l => l.ProductId).Any(g => g.Count() > 1))
        {
            errors.Add("Each product may appear only once per order.");
        }

        return errors;
    }
}
