"""Network analysis of a case's ties: plain values in, metrics out (networkx, no ORM).

A tie is undirected for density, components, degree, betweenness and eigenvector centrality.
Direction only matters for dominance and brokerage: an asymmetric tie runs from the dominant
actor to the dominated one; a symmetric tie runs both ways.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from common.spreadsheets import xml_safe

BROKERAGE_ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


@dataclass(frozen=True, slots=True)
class Node:
    id: int
    label: str
    name: str
    sector: str
    kind: str


@dataclass(frozen=True, slots=True)
class Edge:
    id: int
    source: int
    target: int
    form: str
    direction: str
    strength: str
    stage: str = ""
    dominant: int | None = None
    evidence: str = ""

    @property
    def dominated(self) -> int | None:
        if self.dominant is None:
            return None
        return self.target if self.dominant == self.source else self.source

    @property
    def domination(self) -> tuple[int, int] | None:
        """(dominant, dominated) of an asymmetric tie; None for a symmetric one."""
        if self.dominant is None:
            return None
        return self.dominant, self.target if self.dominant == self.source else self.source


@dataclass(frozen=True, slots=True)
class NodeMetrics:
    degree: int
    degree_centrality: float
    betweenness: float
    eigenvector: float | None
    dominates: tuple[int, ...]
    dominated_by: tuple[int, ...]
    brokerage: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    metrics: dict[int, NodeMetrics]
    density: float
    components: int
    counts: dict[str, dict[str, int]]


def undirected_graph(nodes: Sequence[Node], edges: Sequence[Edge]) -> nx.Graph:
    graph = nx.Graph()
    for node in sorted(nodes, key=lambda n: n.id):
        graph.add_node(node.id)
    for edge in edges:
        graph.add_edge(edge.source, edge.target)
    return graph


def directed_graph(nodes: Sequence[Node], edges: Sequence[Edge]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(n.id for n in nodes))
    for edge in edges:
        if edge.dominant is None:
            graph.add_edge(edge.source, edge.target)
            graph.add_edge(edge.target, edge.source)
        else:
            graph.add_edge(edge.dominant, edge.dominated)
    return graph


def brokerage(graph: nx.DiGraph, group: dict[int, str]) -> dict[int, dict[str, int]]:
    """Gould & Fernandez (1989) brokerage roles across sectors.

    For every open two-path a → b → c (a ≠ c, no tie a → c), broker b plays: coordinator (a, b
    and c in one group), itinerant (a and c share a group b is not in), gatekeeper (b and c in
    one group, a outside), representative (a and b in one group, c outside) or liaison (three
    groups).
    """
    roles = {node: dict.fromkeys(BROKERAGE_ROLES, 0) for node in graph}
    for broker in graph:
        for a in graph.predecessors(broker):
            for c in graph.successors(broker):
                if a == c or graph.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[broker], group[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif gb == gc:
                    role = "gatekeeper"
                elif ga == gb:
                    role = "representative"
                else:
                    role = "liaison"
                roles[broker][role] += 1
    return roles


def _eigenvector(graph: nx.Graph) -> dict[int, float | None]:
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, 0.0)
    try:
        values = nx.eigenvector_centrality(graph, max_iter=2000, tol=1e-9)
    except nx.PowerIterationFailedConvergence:
        return dict.fromkeys(graph, None)
    return {node: round(value, 4) for node, value in values.items()}


def analyse(nodes: Sequence[Node], edges: Sequence[Edge]) -> Network:
    nodes = tuple(sorted(nodes, key=lambda n: n.id))
    edges = tuple(sorted(edges, key=lambda e: e.id))
    graph = undirected_graph(nodes, edges)
    directed = directed_graph(nodes, edges)
    n = graph.number_of_nodes()
    degree_centrality = nx.degree_centrality(graph) if n > 1 else dict.fromkeys(graph, 0.0)
    betweenness = (
        nx.betweenness_centrality(graph, normalized=True) if n > 2 else dict.fromkeys(graph, 0.0)
    )
    eigenvector = _eigenvector(graph)
    roles = brokerage(directed, {node.id: node.sector for node in nodes})
    dominates: dict[int, set[int]] = {node.id: set() for node in nodes}
    dominated_by: dict[int, set[int]] = {node.id: set() for node in nodes}
    for edge in edges:
        if edge.domination is not None:
            dominant, dominated = edge.domination
            dominates[dominant].add(dominated)
            dominated_by[dominated].add(dominant)
    metrics = {
        node.id: NodeMetrics(
            degree=graph.degree(node.id),
            degree_centrality=round(degree_centrality[node.id], 4),
            betweenness=round(betweenness[node.id], 4),
            eigenvector=eigenvector[node.id],
            dominates=tuple(sorted(dominates[node.id])),
            dominated_by=tuple(sorted(dominated_by[node.id])),
            brokerage=roles[node.id],
        )
        for node in nodes
    }
    return Network(
        nodes=nodes,
        edges=edges,
        metrics=metrics,
        density=round(nx.density(graph), 4) if n > 1 else 0.0,
        components=nx.number_connected_components(graph) if n else 0,
        counts={
            "form": dict(Counter(e.form for e in edges)),
            "direction": dict(Counter(e.direction for e in edges)),
            "strength": dict(Counter(e.strength for e in edges)),
        },
    )


# Exports ------------------------------------------------------------------------------------


def export_graph(network: Network) -> nx.Graph:
    """A graph whose attributes GEXF and GraphML can carry (strings and numbers only, the
    text without the control characters XML cannot hold: Word's line break among them)."""
    graph = nx.Graph()
    for node in network.nodes:
        m = network.metrics[node.id]
        graph.add_node(
            str(node.id),
            label=xml_safe(node.label),
            name=xml_safe(node.name),
            sector=node.sector,
            kind=node.kind,
            degree=m.degree,
            betweenness=m.betweenness,
            eigenvector=m.eigenvector if m.eigenvector is not None else -1.0,
        )
    for edge in network.edges:
        graph.add_edge(
            str(edge.source),
            str(edge.target),
            id=str(edge.id),
            form=edge.form,
            direction=edge.direction,
            strength=edge.strength,
            stage=edge.stage,
            dominant=str(edge.dominant) if edge.dominant is not None else "",
            weight=2 if edge.strength == "kuat" else 1,
        )
    return graph


def to_gexf(network: Network) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(export_graph(network), buffer)
    return buffer.getvalue()


def to_graphml(network: Network) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(export_graph(network), buffer)
    return buffer.getvalue()


EDGE_COLUMNS = [
    "source",
    "target",
    "source_name",
    "target_name",
    "form",
    "direction",
    "dominant",
    "strength",
    "stage",
    "evidence",
]


def edge_rows(network: Network) -> list[dict[str, str]]:
    names = {node.id: node.name for node in network.nodes}
    return [
        {
            "source": str(e.source),
            "target": str(e.target),
            "source_name": names[e.source],
            "target_name": names[e.target],
            "form": e.form,
            "direction": e.direction,
            "dominant": names.get(e.dominant, "") if e.dominant is not None else "",
            "strength": e.strength,
            "stage": e.stage,
            "evidence": e.evidence,
        }
        for e in network.edges
    ]


# Sociogram ----------------------------------------------------------------------------------

SECTOR_COLOURS = {
    "pemerintah": "#1f6feb",
    "swasta": "#b35900",
    "masyarakat": "#1a7f37",
    "akademisi": "#8250df",
    "media": "#bf3989",
}


@dataclass(frozen=True, slots=True)
class PlacedNode:
    node: Node
    x: float
    y: float
    colour: str
    label_x: float
    label_y: float
    anchor: str


@dataclass(frozen=True, slots=True)
class PlacedEdge:
    edge: Edge
    x1: float
    y1: float
    x2: float
    y2: float
    dashed: bool
    arrow: bool


def sociogram_layout(network: Network, size: int = 560, margin: int = 90) -> dict[str, Any]:
    """Places actors on a circle, grouped by sector then name, so the same network always
    gets the same picture. An asymmetric tie is drawn from the dominant actor, its arrow
    ending at the dominated one's edge."""
    order = sorted(network.nodes, key=lambda n: (n.sector, n.name, n.id))
    radius = (size - 2 * margin) / 2
    centre = size / 2
    node_radius = 18.0
    positions: dict[int, tuple[float, float]] = {}
    placed_nodes = []
    for index, node in enumerate(order):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(order), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        positions[node.id] = (round(centre + radius * cos, 1), round(centre + radius * sin, 1))
        # Labels sit outside the circle, anchored away from the centre.
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        placed_nodes.append(
            PlacedNode(
                node,
                *positions[node.id],
                SECTOR_COLOURS.get(node.sector, "#57606a"),
                label_x=round(centre + (radius + node_radius + 8) * cos, 1),
                label_y=round(centre + (radius + node_radius + 8) * sin + 4 + 8 * sin, 1),
                anchor=anchor,
            )
        )
    placed_edges = []
    for edge in network.edges:
        start, end = edge.domination or (edge.source, edge.target)
        (x1, y1), (x2, y2) = positions[start], positions[end]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        # Stop short of the circles so arrow heads stay visible.
        dx, dy = (x2 - x1) / length, (y2 - y1) / length
        placed_edges.append(
            PlacedEdge(
                edge,
                round(x1 + dx * node_radius, 1),
                round(y1 + dy * node_radius, 1),
                round(x2 - dx * (node_radius + 4), 1),
                round(y2 - dy * (node_radius + 4), 1),
                dashed=edge.strength != "kuat",
                arrow=edge.dominant is not None,
            )
        )
    return {
        "size": size,
        "nodes": placed_nodes,
        "edges": placed_edges,
        "node_radius": node_radius,
        "centre": centre,
        "sectors": [
            (s, SECTOR_COLOURS[s])
            for s in SECTOR_COLOURS
            if any(n.sector == s for n in network.nodes)
        ],
    }
