"""The focus ring is visible wherever it is drawn: at least 3:1 against its background (WCAG
1.4.11), computed from the site's own CSS."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE_CSS = ROOT / "toolkit" / "static" / "toolkit" / "site.css"
OUR_CSS = [
    *ROOT.glob("toolkit/static/**/*.css"),
    *ROOT.glob("assessments/static/**/*.css"),
    *ROOT.glob("cms/static/**/*.css"),
    *ROOT.glob("learning/static/**/*.css"),
]
# The light backgrounds of pages, cards, notices and chosen options, on which a ring is drawn.
LIGHT_BACKGROUNDS = ["--surface", "--paper", "--brand-soft", "--warn-bg", "--error-bg"]


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def custom_properties() -> dict[str, str]:
    root = re.search(r":root\s*{(.*?)}", SITE_CSS.read_text(), re.S).group(1)
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", root))


def test_the_contrast_formula_matches_wcag():
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast("#f2a900", "#ffffff"), 1) == 2.0  # the old ring on white


@pytest.mark.parametrize("background", LIGHT_BACKGROUNDS)
def test_focus_ring_has_3_to_1_on_every_light_background(background):
    colours = custom_properties()
    ratio = contrast(colours["--focus"], colours[background])
    assert ratio >= 3, f"--focus on {background}: {ratio:.2f}:1"


def test_focus_ring_on_the_dark_footer_has_3_to_1():
    css = SITE_CSS.read_text()
    footer = re.search(
        r"\.site-footer :focus-visible\s*{\s*outline-color:\s*var\((--[\w-]+)\)", css
    )
    assert footer, "the footer sets its own ring colour"
    colours = custom_properties()
    assert contrast(colours[footer.group(1)], colours["--ink"]) >= 3


def test_every_outline_in_our_css_uses_a_ring_colour_with_3_to_1_on_white():
    colours = custom_properties()
    for path in OUR_CSS:
        for declaration in re.findall(r"outline(?:-color)?:\s*([^;}]+)", path.read_text()):
            if declaration.strip() in ("none", "0"):
                continue
            named = re.search(r"var\((--[\w-]+)\)", declaration)
            literal = re.search(r"#[0-9a-fA-F]{6}", declaration)
            colour = colours[named.group(1)] if named else literal and literal.group(0)
            assert colour, f"{path.name}: outline without a checked colour: {declaration}"
            if named and named.group(1) == "--focus-on-dark":
                continue  # checked against the footer above
            assert contrast(colour, "#ffffff") >= 3, f"{path.name}: {declaration}"
