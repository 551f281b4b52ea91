"""Seed 003's institutional network (Tabel 2), checked against values worked out by hand."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from django.test import override_settings

from assessments.models import Case
from demo.loader import load_demo
from stakeholders import network, selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def prabumulih():
    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    return Case.objects.get(title__contains="Pasar II")


def by_label(analysed):
    return {node.label: analysed.metrics[node.id] for node in analysed.nodes}


def test_institutional_network_matches_the_hand_computation(prabumulih):
    """Actors: Lurah (EM), LKM (MH), fasilitator (YS), Satker PKP (MF), bank sampah (DF) and
    Askot (AW, in the legend but in no tie of Tabel 2). Ties: EM–MH, YS–EM, EM–MF, MF–MH, MH–DF.

    n = 6, m = 5: density = 2·5 / (6·5) = 0,3333; components: {EM, MH, YS, MF, DF} and {AW}.
    Degrees: EM 3, MH 3, MF 2, YS 1, DF 1, AW 0; degree centrality = degree / 5.
    Betweenness: EM lies on YS–MH, YS–MF and YS–DF; MH on EM–DF, MF–DF and YS–DF; 3 pairs each,
    normalised by (n−1)(n−2)/2 = 10 → 0,3 for EM and MH, 0 for the rest.
    """
    analysed = selectors.case_network(prabumulih, level="institution")
    assert analysed.density == pytest.approx(0.3333, abs=1e-4)
    assert analysed.components == 2
    metrics = by_label(analysed)
    assert {label: m.degree for label, m in metrics.items()} == {
        "EM": 3,
        "MH": 3,
        "MF": 2,
        "YS": 1,
        "DF": 1,
        "AW": 0,
    }
    assert metrics["EM"].degree_centrality == pytest.approx(0.6)
    assert metrics["YS"].degree_centrality == pytest.approx(0.2)
    assert {label: m.betweenness for label, m in metrics.items()} == {
        "EM": 0.3,
        "MH": 0.3,
        "MF": 0.0,
        "YS": 0.0,
        "DF": 0.0,
        "AW": 0.0,
    }
    assert metrics["EM"].eigenvector == metrics["MH"].eigenvector  # symmetric positions
    assert metrics["AW"].eigenvector == 0
    assert analysed.counts == {
        "form": {"kekerabatan": 2, "kerja": 3},
        "direction": {"asimetris": 2, "simetris": 3},
        "strength": {"lemah": 5},
    }


def test_who_dominates_whom_and_brokerage(prabumulih):
    """Vertical ties: Lurah → LKM and Satker → LKM. On the directed graph (symmetric ties both
    ways) the open two-paths through a broker are: YS→EM→MF and MF→EM→YS (coordinator: all
    pemerintah), YS→EM→MH (representative: pemerintah, pemerintah → masyarakat), EM→MH→DF and
    MF→MH→DF (liaison: three sectors). MF→EM→MH is closed by the tie MF→MH."""
    analysed = selectors.case_network(prabumulih, level="institution")
    labels = {node.id: node.label for node in analysed.nodes}
    metrics = by_label(analysed)
    assert [labels[i] for i in metrics["EM"].dominates] == ["MH"]
    assert [labels[i] for i in metrics["MF"].dominates] == ["MH"]
    assert sorted(labels[i] for i in metrics["MH"].dominated_by) == ["EM", "MF"]
    assert metrics["EM"].brokerage == {
        "coordinator": 2,
        "itinerant": 0,
        "gatekeeper": 0,
        "representative": 1,
        "liaison": 0,
    }
    assert metrics["MH"].brokerage["liaison"] == 2
    assert sum(metrics["YS"].brokerage.values()) == 0


def test_individual_and_institutional_networks_are_apart(prabumulih):
    individual = selectors.case_network(prabumulih, level="individual")
    assert len(individual.edges) == 10
    assert all(node.kind == "individual" for node in individual.nodes)
    assert individual.components == 1


def test_stage_filter_keeps_ties_that_hold_throughout(prabumulih):
    from stakeholders import services
    from stakeholders.models import Actor

    satker = Actor.objects.get(short_label="MF")
    askot = Actor.objects.get(short_label="AW")
    services.tie_create(
        case=prabumulih,
        source=satker,
        target=askot,
        form="kerja",
        direction="simetris",
        strength="kuat",
        stage="pelaksanaan",
    )
    assert (
        len(selectors.case_network(prabumulih, level="institution", stage="pelaksanaan").edges) == 6
    )
    assert (
        len(selectors.case_network(prabumulih, level="institution", stage="persiapan").edges) == 5
    )


def test_exports_open_again_with_the_same_nodes_and_edges(prabumulih):
    analysed = selectors.case_network(prabumulih, level="institution")
    nodes = {str(n.id) for n in analysed.nodes}
    edges = {frozenset((str(e.source), str(e.target))) for e in analysed.edges}
    for reader, data in (
        (nx.read_gexf, network.to_gexf(analysed)),
        (nx.read_graphml, network.to_graphml(analysed)),
    ):
        graph = reader(io.BytesIO(data))
        assert set(graph.nodes) == nodes
        assert {frozenset(e) for e in graph.edges} == edges
        assert {graph.nodes[n]["label"] for n in graph.nodes} == {
            "EM",
            "MH",
            "YS",
            "MF",
            "DF",
            "AW",
        }
    rows = network.edge_rows(analysed)
    graph = nx.Graph()
    graph.add_edges_from((r["source"], r["target"]) for r in rows)
    assert {frozenset(e) for e in graph.edges} == edges


def test_the_sociogram_is_the_same_each_time_and_encodes_the_legend(prabumulih):
    first = network.sociogram_layout(selectors.case_network(prabumulih, level="institution"))
    second = network.sociogram_layout(selectors.case_network(prabumulih, level="institution"))
    assert first == second
    assert all(e.dashed for e in first["edges"])  # Tabel 2: every tie is weak
    arrows = [e for e in first["edges"] if e.arrow]
    assert len(arrows) == 2
    colours = {p.node.label: p.colour for p in first["nodes"]}
    assert colours["MH"] == network.SECTOR_COLOURS["masyarakat"]
    assert colours["DF"] == network.SECTOR_COLOURS["swasta"]


def test_empty_network_is_not_an_error(case):
    analysed = selectors.case_network(case, level="individual")
    assert (analysed.density, analysed.components, analysed.nodes) == (0.0, 0, ())
    assert network.sociogram_layout(analysed)["nodes"] == []


def test_edge_csv_rows_name_the_dominant_actor(prabumulih):
    rows = network.edge_rows(selectors.case_network(prabumulih, level="institution"))
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=network.EDGE_COLUMNS)
    writer.writerows(rows)
    assert "Kelurahan Pasar II (Lurah)" in {r["dominant"] for r in rows}


def test_xml_exports_carry_a_name_pasted_with_words_line_break(client, case, researcher):
    """Word's manual line break (U+000B) is allowed in text but not in XML: GraphML and GEXF
    leave it out instead of failing."""
    from stakeholders import services

    pasted = services.actor_create(
        name="BKM\x0bKampung Bugis", kind="institution", sector="masyarakat"
    )
    other = services.actor_create(name="Dinas Perkim", kind="institution", sector="pemerintah")
    services.tie_create(
        case=case, source=pasted, target=other, form="kerja", direction="simetris",
        strength="kuat",
    )  # fmt: skip
    client.force_login(researcher)
    for kind, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        response = client.get(f"/api/v1/cases/{case.pk}/network.{kind}")
        assert response.status_code == 200, kind
        graph = read(io.BytesIO(response.content))
        assert "BKMKampung Bugis" in {data["name"] for _, data in graph.nodes(data=True)}, kind
