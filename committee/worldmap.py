"""The status page's map: each country's shape, coloured by where it stands with the Convention.

The shapes are Natural Earth's countries at 1:110 million, from the world-atlas package
(``committee/data/world-atlas/``, TopoJSON), drawn in the Natural Earth projection as SVG paths on
the server. At that scale the smallest States have no shape: the page names them under the map.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django_countries import countries

from .models import ParticipantKind

ATLAS = Path(__file__).parent / "data" / "world-atlas" / "countries-110m.json"  # world-atlas 2.0.2
WIDTH = 960
# Antarctica is left out: no State's, and a third of the picture's height.
LEFT_OUT = {"AQ"}


@dataclass(frozen=True)
class Shape:
    code: str  # ISO 3166-1 alpha-2
    path: str  # SVG path data, in the map's coordinates


@dataclass(frozen=True)
class WorldMap:
    width: int
    height: int
    shapes: tuple[Shape, ...]
    codes: frozenset[str]  # the countries drawn


def _natural_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """The Natural Earth projection (Šavrič, Jenny, Patterson), as d3-geo's naturalEarth1Raw."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc's points in degrees: TopoJSON stores them quantized, each as a step from the last."""
    (scale_x, scale_y), (translate_x, translate_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """A ring's points: its arcs joined, a negative index (~i) meaning arc i reversed.

    A ring across the 180th meridian (Russia's east, Fiji) would be drawn across the whole map: its
    points west of it are taken round the world (-179° as 181°), then held at the edge (180°).
    """
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    if any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(points)):
        points = [(180.0 if longitude < 0 else longitude, latitude) for longitude, latitude in points]
    return points


@functools.cache
def world_map() -> WorldMap:
    """The countries' shapes, projected and fitted to ``WIDTH``. Read from the package's file once a
    process: it never changes while the process runs, unlike the record it is coloured by."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    polygons: dict[str, list[list[tuple[float, float]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = countries.alpha2(geometry.get("id", ""))
        if not code or code in LEFT_OUT:
            continue  # a territory without an ISO code in Natural Earth (Kosovo, Somaliland, ...)
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        polygons[code] = [
            [_natural_earth(*point) for point in _ring(arcs, ring)] for polygon in parts for ring in polygon
        ]
    points = [point for rings in polygons.values() for ring in rings for point in ring]
    left, right = min(x for x, _ in points), max(x for x, _ in points)
    bottom, top = min(y for _, y in points), max(y for _, y in points)
    scale = WIDTH / (right - left)

    def path(rings: list[list[tuple[float, float]]]) -> str:
        # Whole pixels of a 960-pixel-wide map; a point on the same pixel as the last adds nothing.
        drawn = []
        for ring in rings:
            pixels = [(round((x - left) * scale), round((top - y) * scale)) for x, y in ring]
            pixels = [p for i, p in enumerate(pixels) if i == 0 or p != pixels[i - 1]]
            drawn.append("M" + "L".join(f"{x},{y}" for x, y in pixels) + "Z")
        return "".join(drawn)

    shapes = tuple(Shape(code, path(rings)) for code, rings in sorted(polygons.items()))
    return WorldMap(WIDTH, math.ceil((top - bottom) * scale), shapes, frozenset(polygons))


@dataclass(frozen=True)
class Country:
    shape: Shape
    status: str  # "party", "signatory" or "" (neither)
    name: str


def status_map(participants) -> dict:
    """The map of the status page: each country's shape with its status (``participants`` are the
    published ones, with their public signature and instrument), and the participants too small
    to have a shape at this scale. The European Union has no shape of its own: its member States
    are drawn as each stands."""
    drawn = world_map()
    statuses = {
        participant.code: "party" if participant.instrument else "signatory"
        for participant in participants
        if participant.instrument or participant.signature
    }
    return {
        "width": drawn.width,
        "height": drawn.height,
        "countries": [
            Country(shape, statuses.get(shape.code, ""), str(countries.name(shape.code))) for shape in drawn.shapes
        ],
        "signatories": sum(1 for status in statuses.values() if status == "signatory"),
        "parties": sum(1 for status in statuses.values() if status == "party"),
        "not_drawn": sorted(
            (
                participant
                for participant in participants
                if participant.code in statuses
                and participant.code not in drawn.codes
                and participant.kind == ParticipantKind.STATE
            ),
            key=str,
        ),
    }
