using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shop.Api.Auth;
using Shop.Api.Data;
using Shop.Api.Data.Entities;

namespace Shop.Api.Controllers;

[Authorize(Policy = AuthPolicies.Customer)]
public sealed class CustomersController : ApiControllerBase
{
    private readonly ShopDbContext _db;

    public CustomersController(ShopDbContext db)
    {
        _db = db;
    }

    [HttpGet("me")]
    public async Task<IActionResult> GetMe(CancellationToken cancellationToken)
    {
        var customerId = CurrentCustomerId!.Value;
        var me = await _db.Customers
            .AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new { c.Id, c.Email, c.FullName, c.Phone, c.ShippingAddress, c.IsVip })
            .SingleOrDefaultAsync(cancellationToken);

        return me is null ? NotFound() : Ok(me);
    }

    [HttpPut("me")]
    public async Task<IActionResult> UpdateMe([FromBody] Customer customer, CancellationToken cancellationToken)
    {
        var customerId = CurrentCustomerId!.Value;
        if (customer.Id != customerId)
        {
            return Forbid();
        }

        var exists = await _db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken);
        if (!exists)
        {
            return NotFound();
        }

        _db.Customers.Update(customer);
        await _db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }
}
