using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Api.Auth;
using Shop.Api.Contracts;
using Shop.Api.Data;
using Shop.Api.Data.Entities;
using Shop.Core.Messages;
using Shop.Core.Orders;
using Shop.Core.Pricing;

namespace Shop.Api.Controllers;

[Authorize(Policy = AuthPolicies.Customer)]
public sealed class OrdersController : ApiControllerBase
{
    private readonly ShopDbContext _db;
    private readonly IPriceCalculator _prices;
    private readonly IOrderNumberGenerator _orderNumbers;
    private readonly IPublishEndpoint _publisher;
    private readonly ILogger<OrdersController> _logger;

    public OrdersController(
        ShopDbContext db,
        IPriceCalculator prices,
        IOrderNumberGenerator orderNumbers,
        IPublishEndpoint publisher,
        ILogger<OrdersController> logger)
    {
        _db = db;
        _prices = prices;
        _orderNumbers = orderNumbers;
        _publisher = publisher;
        _logger = logger;
    }

    [HttpGet]
    public async Task<ActionResult<IReadOnlyList<OrderResponse>>> GetMine([FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var customerId = CurrentCustomerId!.Value;
        pageSize = Math.Clamp(pageSize, 1, 100);

        var orders = await _db.Orders
            .AsNoTracking()
            .Include(o => o.Lines).ThenInclude(l => l.Product)
            .Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.CreatedAt)
            .Skip((Math.Max(page, 1) - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);

        return Ok(orders.Select(OrderResponse.From).ToList());
    }

    [HttpGet("{id:int}")]
    public async Task<ActionResult<OrderResponse>> Get(int id, CancellationToken cancellationToken)
    {
        var customerId = CurrentCustomerId!.Value;
        var order = await _db.Orders
            .AsNoTracking()
            .Include(o => o.Lines).ThenInclude(l => l.Product)
            .FirstOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, cancellationToken);

        return order is null ? NotFound() : Ok(OrderResponse.From(order));
    }

    [HttpGet("{id:int}/receipt")]
    [AllowAnonymous]
    public async Task<ActionResult<OrderReceipt>> GetReceipt(int id, CancellationToken cancellationToken)
    {
        var receipt = await (
            from o in _db.Orders
            join c in _db.Customers on o.CustomerId equals c.Id
            where o.Id == id
            select new OrderReceipt(o.OrderNumber, c.FullName, c.ShippingAddress, o.Total, o.Currency, o.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

        return receipt is null ? NotFound() : Ok(receipt);
    }

    [HttpGet("summary")]
    public async Task<ActionResult<CustomerSpendSummary>> GetSummary(CancellationToken cancellationToken)
    {
        var customerId = CurrentCustomerId!.Value;
        var orders = await _db.Orders
            .Where(o => o.CustomerId == customerId && o.Status != OrderStatus.Cancelled)
            .ToListAsync(cancellationToken);

        var total = 0m;
        var items = 0;
        foreach (var order in orders)
        {
            foreach (var line in order.Lines)
            {
                total += line.UnitPrice * line.Quantity;
                items += line.Quantity;
            }
        }

        return Ok(new CustomerSpendSummary(customerId, orders.Count, total, items));
    }

    [HttpPost]
    public async Task<ActionResult<OrderResponse>> Place(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var errors = OrderRules.Validate(request.Lines.Select(l => (l.ProductId, l.Quantity)).ToList());
        if (errors.Count > 0)
        {
            return ValidationFailed(errors);
        }

        var customerId = CurrentCustomerId!.Value;
        var productIds = request.Lines.Select(l => l.ProductId).ToList();
        var products = await _db.Products
            .Where(p => productIds.Contains(p.Id) && p.IsActive)
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        if (products.Count != productIds.Count)
        {
            return ValidationFailed(["One or more products are not available."]);
        }

        var price = _prices.Calculate(
            request.Lines.Select(l => new PricedLine(l.ProductId, l.Quantity, products[l.ProductId].Price)).ToList(),
            request.Currency,
            request.VoucherCode);

        var order = new Order
        {
            OrderNumber = _orderNumbers.Next(DateTime.UtcNow),
            CustomerId = customerId,
            Currency = price.Currency,
            Total = price.Total,
            CreatedAt = DateTime.UtcNow,
            Lines = request.Lines.Select(l => new OrderLine
            {
                ProductId = l.ProductId,
                Product = products[l.ProductId],
                Quantity = l.Quantity,
                UnitPrice = products[l.ProductId].Price,
            }).ToList(),
        };

        foreach (var line in request.Lines)
        {
            products[line.ProductId].StockQuantity -= line.Quantity;
        }

        _db.Orders.Add(order);
        await _db.SaveChangesAsync(cancellationToken);

        var email = await _db.Customers.Where(c => c.Id == customerId).Select(c => c.Email).SingleAsync(cancellationToken);
        await _publisher.Publish(
            new OrderPlaced(
                order.Id,
                order.OrderNumber,
                customerId,
                email,
                order.Total,
                order.Currency,
                order.CreatedAt,
                order.Lines.Select(l => new OrderPlacedLine(l.ProductId, products[l.ProductId].Name, l.Quantity, l.UnitPrice)).ToList()),
            cancellationToken);

        _logger.LogInformation("Order {OrderNumber} placed by customer {CustomerId}", order.OrderNumber, customerId);
        return CreatedAtAction(nameof(Get), new { id = order.Id }, OrderResponse.From(order));
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, CancellationToken cancellationToken)
    {
        var customerId = CurrentCustomerId!.Value;
        var order = await _db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.CustomerId == customerId, cancellationToken);
        if (order is null)
        {
            return NotFound();
        }

        if (order.Status != OrderStatus.Pending)
        {
            return Conflict(new { message = $"An order in status {order.Status} cannot be cancelled." });
        }

        order.Status = OrderStatus.Cancelled;
        await _db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }
}
