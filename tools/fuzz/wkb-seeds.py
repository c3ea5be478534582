"""Writes seed inputs for the wkb fuzz target: WKB and GeoPackage blobs of each geometry type."""
import struct
import sys

out = sys.argv[1]


def point(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


def ring(coords):
    return struct.pack("<I", len(coords)) + b"".join(struct.pack("<dd", x, y) for x, y in coords)


square = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
seeds = {
    "point": point(405734.9, 5757756.4),
    "linestring": struct.pack("<BII", 1, 2, 3) + b"".join(struct.pack("<dd", x, y) for x, y in [(0, 0), (5, 5), (9, 1)]),
    "polygon": struct.pack("<BII", 1, 3, 1) + ring(square),
    "multipolygon": struct.pack("<BII", 1, 6, 1) + struct.pack("<BII", 1, 3, 1) + ring(square),
    "multipoint": struct.pack("<BII", 1, 4, 2) + point(1, 2) + point(3, 4),
    "collection": struct.pack("<BII", 1, 7, 1) + point(1, 2),
    "bigendian-point": struct.pack(">BIdd", 0, 1, 7.5, 51.9),
}
for name, wkb in list(seeds.items()):
    with open(f"{out}/{name}.wkb", "wb") as f:
        f.write(wkb)
    # GeoPackage blob: magic, version 0, flags (little-endian, envelope kind 0), srs_id 25832.
    with open(f"{out}/{name}.gpkgblob", "wb") as f:
        f.write(b"GP" + bytes([0, 1]) + struct.pack("<i", 25832) + wkb)
