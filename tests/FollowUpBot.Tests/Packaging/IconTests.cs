using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Packaging;

public sealed class IconTests
{
    private static string Icon(string name) => Path.Combine(RepoPaths.Root, "manifest", name);

    [Fact]
    public void ColorIconIs192By192()
    {
        var icon = PngImage.Read(Icon("color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void OutlineIconIs32By32WhiteOnTransparent()
    {
        var icon = PngImage.Read(Icon("outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlpha, "the outline icon needs an alpha channel for its transparent background");
        var transparent = 0;
        var white = 0;
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                var (r, g, b, a) = icon.Pixel(x, y);
                if (a == 0)
                {
                    transparent++;
                }
                else
                {
                    Assert.True((r, g, b) == (255, 255, 255), $"pixel ({x},{y}) is ({r},{g},{b},{a}); every visible pixel must be white");
                    white++;
                }
            }
        }

        // Transparent corners (the background) and a visible symbol, not a blank or solid square.
        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.Equal(0, icon.Pixel(31, 31).A);
        Assert.InRange(white, 32, (32 * 32) - 32);
        Assert.True(transparent > 32 * 32 / 4, $"only {transparent} transparent pixels");
    }

    [Fact]
    public void ColorIconHasAnOpaqueColoredBackground()
    {
        var icon = PngImage.Read(Icon("color.png"));

        // Teams shows the color icon on its own tile: it needs an opaque, colored background.
        var corner = icon.Pixel(0, 0);
        Assert.Equal(255, corner.A);
        Assert.NotEqual((corner.R, corner.G, corner.B), ((byte)255, (byte)255, (byte)255));
    }
}
