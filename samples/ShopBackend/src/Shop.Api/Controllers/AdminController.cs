using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Api.Data;
using Shop.Api.Data.Entities;

namespace Shop.Api.Controllers;

[Authorize(Roles = "Admin")]
public sealed class AdminController : ApiControllerBase
{
    private readonly ShopDbContext _db;

    public AdminController(ShopDbContext db)
    {
        _db = db;
    }

    [HttpGet("customers")]
    public ActionResult<List<Customer>> GetCustomers()
    {
        var customers = _db.Customers.OrderBy(c => c.Email).ToList();
        return Ok(customers);
    }

    [HttpGet("orders")]
    public async Task<IActionResult> GetOrders([FromQuery] OrderStatus? status, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        const int pageSize = 50;
        var query = _db.Orders.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(o => o.Status == status);
        }

        var orders = await query
            .OrderByDescending(o => o.CreatedAt)
            .Skip((Math.Max(page, 1) - 1) * pageSize)
            .Take(pageSize)
            .Select(o => new { o.Id, o.OrderNumber, o.CustomerId, Status = o.Status.ToString(), o.Total, o.Currency, o.CreatedAt })
            .ToListAsync(cancellationToken);

        return Ok(orders);
    }

    [HttpPost("orders/{id:int}/ship")]
    [Authorize(Roles = "Admin,Warehouse")]
    public async Task<IActionResult> MarkShipped(int id, CancellationToken cancellationToken)
    {
        var updated = await _db.Orders
            .Where(o => o.Id == id && o.Status == OrderStatus.Paid)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OrderStatus.Shipped)
                .SetProperty(o => o.ShippedAt, DateTime.UtcNow), cancellationToken);

        return updated == 0 ? NotFound() : NoContent();
    }

    [HttpDelete("customers/{id:int}")]
    [Authorize(Policy = "Admin")]
    public async Task<IActionResult> DeleteCustomer(int id, CancellationToken cancellationToken)
    {
        var hasOrders = await _db.Orders.AnyAsync(o => o.CustomerId == id, cancellationToken);
        if (hasOrders)
        {
            return Conflict(new { message = "Customers with orders are anonymised, not deleted." });
        }

        var deleted = await _db.Customers.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound() : NoContent();
    }
}
