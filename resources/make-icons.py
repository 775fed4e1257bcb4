#!/usr/bin/env python3
"""Draws the app icon (a white upward arrow over a bar on the brand blue) and writes icon.png, icon-256.png,
icon.ico and icon.icns next to this file. Standard library only: the mark is a few shapes, rendered with 4x4
supersampling for smooth edges. Run it again after changing the shapes: python3 resources/make-icons.py"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BRAND = (11, 92, 173)  # --brand in renderer/src/styles.css
WHITE = (255, 255, 255)


def inside_rounded_square(x, y):
    lo, hi, r = 0.0625, 0.9375, 0.19
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + r), hi - r)
    cy = min(max(y, lo + r), hi - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def inside_mark(x, y):
    # the arrow's head: a triangle with its apex at the top
    if 0.2 <= y <= 0.49:
        half = (y - 0.2) / 0.29 * 0.25
        if abs(x - 0.5) <= half:
            return True
    # its shaft, and the bar it rises from
    if abs(x - 0.5) <= 0.085 and 0.48 <= y <= 0.7:
        return True
    return 0.28 <= x <= 0.72 and 0.75 <= y <= 0.81


def render(size):
    rows = []
    n = 4
    for py in range(size):
        row = bytearray([0])  # filter: none
        for px in range(size):
            bg = mark = 0
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    if inside_rounded_square(x, y):
                        bg += 1
                        if inside_mark(x, y):
                            mark += 1
            alpha = bg / (n * n)
            t = mark / bg if bg else 0
            color = [round(BRAND[i] * (1 - t) + WHITE[i] * t) for i in range(3)]
            row += bytes(color + [round(alpha * 255)])
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    """An .ico of PNG images (Windows Vista and later read PNG entries)."""
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    body = b""
    for size, data in images:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return out + body


def icns(images):
    """An .icns of PNG entries (ic07 128, ic08 256, ic09 512)."""
    types = {128: b"ic07", 256: b"ic08", 512: b"ic09"}
    body = b"".join(types[s] + struct.pack(">I", 8 + len(d)) + d for s, d in images if s in types)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    sizes = [16, 32, 48, 128, 256, 512]
    images = {s: render(s) for s in sizes}
    files = {
        "icon.png": images[512],
        "icon-256.png": images[256],
        "icon.ico": ico([(s, images[s]) for s in (16, 32, 48, 256)]),
        "icon.icns": icns([(s, images[s]) for s in (128, 256, 512)]),
    }
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
