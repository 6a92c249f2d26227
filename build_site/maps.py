"""Maps drawn at build time: the record's places on Natural Earth's coastlines and borders, as SVG data.

No tiles and nothing from another host: the base map is world-atlas's TopoJSON of Natural Earth's
1:50m countries (public domain), vendored by scripts/vendor_assets.py and read by the loader. This
module decodes it (no maintained pure-Python TopoJSON reader exists on PyPI: pytopojson needs numpy
and was last released in 2022, `topojson` is an encoder built on shapely), projects it, clips it to
each map's frame and computes every marker; templates/_map.j2 lays the result out as `<svg>`.

The projection is equirectangular, scaled by the cosine of the frame's middle latitude: over the
few degrees of the Libyan coast it distorts distances by under 3%, and a scale bar can be honest.
Markers say how precisely a place is located: a dot for an exact point, a circle whose radius is the
uncertainty of its precision for the rest (PRECISION_RADIUS_KM), never smaller than can be seen.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence

from . import model as m

PRECISION_RADIUS_KM = {"exact": 0.0, "landmark": 0.25, "neighbourhood": 1.0, "city": 5.0, "region": 50.0}
"""How far from its point a place of each precision may be: the radius of its circle on the map."""

PRECISION_MEANING = {
    "exact": "an exact point",
    "landmark": "a landmark: within about 250 m",
    "neighbourhood": "a neighbourhood: within about 1 km",
    "city": "somewhere in the city: within about 5 km",
    "region": "somewhere in a region: within about 50 km or more",
}
"""The legend's words for each precision."""

MIN_RADIUS_PX = {"exact": 2.5, "landmark": 3.5, "neighbourhood": 4.0, "city": 4.5, "region": 5.0}
"""The smallest circle drawn for each precision, so that every marker stays visible and clickable."""

KM_PER_DEGREE = 111.32
MAIN_WIDTH, INSET_WIDTH, LOCATOR_WIDTH = 960, 360, 360
CLUSTER_PX = 14.0
"""Places closer than this on the main map crowd: a cluster of at least INSET_MIN gets an inset."""
INSET_MIN, INSETS_MAX = 3, 2
NICE_KM = (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)

Point = tuple[float, float]


# --------------------------------------------------------------------------- the base map


@dataclass(frozen=True)
class Country:
    """One country of the base map, in degrees."""

    name: str
    rings: list[list[Point]]
    """Every ring (outer and holes) of every polygon, as (lon, lat)."""
    bbox: tuple[float, float, float, float]
    """lon_min, lat_min, lon_max, lat_max."""


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:  # quantized: positions are deltas from the previous one
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            xs = itertools.accumulate(p[0] for p in arc)
            ys = itertools.accumulate(p[1] for p in arc)
            arcs.append([(x * sx + tx, y * sy + ty) for x, y in zip(xs, ys, strict=True)])
        else:
            arcs.append([(p[0], p[1]) for p in arc])
    return arcs


def _ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


_DECODED: list[tuple[dict[str, Any], list[Country]]] = []
"""The last topology decoded and its countries (the resident preview renders from the same one each save)."""


def decode_countries(topology: dict[str, Any]) -> list[Country]:
    """world-atlas's `countries` object as polygons in degrees (TopoJSON specification 2.1); the same list
    again for the same topology object (not to be changed)."""
    if _DECODED and _DECODED[0][0] is topology:
        return _DECODED[0][1]
    countries = _decode_countries(topology)
    _DECODED[:] = [(topology, countries)]
    return countries


def _decode_countries(topology: dict[str, Any]) -> list[Country]:
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        points = [p for ring in rings for p in ring]
        if points:
            lons, lats = [p[0] for p in points], [p[1] for p in points]
            countries.append(Country(geometry.get("properties", {}).get("name", ""), rings,
                                     (min(lons), min(lats), max(lons), max(lats))))
    return countries


# --------------------------------------------------------------------------- frames and projection


@dataclass(frozen=True)
class Frame:
    """The part of the world one map shows, and its size in pixels."""

    lon_min: float
    lat_min: float
    lon_max: float
    lat_max: float
    width: int

    @property
    def cos(self) -> float:
        return math.cos(math.radians((self.lat_min + self.lat_max) / 2))

    @property
    def px_per_degree(self) -> float:
        return self.width / ((self.lon_max - self.lon_min) * self.cos)

    @property
    def height(self) -> int:
        return round((self.lat_max - self.lat_min) * self.px_per_degree)

    @property
    def px_per_km(self) -> float:
        return self.px_per_degree / KM_PER_DEGREE

    def project(self, lon: float, lat: float) -> Point:
        k = self.px_per_degree
        return (lon - self.lon_min) * self.cos * k, (self.lat_max - lat) * k

    def contains(self, lon: float, lat: float) -> bool:
        return self.lon_min <= lon <= self.lon_max and self.lat_min <= lat <= self.lat_max


def frame_around(points: Sequence[Point], width: int, pad: float, min_span: float) -> Frame:
    """A frame holding every (lon, lat), padded, at least `min_span` degrees tall, no taller than wide."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    centre_lat = (min(lats) + max(lats)) / 2
    cos = math.cos(math.radians(centre_lat))
    half_lat = max((max(lats) - min(lats)) / 2 + pad, min_span / 2)
    half_lon = max((max(lons) - min(lons)) / 2 + pad / cos, half_lat / cos / 0.85)
    half_lat = max(half_lat, half_lon * cos * 0.45)  # not a sliver either
    centre_lon = (min(lons) + max(lons)) / 2
    return Frame(round(centre_lon - half_lon, 3), round(centre_lat - half_lat, 3),
                 round(centre_lon + half_lon, 3), round(centre_lat + half_lat, 3), width)


def _clip(ring: list[Point], width: float, height: float) -> list[Point]:
    """Sutherland–Hodgman against the rectangle [-2, width+2] × [-2, height+2]: a filled ring stays filled."""
    edges = ((0, -2.0, 1), (0, width + 2, -1), (1, -2.0, 1), (1, height + 2, -1))
    for axis, bound, side in edges:
        if not ring:
            break
        clipped: list[Point] = []
        for a, b in zip([ring[-1], *ring[:-1]], ring, strict=True):
            a_in, b_in = (a[axis] - bound) * side >= 0, (b[axis] - bound) * side >= 0
            if a_in != b_in:
                t = (bound - a[axis]) / (b[axis] - a[axis])
                clipped.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
            if b_in:
                clipped.append(b)
        ring = clipped
    return ring


def _path(points: Iterable[Point]) -> str:
    kept: list[tuple[int, int]] = []
    for x, y in points:  # tenths of a pixel, thinned to about a pixel apart
        point = (round(x * 10), round(y * 10))
        if not kept or abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= 8:
            kept.append(point)
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x / 10:g},{y / 10:g}" for x, y in kept) + "Z"


def land_path(countries: Sequence[Country], frame: Frame) -> str:
    """The countries inside a frame, clipped to it, as one SVG path (`d`)."""
    parts = []
    for country in countries:
        lon_min, lat_min, lon_max, lat_max = country.bbox
        if lon_max < frame.lon_min or lon_min > frame.lon_max or lat_max < frame.lat_min or lat_min > frame.lat_max:
            continue
        for ring in country.rings:
            parts.append(_path(_clip([frame.project(*p) for p in ring], frame.width, frame.height)))
    return "".join(parts)


# --------------------------------------------------------------------------- what a map shows


@dataclass(frozen=True)
class Marker:
    """One place on one map."""

    place_id: str
    name: str
    url: str
    """The place's page, site-relative."""
    x: float
    y: float
    r: float
    """The circle's radius in pixels: the precision's uncertainty at this map's scale, or its minimum."""
    precision: str
    description: str
    """The accessible name: the place and how precisely it is located."""


@dataclass(frozen=True)
class Label:
    """A place name written on a map."""

    x: float
    y: float
    text: str
    anchor: str
    """`start`, `middle` or `end`."""


@dataclass(frozen=True)
class Box:
    """Where an inset's frame lies on the main map."""

    x: float
    y: float
    width: float
    height: float
    label: str


@dataclass(frozen=True)
class ScaleBar:
    x: float
    y: float
    length: float
    """In pixels."""
    label: str


@dataclass(frozen=True)
class MapView:
    """One SVG map, ready to lay out."""

    id: str
    """The map's id on its page (`map-main`), for its title and links to it."""
    title: str
    """What the map shows, for its accessible name."""
    width: int
    height: int
    land: str
    markers: list[Marker]
    labels: list[Label]
    scale: ScaleBar
    boxes: list[Box] = field(default_factory=list)


def _marker(place: m.Place, frame: Frame, url: str) -> Marker:
    c = place.coordinates
    assert c is not None
    x, y = frame.project(c.lon, c.lat)
    # Never wider than the map: a region's circle on a town's inset would only hide the map.
    r = min(max(PRECISION_RADIUS_KM[c.precision] * frame.px_per_km, MIN_RADIUS_PX[c.precision]), frame.width / 2)
    return Marker(place.id, place.name, url, round(x, 1), round(y, 1), round(r, 1), c.precision,
                  f"{place.name}: located as {PRECISION_MEANING[c.precision]}")


def _labels(markers: Sequence[Marker], frame: Frame, font: float, limit: int) -> list[Label]:
    """Greedy placement: each name right, left, above or below its point, where it overlaps nothing."""
    taken: list[tuple[float, float, float, float]] = []
    labels = []
    for marker in markers[:limit]:
        width = 0.56 * font * len(marker.name)
        for dx, dy, anchor, x0 in ((6, 4, "start", 0.0), (-6, 4, "end", -width), (0, -7, "middle", -width / 2),
                                   (0, 15, "middle", -width / 2)):
            x, y = marker.x + dx, marker.y + dy
            box = (x + x0, y - font, x + x0 + width, y + 2)
            inside = box[0] >= 0 and box[2] <= frame.width and box[1] >= 0 and box[3] <= frame.height
            if inside and not any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in taken):
                taken.append(box)
                labels.append(Label(round(x, 1), round(y, 1), marker.name, anchor))
                break
    return labels


def _scale_bar(frame: Frame) -> ScaleBar:
    target = frame.width / 5 / frame.px_per_km
    km = max((k for k in NICE_KM if k <= target), default=NICE_KM[0])
    return ScaleBar(12, frame.height - 14, round(km * frame.px_per_km, 1), f"{km:g} km")


def _clusters(points: dict[str, Point]) -> list[list[str]]:
    """Single-linkage groups of points closer than CLUSTER_PX, found through a grid (never all pairs)."""
    parent = {key: key for key in points}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    grid: dict[tuple[int, int], list[str]] = {}
    for key, (x, y) in sorted(points.items()):
        cell = (int(x // CLUSTER_PX), int(y // CLUSTER_PX))
        for dx, dy in itertools.product((-1, 0, 1), repeat=2):
            for other in grid.get((cell[0] + dx, cell[1] + dy), []):
                ox, oy = points[other]
                if math.hypot(x - ox, y - oy) < CLUSTER_PX:
                    parent[root(key)] = root(other)
        grid.setdefault(cell, []).append(key)
    groups: dict[str, list[str]] = {}
    for key in sorted(points):
        groups.setdefault(root(key), []).append(key)
    return sorted(groups.values(), key=lambda group: (-len(group), group[0]))


class Atlas:
    """Every map of one build: the main map's frame, its insets where places crowd, and locator maps."""

    def __init__(self, places: dict[str, m.Place], countries: Sequence[Country], urls: dict[str, str]):
        self.places = {pid: p for pid, p in places.items() if p.coordinates is not None}
        self.countries = countries
        self.urls = urls
        self._land: dict[Frame, str] = {}
        points = [(p.coordinates.lon, p.coordinates.lat) for p in self.places.values() if p.coordinates]
        self.main = frame_around(points or [(20.0, 31.0)], MAIN_WIDTH, pad=0.6, min_span=2.0)
        self.insets = self._inset_frames()

    def _inset_frames(self) -> list[tuple[Frame, list[str]]]:
        on_main = {pid: self.main.project(*self._lonlat(pid)) for pid in self.places}
        insets: list[tuple[Frame, list[str]]] = []
        for group in _clusters(on_main):
            frame = frame_around([self._lonlat(pid) for pid in group], INSET_WIDTH, pad=0.08, min_span=0.25)
            small = frame.lon_max - frame.lon_min < (self.main.lon_max - self.main.lon_min) / 4
            if len(group) >= INSET_MIN and small and len(insets) < INSETS_MAX:
                insets.append((frame, [pid for pid in self.places if frame.contains(*self._lonlat(pid))]))
        return insets

    def _lonlat(self, place_id: str) -> Point:
        c = self.places[place_id].coordinates
        assert c is not None
        return c.lon, c.lat

    def land(self, frame: Frame) -> str:
        if frame not in self._land:
            self._land[frame] = land_path(self.countries, frame)
        return self._land[frame]

    def _markers(self, frame: Frame, place_ids: Iterable[str]) -> list[Marker]:
        markers = [_marker(self.places[pid], frame, self.urls[pid]) for pid in place_ids]
        return sorted(markers, key=lambda mk: (-mk.r, mk.place_id))  # small circles on top of large ones

    def _view(self, map_id: str, title: str, frame: Frame, place_ids: Iterable[str], label_limit: int,
              boxes: Optional[list[Box]] = None) -> MapView:
        markers = self._markers(frame, place_ids)
        by_weight = sorted(markers, key=lambda mk: (mk.r, mk.place_id))  # the most precise are named first
        return MapView(map_id, title, frame.width, frame.height, self.land(frame), markers,
                       _labels(by_weight, frame, 11 if frame.width < MAIN_WIDTH else 12, label_limit),
                       _scale_bar(frame), boxes or [])

    def main_map(self, label_ids: Sequence[str]) -> MapView:
        """Every located place; names for `label_ids` (in order of preference) where they fit."""
        boxes = []
        for number, (frame, _) in enumerate(self.insets, start=1):
            x0, y0 = self.main.project(frame.lon_min, frame.lat_max)
            x1, y1 = self.main.project(frame.lon_max, frame.lat_min)
            boxes.append(Box(round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1), f"inset {number}"))
        view = self._view("map-main", "Every located place in the record", self.main, sorted(self.places), 0, boxes)
        in_insets = {pid for _, ids in self.insets for pid in ids}
        named = [mk for pid in label_ids for mk in view.markers if mk.place_id == pid and pid not in in_insets]
        return dataclasses.replace(view, labels=_labels(named, self.main, 12, 40))

    def inset_maps(self) -> list[MapView]:
        return [self._view(f"map-inset-{number}", f"Inset {number}: places that crowd the main map", frame, ids, 30)
                for number, (frame, ids) in enumerate(self.insets, start=1)]

    def locator(self, place_ids: Sequence[str], title: str) -> Optional[MapView]:
        """A small map of some places: in the inset that holds them all, else on the main map's frame."""
        located = [pid for pid in dict.fromkeys(place_ids) if pid in self.places]
        if not located:
            return None
        frame = next((inset for inset, ids in self.insets if set(located) <= set(ids)), None)
        base = frame or self.main
        sized = Frame(base.lon_min, base.lat_min, base.lon_max, base.lat_max, LOCATOR_WIDTH)
        return self._view("map-locator", title, sized, located, 8)
