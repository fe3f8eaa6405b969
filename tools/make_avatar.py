#!/usr/bin/env python3
"""Draws assets/avatars/ray.png (the client in scenarios/can-we-be-friends.yaml): a calm, simple head-and-shoulders portrait in flat colours.

Authoring-time only (the PNG is committed; the build does not run this). Pure Python, no
imaging library: shapes are sampled 4x4 per pixel for smooth edges, then written as a PNG.
Usage: tools/make_avatar.py assets/avatars/ray.png
"""
import struct
import sys
import zlib

SIZE = 256
SAMPLES = 4

BACKGROUND = (176, 201, 196)  # soft sage
CARDIGAN = (79, 98, 116)      # muted slate blue
COLLAR = (232, 228, 218)      # shirt collar
SKIN = (223, 187, 160)
SKIN_SHADE = (205, 168, 142)  # neck and ears, a little darker
HAIR = (201, 200, 194)        # grey, for a man of 67


def ellipse(cx, cy, rx, ry):
    return lambda x, y: ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0


def rect(left, top, right, bottom):
    return lambda x, y: left <= x <= right and top <= y <= bottom


def both(a, b):
    return lambda x, y: a(x, y) and b(x, y)


# Back to front: each sample takes the colour of the last shape that covers it.
LAYERS = [
    (CARDIGAN, ellipse(128, 262, 104, 78)),
    (COLLAR, both(ellipse(128, 196, 40, 26), rect(0, 184, 256, 256))),
    (SKIN_SHADE, both(rect(108, 150, 148, 200), ellipse(128, 176, 20, 34))),
    (SKIN_SHADE, ellipse(79, 118, 9, 15)),
    (SKIN_SHADE, ellipse(177, 118, 9, 15)),
    (HAIR, ellipse(128, 92, 50, 50)),
    (SKIN, ellipse(128, 118, 45, 55)),
    (HAIR, both(ellipse(128, 92, 50, 46), rect(0, 0, 256, 84))),
]


def colour_at(x, y):
    colour = BACKGROUND
    for fill, inside in LAYERS:
        if inside(x, y):
            colour = fill
    return colour


def pixels():
    rows = []
    step = 1.0 / SAMPLES
    for py in range(SIZE):
        row = bytearray([0])  # PNG filter: none
        for px in range(SIZE):
            total = [0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = colour_at(px + (sx + 0.5) * step, py + (sy + 0.5) * step)
                    total[0] += c[0]
                    total[1] += c[1]
                    total[2] += c[2]
            n = SAMPLES * SAMPLES
            row += bytes(round(t / n) for t in total)
        rows.append(bytes(row))
    return b"".join(rows)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_avatar.py OUT.png")
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)  # 8-bit RGB
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels(), 9))
    png += chunk(b"IEND", b"")
    with open(sys.argv[1], "wb") as out:
        out.write(png)


if __name__ == "__main__":
    main()
