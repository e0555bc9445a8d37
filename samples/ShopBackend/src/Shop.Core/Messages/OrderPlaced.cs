namespace Shop.Core.Messages;

public sealed record OrderPlaced(
    int OrderId,
    string OrderNumber,
    int CustomerId,
    string CustomerEmail,
    decimal Total,
    string Currency,
    DateTime PlacedAt,
    IReadOnlyList<OrderPlacedLine> Lines);

public sealed record OrderPlacedLine(int ProductId, string ProductName, int Quantity, decimal UnitPrice);
