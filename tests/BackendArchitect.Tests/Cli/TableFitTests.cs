using BackendArchitect.Cli.Rendering;

namespace BackendArchitect.Tests.Cli;

/// <summary>Fitting a table to the terminal: columns give way in value order, text never breaks letter by letter.</summary>
public sealed class TableFitTests
{
    private static readonly FitColumn[] Columns =
    [
        new("Service", 10, Shrink: 3, Drop: 2),
        new("Method", 6),
        new("Route", 24, Shrink: 5),
        new("Auth", 12, Shrink: 4),
        new("Handler", 16, Shrink: 2, Drop: 3),
        new("Source", 16, Shrink: 1, Drop: 1),
    ];

    private static readonly IReadOnlyList<string>[] Rows =
    [
        ["Bitwarden.Identity.Server", "POST", "/organizations/{organizationId}/users/{organizationUserId}/reset-password-enrollment", "required policies: Application", "OrganizationUsersController.PutResetPasswordEnrollment", "OrganizationUsersController.cs:412"],
        ["Api", "GET", "/ciphers/{id}", "anonymous", "CiphersController.Get", "CiphersController.cs:88"],
    ];

    private static int Total(int[] widths) => widths.Where(w => w > 0).Sum() + TableFit.Overhead(widths.Count(w => w > 0));

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    [InlineData(200)]
    public void The_table_fits_and_keeps_method_route_and_auth(int width)
    {
        var widths = TableFit.Widths(Columns, Rows, width);

        Assert.True(Total(widths) <= width, $"{Total(widths)} > {width}");
        Assert.Equal(6, widths[1]);
        Assert.True(widths[2] >= 24, $"route {widths[2]}");
        Assert.True(widths[3] >= 12, $"auth {widths[3]}");
    }

    [Fact]
    public void A_wide_terminal_shows_every_column_at_its_natural_width_where_it_can()
    {
        var widths = TableFit.Widths(Columns, [Rows[1]], 200);

        Assert.Equal([7, 6, 13, 9, 21, 23], widths);
    }

    [Fact]
    public void Low_value_columns_narrow_then_go_before_the_route_wraps()
    {
        Assert.Equal([25, 6, 84, 30, 39, 0], TableFit.Widths(Columns, Rows, 200));
        Assert.Equal([0, 6, 84, 20, 0, 0], TableFit.Widths(Columns, Rows, 120));
        Assert.Equal([0, 6, 52, 12, 0, 0], TableFit.Widths(Columns, Rows, 80));
    }

    [Fact]
    public void A_column_goes_rather_than_every_row_wrapping()
    {
        // At 180 with the service kept, the handler would be 19 wide and wrap both rows; without it, 47.
        Assert.Equal([0, 6, 84, 30, 47, 0], TableFit.Widths(Columns, Rows, 180));
    }

    [Fact]
    public void Narrower_than_every_minimum_still_fits_and_keeps_every_column_readable()
    {
        var widths = TableFit.Widths(Columns, Rows, 40);

        Assert.True(Total(widths) <= 40, $"{Total(widths)} > 40");
        Assert.All(widths.Where(w => w > 0), w => Assert.True(w >= 4));
    }

    [Fact]
    public void A_route_wraps_between_segments()
    {
        Assert.Equal("/organizations/{organizationId}\n/users/{organizationUserId}\n/reset-password-enrollment", TableFit.Wrap(Rows[0][2], 32, "..."));
    }

    [Fact]
    public void A_handler_wraps_between_type_and_method_and_words_at_spaces()
    {
        Assert.Equal("OrganizationUsersController.\nPutResetPasswordEnrollment", TableFit.Wrap(Rows[0][4], 30, "..."));
        Assert.Equal("required\npolicies:\nApplication", TableFit.Wrap(Rows[0][3], 12, "..."));
    }

    [Fact]
    public void A_piece_longer_than_the_column_ends_in_an_ellipsis_not_a_letter_per_line()
    {
        Assert.Equal("/reset-pas...", TableFit.Wrap("/reset-password-enrollment", 13, "..."));
        Assert.Equal("short", TableFit.Wrap("short", 13, "..."));
    }
}
