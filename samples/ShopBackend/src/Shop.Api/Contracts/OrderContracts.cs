using Shop.Api.Data.Entities;

namespace Shop.Api.Contracts;

public sealed record PlaceOrderRequest(IReadOnlyList<PlaceOrderLine> Lines, string Currency, string? VoucherCode);

public sealed record PlaceOrderLine(int ProductId, int Quantity);

public sealed record OrderResponse(int Id, string OrderNumber, string Status, decimal Total, string Currency, DateTime CreatedAt, IReadOnlyList<OrderLineResponse> Lines)
{
    public static OrderResponse From(Order order) => new(
        order.Id,
        order.OrderNumber,
        order.Status.ToString(),
        order.Total,
        order.Currency,
        order.CreatedAt,
        order.Lines.Select(l => new OrderLineResponse(l.ProductId, l.Product.Name, l.Quantity, l.UnitPrice)).ToList());
}

public sealed record OrderLineResponse(int ProductId, string ProductName, int Quantity, decimal UnitPrice);

public sealed record OrderReceipt(string OrderNumber, string CustomerName, string? ShippingAddress, decimal Total, string Currency, DateTime CreatedAt);

public sealed record CustomerSpendSummary(int CustomerId, int OrderCount, decimal TotalSpent, int ItemsBought);
