"""Pictures for demo content, drawn with Pillow (no photo files ship with newsdesk)."""

from __future__ import annotations

import io
import math
import random

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter


def wave_illustration(*, seed: int, width: int = 1600, height: int = 900,
                      palette: tuple[tuple[int, int, int], ...] = ((28, 52, 82), (63, 105, 140), (150, 178, 196),
                                                                   (214, 224, 230))) -> bytes:
    """An abstract landscape of layered waves under a hazy sky, as JPEG bytes."""
    rng = random.Random(seed)
    picture = PILImage.new("RGB", (width, height), palette[-1])
    draw = ImageDraw.Draw(picture)
    top, bottom = palette[-1], palette[-2]
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for layer in range(7):
        base = height * (0.45 + layer * 0.08)
        amplitude = height * (0.02 + rng.random() * 0.03)
        wavelength = width / (1.5 + rng.random() * 2.5)
        phase = rng.random() * math.tau
        colour = palette[min(layer // 2, len(palette) - 2)]
        shade = tuple(max(0, c - layer * 6) for c in colour)
        points = [(x, base + amplitude * math.sin(x / wavelength * math.tau + phase)) for x in range(0, width + 8, 8)]
        draw.polygon([(0, height), *points, (width, height)], fill=shade)
    for _ in range(9):  # a few rooftops on the horizon
        x = rng.randrange(0, width - 120)
        w = rng.randrange(50, 120)
        h = rng.randrange(30, 80)
        y = int(height * 0.47)
        draw.rectangle([x, y - h, x + w, y], fill=(46, 58, 70))
        draw.polygon([(x - 6, y - h), (x + w // 2, y - h - h // 2), (x + w + 6, y - h)], fill=(58, 44, 44))
    picture = picture.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def portrait_illustration(*, seed: int, colour: tuple[int, int, int], size: int = 600) -> bytes:
    """An abstract head-and-shoulders silhouette on a soft ground (author photos of the demo), as JPEG bytes."""
    rng = random.Random(seed)
    ground = tuple(min(255, c + 70) for c in colour)
    picture = PILImage.new("RGB", (size, size), ground)
    draw = ImageDraw.Draw(picture)
    for _ in range(6):  # a few soft circles behind the figure
        r = rng.randrange(size // 8, size // 3)
        x, y = rng.randrange(0, size), rng.randrange(0, size)
        tint = tuple(min(255, c + rng.randrange(30, 90)) for c in colour)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tint)
    figure = tuple(max(0, c - 60) for c in colour)
    draw.ellipse([size * 0.16, size * 0.68, size * 0.84, size * 1.3], fill=figure)  # shoulders
    draw.ellipse([size * 0.33, size * 0.2, size * 0.67, size * 0.62], fill=figure)  # head
    picture = picture.filter(ImageFilter.GaussianBlur(2))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()
